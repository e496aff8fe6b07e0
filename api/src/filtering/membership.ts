import type { Context } from '../common/context';
import { UserError, UserErrorCode, UserErrors } from '../common/user-error';
import { compileMemberPredicate, type MembershipCompiler } from '../filter/compile';
import { dialectFor, type Sql } from '../filter/dialect';
import type { IrGroup, IrNode } from '../filter/ir';
import { COMMUNICATION_OWNER, type MemberType } from '../filter/model';
import { resolveFilter } from '../filter/resolve';
import { and, FALSE } from '../filter/sql';
import { SegmentKind } from '../segments/segment.enums';
import { Segment } from '../segments/segment.entity';
import { sourceBase } from '../segments/source-base';
import { loadCatalog } from './catalog';
import { membersOf } from './members-of';
import { valueResolver } from './values';

/** A saved segment as a membership rule needs it: static, or its filter resolved for this run. */
interface Referenced {
  segment: Segment;
  members: MemberType[];
  ir: IrGroup | null;
  uses: number[];
}

/** Keys of the segments a resolved tree names in `segment.membership` rules. */
export function referencedSegments(node: IrNode, into = new Set<number>()): Set<number> {
  if (node.type === 'group') node.children.forEach((child) => referencedSegments(child, into));
  else if (node.field.access.kind === 'membership' && node.test.kind === 'in') node.test.values.forEach((v) => into.add(Number(v)));
  return into;
}

/** Members of a static segment: records owning a communication with one of its addresses. */
export function staticMembersPredicate(segmentKey: number, member: MemberType): Sql {
  const owner = `c.${COMMUNICATION_OWNER[member]}`;
  return {
    sql: `m.id IN (SELECT ${owner} FROM segment_member sm JOIN communication c ON c.channel = sm.channel AND c.normalized = sm.address WHERE sm.segment_id = ? AND ${owner} IS NOT NULL)`,
    params: [segmentKey],
    twoValued: true,
  };
}

/**
 * Loads every segment the tree reaches through membership rules (transitively), so the compiler
 * can inline their predicates synchronously. A segment reached again while it is being compiled
 * is a cycle (saving rejects those; this guards against one slipped in by concurrent saves).
 */
export async function membershipCompiler(ctx: Context, ir: IrGroup, now: Date): Promise<{ compiler: MembershipCompiler; problems: UserError[] }> {
  const loaded = new Map<number, Referenced>();
  const problems: UserError[] = [];
  let pending = [...referencedSegments(ir)];
  while (pending.length) {
    const segments = await ctx.em.find(Segment, { key: { $in: pending } });
    const next: number[] = [];
    for (const segment of segments) {
      const entry: Referenced = { segment, members: [], ir: null, uses: [] };
      loaded.set(segment.key, entry);
      if (segment.kind === SegmentKind.STATIC || !segment.filter) {
        entry.members = ['company', 'contact', 'lead'];
        continue;
      }
      entry.members = membersOf(segment.source, segment.clientType);
      const resolved = await resolveFilter(segment.filter, {
        catalog: await loadCatalog(ctx.em),
        source: segment.source,
        members: entry.members,
        timeZone: segment.timeZone || ctx.config.defaultTimeZone,
        now,
        limits: ctx.config.filterLimits,
        resolveValues: valueResolver(ctx.em),
      });
      if (!resolved.ir) {
        problems.push(UserError.of([], UserErrorCode.UNKNOWN_VALUE, `The segment "${segment.name}" used in a membership rule no longer has a valid filter: ${resolved.problems[0]?.message}`));
        continue;
      }
      entry.ir = resolved.ir;
      entry.uses = [...referencedSegments(resolved.ir)];
      next.push(...entry.uses.filter((key) => !loaded.has(key)));
    }
    pending = [...new Set(next)];
  }

  const dialect = dialectFor(ctx.db.kind);
  const compiling = new Set<number>();
  const cache = new Map<string, Sql>();
  const compiler: MembershipCompiler = (key, member) => {
    const entry = loaded.get(key);
    if (!entry || !entry.members.includes(member)) return FALSE;
    const cacheKey = `${key}:${member}`;
    const cached = cache.get(cacheKey);
    if (cached) return cached;
    let predicate: Sql;
    if (!entry.ir) {
      predicate = staticMembersPredicate(key, member);
    } else {
      if (compiling.has(key)) {
        throw new UserErrors([UserError.of([], UserErrorCode.SEGMENT_CYCLE, `The segment "${entry.segment.name}" refers back to itself through membership rules.`)], 'BAD_FILTER');
      }
      compiling.add(key);
      predicate = and([sourceBase(entry.segment.source, member, ctx.db.kind), compileMemberPredicate(entry.ir, member, dialect, compiler)]);
      compiling.delete(key);
    }
    // Parenthesised: it is inlined into an OR / NOT of the caller.
    predicate = { ...predicate, sql: `(${predicate.sql})` };
    cache.set(cacheKey, predicate);
    return predicate;
  };
  return { compiler, problems };
}
