import type { CrmDomain } from '../common/crm-domain';
import { leadFields } from './lead.fields';

/** Leads as segment members of the Leads source: their fields are on their row. */
export const leadFiltering: CrmDomain = {
  fields: leadFields,
  members: { lead: { table: 'lead', reaches: { lead: { kind: 'self' } } } },
  writes: [{ table: 'lead', members: { lead: [{ kind: 'column', column: 'id' }] } }],
};
