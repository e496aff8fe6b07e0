/** The ids in their new order after moving the one at `index` by `delta` places (clamped). */
export function moveId(ids: readonly string[], index: number, delta: number): string[] {
  const target = Math.max(0, Math.min(ids.length - 1, index + delta));
  const next = [...ids];
  const [moved] = next.splice(index, 1);
  next.splice(target, 0, moved!);
  return next;
}

/**
 * For lists the API orders by a `sort` number without a reorder call (custom fields, their
 * options): after moving one item, the items whose sort must change, numbered 10, 20, 30… in the
 * new order. Items already at their number are left alone, so a move usually writes two.
 */
export function resequence<T extends { id: string; sort: number }>(items: readonly T[], index: number, delta: number): Array<{ id: string; sort: number }> {
  const order = moveId(
    items.map((i) => i.id),
    index,
    delta,
  );
  const byId = new Map(items.map((i) => [i.id, i]));
  return order.flatMap((id, position) => {
    const sort = (position + 1) * 10;
    return byId.get(id)!.sort === sort ? [] : [{ id, sort }];
  });
}
