import { CRM_SCOPES } from '../common/crm-scopes';
import { crudResolver } from '../common/crud.resolver';
import { SegmentSource } from '../common/crm-enums';
import { LeadInput } from './lead.inputs';
import { leadKind } from './lead.kind';

export const LeadResolver = crudResolver({
  scopes: CRM_SCOPES,
  kind: leadKind,
  input: LeadInput,
  name: 'Lead',
  single: 'lead',
  plural: 'leads',
  bulk: true,
  fieldNeeds: { isRepeat: ['contact', 'company'] },
  filter: { source: SegmentSource.LEADS, member: 'lead' },
  sortFields: {
    ID: { property: 'key' },
    TITLE: { property: 'titleFolded' },
    CREATED_AT: { property: 'createdAt', isDate: true },
    UPDATED_AT: { property: 'updatedAt', isDate: true },
  },
});
