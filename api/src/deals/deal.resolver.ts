import { crudResolver } from '../common/crud.resolver';
import { DealInput } from './deal.inputs';
import { dealKind } from './deal.kind';

export const DealResolver = crudResolver({
  kind: dealKind,
  input: DealInput,
  name: 'Deal',
  single: 'deal',
  plural: 'deals',
  bulk: true,
  sortFields: {
    ID: { property: 'key' },
    TITLE: { property: 'titleFolded' },
    CREATED_AT: { property: 'createdAt', isDate: true },
    UPDATED_AT: { property: 'updatedAt', isDate: true },
  },
});
