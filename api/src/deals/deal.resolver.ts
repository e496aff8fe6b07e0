import { CRM_SCOPES } from '../common/crm-scopes';
import { crudResolver } from '../common/crud.resolver';
import { FilterScope, SegmentSource } from '../common/crm-enums';
import { DealInput } from './deal.inputs';
import { dealKind } from './deal.kind';

export const DealResolver = crudResolver({
  scopes: CRM_SCOPES,
  kind: dealKind,
  input: DealInput,
  name: 'Deal',
  single: 'deal',
  plural: 'deals',
  bulk: true,
  fieldNeeds: { productRows: [] },
  filter: { source: SegmentSource.CLIENTS, member: 'deal', memberScope: FilterScope.DEALS },
  sortFields: {
    ID: { property: 'key' },
    TITLE: { property: 'titleFolded' },
    CREATED_AT: { property: 'createdAt', isDate: true },
    UPDATED_AT: { property: 'updatedAt', isDate: true },
  },
});
