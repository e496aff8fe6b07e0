import { CRM_SCOPES } from '../records/crm-scopes';
import { crudResolver, type ImportedNodeType, type ListFilterFactory } from '../records/crud.resolver';
import { recordCrmImport } from '../audit/record-audit';
import { FilterScope, SegmentSource } from '../common/crm-enums';
import { DealInput } from './deal.inputs';
import { dealKind } from './deal.kind';

/** Made in resolvers.ts, which hands in the manifest's entry and the list filter (both sit above the record kinds). */
export const dealResolver = (node: ImportedNodeType, listFilter: ListFilterFactory) =>
  crudResolver({
    scopes: CRM_SCOPES,
    kind: dealKind,
    input: DealInput,
    node,
    operations: { one: 'deal', list: 'deals', create: 'createDeal', update: 'updateDeal', delete: 'deleteDeal', upsert: 'upsertDeals' },
    recordImport: recordCrmImport,
    fieldNeeds: { productRows: [] },
    filter: listFilter({ source: SegmentSource.CLIENTS, member: 'deal', memberScope: FilterScope.DEALS }),
    sortFields: {
      ID: { property: 'key' },
      TITLE: { property: 'titleFolded' },
      CREATED_AT: { property: 'createdAt', isDate: true },
      UPDATED_AT: { property: 'updatedAt', isDate: true },
    },
  });
