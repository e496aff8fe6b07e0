/**
 * Indexed reads where the caller knows the element is there (`noUncheckedIndexedAccess` types
 * every `xs[i]` as possibly undefined). A miss is a bug, so these throw instead of letting
 * `undefined` travel on.
 */

/** `items[index]` for an index computed within the bounds (a modulo, a loop over the same list, a regex group that always takes part). */
export function itemAt<T>(items: ArrayLike<T>, index: number): T {
  const item = items[index];
  if (item === undefined) throw new RangeError(`expected an item at index ${index} of ${items.length}`);
  return item;
}

/** The row of a statement that always returns one: an aggregate without GROUP BY, a SELECT of expressions. */
export function firstRow<T>(rows: readonly T[]): T {
  const row = rows[0];
  if (row === undefined) throw new Error('expected one row, got none');
  return row;
}
