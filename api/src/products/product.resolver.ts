import { CRM_SCOPES } from '../records/crm-scopes';
import { crudResolver, type ImportedNodeType } from '../records/crud.resolver';
import { recordCrmImport } from '../audit/record-audit';
import { OrderInput } from './order.inputs';
import { orderKind } from './order.kind';
import { ProductInput } from './product.inputs';
import { productKind } from './product.kind';

/** Made in resolvers.ts, which hands in the manifest's entry (domains.ts sits above the record kinds). */
export const productResolver = (node: ImportedNodeType) =>
  crudResolver({
    scopes: CRM_SCOPES,
    kind: productKind,
    input: ProductInput,
    node,
    operations: { one: 'product', list: 'products', create: 'createProduct', update: 'updateProduct', delete: 'deleteProduct', upsert: 'upsertProducts' },
    recordImport: recordCrmImport,
    sortFields: { ID: { property: 'key' }, NAME: { property: 'nameFolded' }, CREATED_AT: { property: 'createdAt', isDate: true } },
  });

/** Made in resolvers.ts, which hands in the manifest's entry (domains.ts sits above the record kinds). */
export const orderResolver = (node: ImportedNodeType) =>
  crudResolver({
    scopes: CRM_SCOPES,
    kind: orderKind,
    input: OrderInput,
    node,
    operations: { one: 'order', list: 'orders', create: 'createOrder', update: 'updateOrder', delete: 'deleteOrder', upsert: 'upsertOrders' },
    recordImport: recordCrmImport,
    fieldNeeds: { productRows: [] },
    sortFields: { ID: { property: 'key' }, CREATED_AT: { property: 'createdAt', isDate: true }, TOTAL: { property: 'total' } },
  });
