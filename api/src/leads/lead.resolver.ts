import { CRM_SCOPES } from '../common/crm-scopes';
import { crudResolver } from '../common/crud.resolver';
import { NODE_TYPES } from '../domains';
import { recordCrmImport } from '../audit/record-audit';
import { listFilter } from '../filtering/list-filter';
import { SegmentSource } from '../common/crm-enums';
import { LeadInput } from './lead.inputs';
import { leadKind } from './lead.kind';

export const LeadResolver = crudResolver({
  scopes: CRM_SCOPES,
  kind: leadKind,
  input: LeadInput,
  node: NODE_TYPES.Lead,
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
