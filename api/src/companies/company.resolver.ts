import { CRM_SCOPES } from '../common/crm-scopes';
import { crudResolver } from '../common/crud.resolver';
import { SegmentSource } from '../common/crm-enums';
import { CompanyInput } from './company.inputs';
import { companyKind } from './company.kind';

export const CompanyResolver = crudResolver({
  scopes: CRM_SCOPES,
  kind: companyKind,
  input: CompanyInput,
  name: 'Company',
  single: 'company',
  plural: 'companies',
  bulk: true,
  filter: { source: SegmentSource.CLIENTS, member: 'company' },
  sortFields: {
    ID: { property: 'key' },
    TITLE: { property: 'titleFolded' },
    CREATED_AT: { property: 'createdAt', isDate: true },
    UPDATED_AT: { property: 'updatedAt', isDate: true },
  },
});
