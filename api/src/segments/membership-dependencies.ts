import type { MemberType, SegmentSource } from '../common/crm-enums';
import type { IrGroup } from '../filter/model/ir';
import { tablesRead } from '../filter/model/reads';
import { membershipRules } from './cycles';
import { SegmentKind } from './definition/segment.enums';
import type { Segment } from './definition/segment.entity';
import { sourceBaseReads } from './definition/source-base';
import { crmModel } from './filtering/crm-model';

/**
 * What a maintained membership depends on, from the definitions: which saved definitions its
 * rows are of (the fingerprint) and which tables a write to may change it (the reads).
 */

/** The table of static segments' addresses: a change queued from it is a static edit. */
export const STATIC_LIST_TABLE = 'segment_member';
/** Tables a static segment's members are read from. */
const STATIC_READS = [STATIC_LIST_TABLE, 'communication'];

/**
 * What a segment's rows depend on: its own version and those of every segment its membership
 * rules reach (their definitions are compiled into it). A change of any rebuilds it.
 */
export function fingerprintOf(segment: Segment, byKey: ReadonlyMap<number, Segment>): string {
  const seen = new Set<number>([segment.key]);
  let frontier = [segment];
  while (frontier.length) {
    const next: Segment[] = [];
    for (const s of frontier) {
      for (const key of membershipRules(s.filter).flatMap((r) => r.keys)) {
        if (seen.has(key)) continue;
        seen.add(key);
        const named = byKey.get(key);
        if (named) next.push(named);
      }
    }
    frontier = next;
  }
  return [...seen]
    .sort((a, b) => a - b)
    .map((key) => `${key}:${byKey.get(key)?.version ?? 'gone'}`)
    .join(',');
}

/** The tables one member type's answer reads: the tree's, the source's, and those of the segments its rules name. */
export function readsOf(ir: IrGroup, member: MemberType, source: SegmentSource, byKey: ReadonlyMap<number, Segment>): Set<string> {
  const { tables, segments } = tablesRead(crmModel, ir, member);
  for (const table of sourceBaseReads(source, member)) tables.add(table);
  // Named segments add what they read; their trees are read raw (each was valid when saved).
  const pending = [...segments].map(Number);
  const seen = new Set<number>();
  while (pending.length) {
    const key = pending.pop()!;
    if (seen.has(key)) continue;
    seen.add(key);
    const named = byKey.get(key);
    if (!named) continue;
    if (named.kind === SegmentKind.STATIC) {
      STATIC_READS.forEach((t) => tables.add(t));
      continue;
    }
    for (const table of namedSegmentReads(named, member)) tables.add(table);
    for (const rule of membershipRules(named.filter)) pending.push(...rule.keys);
  }
  return tables;
}

/**
 * The tables a named dynamic segment may read for `member`: every table a registered write
 * touches `member` through. A superset of what its tree reads (so never a missed change), kept
 * coarse because resolving a named tree again here would need its catalog and values.
 */
function namedSegmentReads(named: Segment, member: MemberType): string[] {
  return [...new Set([...crmModel.writes.filter((w) => w.members[member]?.length).map((w) => w.table), ...sourceBaseReads(named.source, member)])];
}
