import type { SqlEntityManager } from '@mikro-orm/knex';
import type { Context } from '../../request/context';
import { UserErrors, type UserError } from '../../common/user-error';
import { loadCatalog } from './field-catalog';
import { crmModel, tableOf } from './crm-model';
import { toUserErrors } from './problems';
import { compileMemberPredicate } from '../../filter/compile/compile';
import { countStatement } from '../../filter/compile/statements';
import { dialectFor, type Sql } from '../../filter/sql/dialect';
import type { FilterScope, SegmentSource } from '../../common/crm-enums';
import type { IrGroup } from '../../filter/model/ir';
import type { MemberType } from '../../common/crm-enums';
import { resolveFilter } from '../../filter/resolution/resolve';
import type { FilterGroup } from '../../filter/language/tree';
import { chargeEvaluation } from '../../privacy/evaluation-budget';
import { personalFieldProblems, seesPersonalData } from '../../privacy/personal-fields';
import { membershipCompiler, referencedSegments, type ReferencedDefinition } from './membership';
import { sqlSizeProblem } from './reference-limits';
import { valueResolver } from './values';

export { membersOf } from './members-of';

export interface FilterRequest {
  tree: FilterGroup;
  source: SegmentSource;
  members: MemberType[];
  /** The operation's zone, else DEFAULT_TIME_ZONE. */
  timeZone?: string | null;
  now?: Date;
  /** For lists of related records themselves (deals): rules of this scope test the member. */
  memberScope?: FilterScope;
  /**
   * Who wrote the tree. `caller` (the default): it is composed in this request, so without
   * crm:read it may not use personal fields and it is charged to the evaluation budget. `saved`:
   * a stored segment (or a built-in template) being counted or re-saved unchanged; counting a
   * saved segment is not composing a filter, and its small counts are suppressed anyway.
   */
  origin?: 'caller' | 'saved';
  /** Validation only (checkFilter): nothing is evaluated, so nothing is charged to the budget. */
  validateOnly?: boolean;
  /** Definitions standing in for stored segments that membership rules name (see membershipCompiler). */
  overrides?: Map<number, ReferencedDefinition>;
}

export interface PreparedFilter {
  problems: UserError[];
  ir: IrGroup | null;
  /** One predicate over rows aliased `m` per member type. */
  predicates: Map<MemberType, Sql>;
}

/** Validates against the catalog of the moment and compiles one predicate per member type. */
export async function prepareFilter(ctx: Context, request: FilterRequest): Promise<PreparedFilter> {
  const now = request.now ?? new Date();
  // Through the process's entity manager, not the request's: the catalog is shared by every
  // request, and a count or page that needs nothing else from the ORM then never forks one.
  const catalog = await loadCatalog(ctx.db.orm.em as SqlEntityManager);
  const composed = request.origin !== 'saved';
  const forbidden = composed && !seesPersonalData(ctx.actor) ? personalFieldProblems(request.tree, catalog) : [];
  const resolved = await resolveFilter(request.tree, {
    model: crmModel,
    catalog,
    source: request.source,
    members: request.members,
    timeZone: request.timeZone || ctx.config.defaultTimeZone,
    now,
    limits: ctx.config.filterLimits,
    resolveValues: valueResolver(() => ctx.em),
    memberScope: request.memberScope,
  });
  const problems = [...forbidden, ...toUserErrors(resolved.problems)];
  const ir = problems.length ? null : resolved.ir;
  const predicates = new Map<MemberType, Sql>();
  if (!ir) return { problems, ir, predicates };
  if (composed && !request.validateOnly) {
    const { tree, source, members, memberScope } = request;
    await chargeEvaluation(ctx, { tree, source, members, memberScope, timeZone: request.timeZone || null });
  }
  // Membership rules read the saved segments they name, loaded and size-checked beforehand.
  const membership = referencedSegments(ir).size ? await membershipCompiler(ctx, ir, now, request.overrides) : null;
  if (membership?.problems.length) return { problems: membership.problems, ir: null, predicates };
  for (const member of request.members) {
    predicates.set(member, membership ? membership.predicate(ir, member) : compileMemberPredicate(crmModel, ir, member, dialectFor(ctx.db.kind)));
  }
  // The last guard on what reaches the database: no statement is built from an oversized predicate.
  const oversized = [...predicates.values()].map((p) => sqlSizeProblem(p.sql, ctx.config.referenceLimits)).find((p) => p !== null);
  if (oversized) return { problems: [oversized], ir: null, predicates: new Map() };
  return { problems, ir, predicates };
}

/** For list queries: bad filters are a BAD_FILTER GraphQL error listing every problem. */
export async function preparedOrThrow(ctx: Context, request: FilterRequest): Promise<PreparedFilter> {
  const prepared = await prepareFilter(ctx, request);
  if (prepared.problems.length) throw new UserErrors(prepared.problems, 'BAD_FILTER');
  return prepared;
}

/** The number of members: one statement, summing per member type when there are several. */
export async function countMembers(ctx: Context, prepared: Pick<PreparedFilter, 'predicates'>): Promise<number> {
  const statement = countStatement([...prepared.predicates].map(([member, predicate]) => ({ table: tableOf(member), predicate })));
  // Off the event loop on SQLite: a big count must not stall other requests.
  const [row] = await ctx.db.read<{ n: number | string }>(statement.sql, statement.params);
  if (!row) throw new Error('A COUNT returned no row.');
  return Number(row.n);
}
