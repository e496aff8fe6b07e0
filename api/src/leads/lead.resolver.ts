import { CRM_SCOPES } from '../records/crm-scopes';
import { crudResolver, type ImportedNodeType, type ListFilterFactory } from '../records/crud.resolver';
import { recordCrmImport } from '../audit/record-audit';
import { SegmentSource } from '../common/crm-enums';
import { LeadInput } from './lead.inputs';
import { leadKind } from './lead.kind';

/** Made in resolvers.ts, which hands in the manifest's entry and the list filter (both sit above the record kinds). */
export const leadResolver = (node: ImportedNodeType, listFilter: ListFilterFactory) =>
  crudResolver({
    scopes: CRM_SCOPES,
    kind: leadKind,
    input: LeadInput,
    node,
    operations: { one: 'lead', list: 'leads', create: 'createLead', update: 'updateLead', delete: 'deleteLead', upsert: 'upsertLeads' },
    recordImport: recordCrmImport,
    fieldNeeds: { isRepeat: ['contact', 'company'] },
    filter: listFilter({ source: SegmentSource.LEADS, member: 'lead' }),
    sortFields: {
      ID: { property: 'key' },
      TITLE: { property: 'titleFolded' },
      CREATED_AT: { property: 'createdAt', isDate: true },
      UPDATED_AT: { property: 'updatedAt', isDate: true },
    },
  });
