import type { ChildWrites } from '../records/child-writes';
import { UserErrorCode } from '../common/user-error';
import type { Path, WriteContext } from '../records/write-context';
import { ProductRow } from './product-row.entity';
import type { ProductRowInput } from './product-row.inputs';
import { Product } from './product.entity';

export interface PreparedProductRow {
  product: number;
  quantity: number;
  price: number;
}

const MAX_ROWS = 500;

/** Validates product lines; undefined = leave the stored ones alone, [] = remove them all. */
export async function prepareProductRows(inputs: ProductRowInput[] | null | undefined, ctx: WriteContext, path: Path): Promise<PreparedProductRow[] | undefined> {
  if (inputs === undefined) return undefined;
  if (inputs === null) return [];
  if (inputs.length > MAX_ROWS) {
    ctx.problem(path, UserErrorCode.TOO_MANY, `At most ${MAX_ROWS} product rows.`);
    return undefined;
  }
  const rows = await Promise.all(
    inputs.map(async (input, index) => {
      const itemPath = [...path, index];
      if (input.productId == null && input.productExternalId == null) {
        ctx.problem([...itemPath, 'productId'], UserErrorCode.REQUIRED, 'Give productId or productExternalId.');
        return null;
      }
      const product = await ctx.byIdOrExternalId(Product, input.productId, input.productExternalId, itemPath, 'productId');
      const quantity = ctx.nonNegative(input.quantity, [...itemPath, 'quantity']) ?? 1;
      const price = ctx.nonNegative(input.price, [...itemPath, 'price']);
      if (!product) return null;
      return { product: product.key, quantity, price: price ?? product.getEntity().price ?? 0 };
    }),
  );
  return rows.filter((r): r is PreparedProductRow => r !== null);
}

export function replaceProductRows(children: ChildWrites, owner: 'deal' | 'order', ownerKey: number, rows: PreparedProductRow[]): void {
  children.replace({ entity: ProductRow, owner, ownerKey, rows: rows.map((row) => ({ ...row, [owner]: ownerKey })) });
}
