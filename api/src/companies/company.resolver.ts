import { CRM_SCOPES } from '../records/crm-scopes';
import { crudResolver, type ImportedNodeType, type ListFilterFactory } from '../records/crud.resolver';
import { recordCrmImport } from '../audit/record-audit';
import { SegmentSource } from '../common/crm-enums';
import { CompanyInput } from './company.inputs';
import { companyKind } from './company.kind';

/** Made in resolvers.ts, which hands in the manifest's entry and the list filter (both sit above the record kinds). */
export const companyResolver = (node: ImportedNodeType, listFilter: ListFilterFactory) =>
  crudResolver({
    scopes: CRM_SCOPES,
    kind: companyKind,
    input: CompanyInput,
    node,
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
