import { CRM_SCOPES } from '../common/crm-scopes';
import { crudResolver } from '../common/crud.resolver';
import { NODE_TYPES } from '../domains';
import { recordCrmImport } from '../audit/record-audit';
import { OrderInput } from './order.inputs';
import { orderKind } from './order.kind';
import { ProductInput } from './product.inputs';
import { productKind } from './product.kind';

export const ProductResolver = crudResolver({
  scopes: CRM_SCOPES,
  kind: productKind,
  input: ProductInput,
  node: NODE_TYPES.Product,
  operations: { one: 'product', list: 'products', create: 'createProduct', update: 'updateProduct', delete: 'deleteProduct', upsert: 'upsertProducts' },
  recordImport: recordCrmImport,
  sortFields: { ID: { property: 'key' }, NAME: { property: 'nameFolded' }, CREATED_AT: { property: 'createdAt', isDate: true } },
});

export const OrderResolver = crudResolver({
  scopes: CRM_SCOPES,
  kind: orderKind,
  input: OrderInput,
  node: NODE_TYPES.Order,
  operations: { one: 'order', list: 'orders', create: 'createOrder', update: 'updateOrder', delete: 'deleteOrder', upsert: 'upsertOrders' },
  recordImport: recordCrmImport,
  fieldNeeds: { productRows: [] },
  sortFields: { ID: { property: 'key' }, CREATED_AT: { property: 'createdAt', isDate: true }, TOTAL: { property: 'total' } },
});
