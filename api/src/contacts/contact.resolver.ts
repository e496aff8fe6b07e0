import { CRM_SCOPES } from '../records/crm-scopes';
import { crudResolver, type ImportedNodeType, type ListFilterFactory } from '../records/crud.resolver';
import { recordCrmImport } from '../audit/record-audit';
import { SegmentSource } from '../common/crm-enums';
import { Contact } from './contact.entity';
import { ContactInput } from './contact.inputs';
import { contactKind } from './contact.kind';

/** Made in resolvers.ts, which hands in the manifest's entry and the list filter (both sit above the record kinds). */
export const contactResolver = (node: ImportedNodeType, listFilter: ListFilterFactory) =>
  crudResolver({
    scopes: CRM_SCOPES,
    kind: contactKind,
    input: ContactInput,
    node,
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
