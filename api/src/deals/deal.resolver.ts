import { CRM_SCOPES } from '../common/crm-scopes';
import { crudResolver } from '../common/crud.resolver';
import { NODE_TYPES } from '../domains';
import { recordCrmImport } from '../audit/record-audit';
import { listFilter } from '../filtering/list-filter';
import { FilterScope, SegmentSource } from '../common/crm-enums';
import { DealInput } from './deal.inputs';
import { dealKind } from './deal.kind';

export const DealResolver = crudResolver({
  scopes: CRM_SCOPES,
  kind: dealKind,
  input: DealInput,
  node: NODE_TYPES.Deal,
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
