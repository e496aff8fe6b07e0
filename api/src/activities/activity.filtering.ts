import type { CrmDomain } from '../common/crm-domain';
import { FilterScope } from '../common/crm-enums';
import { activityFields } from './activity.fields';

/** Activities: the ACTIVITIES scope of contacts, companies and leads; a write touches its owners. */
export const activityFiltering: CrmDomain = {
  fields: activityFields,
  scopes: {
    [FilterScope.ACTIVITIES]: { subject: 'activity', from: 'activity', owner: { contact: 'contact_id', company: 'company_id', lead: 'lead_id' }, rows: (data) => data.activity ?? [] },
  },
  writes: [
    {
      table: 'activity',
      members: { contact: [{ kind: 'column', column: 'contact_id' }], company: [{ kind: 'column', column: 'company_id' }], lead: [{ kind: 'column', column: 'lead_id' }] },
    },
  ],
};
