import type { CrmDomain } from '../common/crm-domain';
import { companyFields } from './company.fields';

/**
 * Companies as segment members (`client.*`, `company.*` on their row). A write to a company
 * touches the company and every contact of it, whose `company.*` rules read it.
 */
export const companyFiltering: CrmDomain = {
  fields: companyFields,
  members: { company: { table: 'company', reaches: { client: { kind: 'self' }, company: { kind: 'self' } } } },
  writes: [{ table: 'company', members: { company: [{ kind: 'column', column: 'id' }], contact: [{ kind: 'referrers', column: 'company_id' }] } }],
};
