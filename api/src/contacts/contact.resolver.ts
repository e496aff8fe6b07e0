import { CRM_SCOPES } from '../common/crm-scopes';
import { crudResolver } from '../common/crud.resolver';
import { SegmentSource } from '../common/crm-enums';
import { Contact } from './contact.entity';
import { ContactInput } from './contact.inputs';
import { contactKind } from './contact.kind';

export const ContactResolver = crudResolver({
  scopes: CRM_SCOPES,
  kind: contactKind,
  input: ContactInput,
  name: 'Contact',
  single: 'contact',
  plural: 'contacts',
  bulk: true,
  fieldNeeds: { fullName: ['firstName', 'secondName', 'lastName'] },
  filter: { source: SegmentSource.CLIENTS, member: 'contact' },
  sortFields: {
    ID: { property: 'key' },
    CREATED_AT: { property: 'createdAt', isDate: true },
    UPDATED_AT: { property: 'updatedAt', isDate: true },
  },
});
export { Contact };
