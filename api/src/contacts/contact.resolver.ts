import { CRM_SCOPES } from '../common/crm-scopes';
import { crudResolver } from '../common/crud.resolver';
import { NODE_TYPES } from '../domains';
import { recordCrmImport } from '../audit/record-audit';
import { listFilter } from '../filtering/list-filter';
import { SegmentSource } from '../common/crm-enums';
import { Contact } from './contact.entity';
import { ContactInput } from './contact.inputs';
import { contactKind } from './contact.kind';

export const ContactResolver = crudResolver({
  scopes: CRM_SCOPES,
  kind: contactKind,
  input: ContactInput,
  node: NODE_TYPES.Contact,
  operations: { one: 'contact', list: 'contacts', create: 'createContact', update: 'updateContact', delete: 'deleteContact', upsert: 'upsertContacts' },
  recordImport: recordCrmImport,
  fieldNeeds: { fullName: ['firstName', 'secondName', 'lastName'] },
  filter: listFilter({ source: SegmentSource.CLIENTS, member: 'contact' }),
  sortFields: {
    ID: { property: 'key' },
    CREATED_AT: { property: 'createdAt', isDate: true },
    UPDATED_AT: { property: 'updatedAt', isDate: true },
  },
});
export { Contact };
