import type { RecordKind } from '../records/record-kind';
import { UserError, UserErrorCode } from '../common/user-error';
import type { Path, WriteContext } from '../records/write-context';
import { ProductRow } from './product-row.entity';
import { Product } from './product.entity';
import type { ProductInput } from './product.inputs';

export const productKind: RecordKind<Product, ProductInput> = {
  entity: Product,
  noun: 'product',
  async prepare(input: ProductInput, ctx: WriteContext, path: Path, existing: Product | null) {
    const name = ctx.text(existing && input.name === undefined ? undefined : (input.name ?? null), [...path, 'name'], 300, true);
    return {
      changes: {
        externalId: ctx.text(input.externalId, [...path, 'externalId'], 100),
        name: name ?? undefined,
        sku: ctx.text(input.sku, [...path, 'sku'], 100),
        price: ctx.nonNegative(input.price, [...path, 'price']),
        currency: ctx.currency(input.currency, [...path, 'currency']),
        active: input.active ?? undefined,
      },
    };
  },
  async checkDelete(em, product) {
    const used = await em.count(ProductRow, { product: product.key });
    return used ? [UserError.of(['id'], UserErrorCode.IN_USE, `${used} deal or order line(s) sell this product; mark it inactive instead.`, used)] : [];
  },
};
