import type { Context } from '../../request/context';
import { UserError, UserErrorCode, UserErrors } from '../../common/user-error';
import { compileMemberPredicate, type MembershipCompiler } from '../../filter/compile/compile';
import { dialectFor, type Sql } from '../../filter/sql/dialect';
import type { IrGroup, IrNode } from '../../filter/model/ir';
import { COMMUNICATION_OWNER } from '../../communications/communication.filtering';
import { crmModel, tableOf } from './crm-model';
import type { MemberType } from '../../common/crm-enums';
import { resolveFilter } from '../../filter/resolution/resolve';
import { and, FALSE } from '../../filter/sql/fragments';
import { SegmentKind } from '../definition/segment.enums';
import { Segment } from '../definition/segment.entity';
import { sourceBase } from '../definition/source-base';
import { loadCatalog } from './field-catalog';
import { membersOf } from './members-of';
import { countRules, membershipRuleRefs, referenceProblems, type ReferenceNode } from './reference-limits';
import { valueResolver } from './values';

/** What a membership rule needs of a saved segment (a stored row, or a definition about to be saved). */
export type ReferencedDefinition = Pick<Segment, 'key' | 'name' | 'kind' | 'source' | 'clientType' | 'filter' | 'timeZone'>;

/** A saved segment as a membership rule needs it: static, or its filter resolved for this run. */
interface Referenced {
  segment: ReferencedDefinition;
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

/** The CTE holding the member ids of a referenced dynamic segment (one member type per predicate). */
const cteName = (key: number) => `seg_${key}`;

export interface MembershipCompilation {
  /**
   * The predicate of one member type, self-contained: when it names dynamic segments, one `WITH`
   * lists each of them once, in dependency order, and the SELECT reading one joins it once.
   */
  predicate(ir: IrGroup, member: MemberType): Sql;
  problems: UserError[];
}

/**
 * Loads every segment the tree reaches through membership rules (transitively), checks the
 * expanded size against the reference limits, and compiles each distinct dynamic segment once,
 * as a CTE. Inlining it at every reference instead made ten rules per level on the level below
 * 10^k copies (137 MB of SQL at depth 6). A SELECT that needs segment n LEFT JOINs `seg_n` once,
 * and each rule naming it tests `seg_n.id IS NOT NULL`: SQLite copies a CTE into every FROM that
 * names it while parsing, so one `IN (SELECT id FROM seg_n)` per rule would still be exponential
 * there. Static segments stay one inline semi-join on their stored addresses.
 * `overrides` stand in for stored segments: saving one checks what it does to those using it.
 */
export async function membershipCompiler(ctx: Context, ir: IrGroup, now: Date, overrides?: Map<number, ReferencedDefinition>): Promise<MembershipCompilation> {
  const limits = ctx.config.referenceLimits;
  const loaded = new Map<number, Referenced>();
  const nodes = new Map<number, ReferenceNode>();
  const problems: UserError[] = [];
  const rootRules = countRules(ir);
  let expandedRules = rootRules;
  let pending = [...referencedSegments(ir)];
  // Level by level; past the depth limit (or the rule budget) the answer is already "too large",
  // so loading stops there and the check below reports it.
  for (let level = 1; pending.length && level <= limits.maxDepth + 1 && expandedRules <= limits.maxExpandedRules; level++) {
    const stored = await ctx.em.find(Segment, { key: { $in: pending.filter((key) => !overrides?.has(key)) } });
    const segments: ReferencedDefinition[] = [...stored, ...pending.flatMap((key) => overrides?.get(key) ?? [])];
    const next: number[] = [];
    for (const segment of segments) {
      const entry: Referenced = { segment, members: [], ir: null, uses: [] };
      loaded.set(segment.key, entry);
      nodes.set(segment.key, { name: segment.name, rules: 0, uses: [] });
      if (segment.kind === SegmentKind.STATIC || !segment.filter) {
        entry.members = ['company', 'contact', 'lead'];
        continue;
      }
      entry.members = membersOf(segment.source, segment.clientType);
      const resolved = await resolveFilter(segment.filter, {
        model: crmModel,
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
      nodes.set(segment.key, { name: segment.name, rules: countRules(resolved.ir), uses: entry.uses });
      expandedRules += countRules(resolved.ir);
      next.push(...entry.uses);
    }
    pending = [...new Set(next)].filter((key) => !loaded.has(key));
  }
  problems.push(...referenceProblems(rootRules, membershipRuleRefs(ir), nodes, limits));

  const dialect = dialectFor(ctx.db.kind);
  // Per member type: each referenced segment's CTE body, in the order compiled (dependencies first).
  const bodies = new Map<MemberType, Map<number, Sql>>();
  // The segments the SELECT being compiled reads (innermost last): each is joined to it once.
  const reading: Array<Set<number>> = [];
  const compiling = new Set<string>();
  /** `SELECT m.id FROM <members> m LEFT JOIN seg_n …` for a predicate that read these segments. */
  const selectOf = (member: MemberType, predicate: Sql, read: Set<number>): Sql => {
    const joins = [...read].map((key) => ` LEFT JOIN ${cteName(key)} ON ${cteName(key)}.id = m.id`).join('');
    return { sql: `SELECT m.id FROM ${tableOf(member)} m${joins} WHERE ${predicate.sql}`, params: predicate.params };
  };
  // The engine hands back the member type it was given: one of ours.
  const compiler: MembershipCompiler = (key, engineMember) => {
    const member = engineMember as MemberType;
    const entry = loaded.get(key);
    if (!entry?.members.includes(member)) return FALSE;
    if (!entry.ir) return staticMembersPredicate(key, member);
    const ofMember = bodies.get(member) ?? bodies.set(member, new Map()).get(member)!;
    if (!ofMember.has(key)) {
      if (compiling.has(`${key}:${member}`)) {
        throw new UserErrors([UserError.of([], UserErrorCode.SEGMENT_CYCLE, `The segment "${entry.segment.name}" refers back to itself through membership rules.`)], 'BAD_FILTER');
      }
      compiling.add(`${key}:${member}`);
      reading.push(new Set());
      const predicate = and([sourceBase(entry.segment.source, member, ctx.db.kind), compileMemberPredicate(crmModel, entry.ir, member, dialect, compiler)]);
      const read = reading.pop()!;
      compiling.delete(`${key}:${member}`);
      // Set after its own references: a Map keeps insertion order, so dependencies come first.
      ofMember.set(key, selectOf(member, predicate, read));
    }
    const reader = reading.at(-1);
    if (!reader) throw new Error('A membership rule compiled outside a SELECT.');
    reader.add(key);
    return { sql: `${cteName(key)}.id IS NOT NULL`, params: [], twoValued: true, joined: true };
  };

  const predicate = (root: IrGroup, member: MemberType): Sql => {
    reading.push(new Set());
    const compiled = compileMemberPredicate(crmModel, root, member, dialect, compiler);
    const read = reading.pop()!;
    const ctes = [...(bodies.get(member) ?? [])];
    if (!read.size) return compiled;
    // MATERIALIZED: each segment is computed once, however many SELECTs read it.
    const list = ctes.map(([key, body]) => `${cteName(key)}(id) AS MATERIALIZED (${body.sql})`).join(', ');
    const select = selectOf(member, compiled, read);
    return { sql: `m.id IN (WITH ${list} ${select.sql})`, params: [...ctes.flatMap(([, body]) => body.params), ...select.params], twoValued: true };
  };
  return { predicate, problems };
}
