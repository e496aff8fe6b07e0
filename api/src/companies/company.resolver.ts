import { CRM_SCOPES } from '../common/crm-scopes';
import { crudResolver } from '../common/crud.resolver';
import { NODE_TYPES } from '../domains';
import { recordCrmImport } from '../audit/record-audit';
import { listFilter } from '../filtering/list-filter';
import { SegmentSource } from '../common/crm-enums';
import { CompanyInput } from './company.inputs';
import { companyKind } from './company.kind';

export const CompanyResolver = crudResolver({
  scopes: CRM_SCOPES,
  kind: companyKind,
  input: CompanyInput,
  node: NODE_TYPES.Company,
  operations: { one: 'company', list: 'companies', create: 'createCompany', update: 'updateCompany', delete: 'deleteCompany', upsert: 'upsertCompanies' },
  recordImport: recordCrmImport,
  filter: listFilter({ source: SegmentSource.CLIENTS, member: 'company' }),
  sortFields: {
    ID: { property: 'key' },
    TITLE: { property: 'titleFolded' },
    CREATED_AT: { property: 'createdAt', isDate: true },
    UPDATED_AT: { property: 'updatedAt', isDate: true },
  },
});
