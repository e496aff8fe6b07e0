import { CRM_SCOPES } from '../common/crm-scopes';
import { crudResolver } from '../common/crud.resolver';
import { OrderInput } from './order.inputs';
import { orderKind } from './order.kind';
import { ProductInput } from './product.inputs';
import { productKind } from './product.kind';

export const ProductResolver = crudResolver({
  scopes: CRM_SCOPES,
  kind: productKind,
  input: ProductInput,
  name: 'Product',
  single: 'product',
  plural: 'products',
  bulk: true,
  sortFields: { ID: { property: 'key' }, NAME: { property: 'nameFolded' }, CREATED_AT: { property: 'createdAt', isDate: true } },
});

export const OrderResolver = crudResolver({
  scopes: CRM_SCOPES,
  kind: orderKind,
  input: OrderInput,
  name: 'Order',
  fieldNeeds: { productRows: [] },
  single: 'order',
  plural: 'orders',
  bulk: true,
  sortFields: { ID: { property: 'key' }, CREATED_AT: { property: 'createdAt', isDate: true }, TOTAL: { property: 'total' } },
});
