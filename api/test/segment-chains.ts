import { fold } from '../src/filter/language/fold';
import { toGlobalId } from '../src/common/global-id';
import { ClientType, SegmentSource } from '../src/common/crm-enums';
import { SegmentKind } from '../src/segments/definition/segment.enums';
import { Segment } from '../src/segments/definition/segment.entity';
import type { TestApi } from './api';

/** Filters built from membership rules: chains and "segment bombs" (found by the red team). */
export const memberOf = (id: string, operator: 'IN' | 'NOT_IN' = 'IN') => ({ rule: { field: 'segment.membership', operator, value: { ids: [id] } } });

/** Level k of the bomb: `width` rules naming level k-1 (AND on even levels, OR on odd ones: the same members either way). */
export const bombLevel = (previousId: string, level: number, width = 10) => ({
  combinator: level % 2 ? 'OR' : 'AND',
  rules: Array.from({ length: width }, () => memberOf(previousId)),
});

/**
 * A dynamic segment written straight into the table, the way one saved before the reference
 * limits existed (or whose referenced segment grew later) sits there: no save-time check ran.
 */
export async function insertSegmentDirectly(api: TestApi, name: string, filter: unknown, clientType = ClientType.ANY): Promise<{ key: number; id: string }> {
  const em = api.db.fork();
  const now = new Date();
  const key = Number(
    await em.insert(Segment, {
      name,
      nameFolded: fold(name),
      description: null,
      kind: SegmentKind.DYNAMIC,
      source: SegmentSource.CLIENTS,
      clientType,
      filter,
      timeZone: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    } as never),
  );
  return { key, id: toGlobalId('Segment', key) };
}
