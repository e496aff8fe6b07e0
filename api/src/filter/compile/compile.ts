import type { FieldAccess } from '../model/catalog';
import { absent, columnTest } from './column-test';
import type { Dialect, Sql } from '../sql/dialect';
import { Combinator, Quantifier } from '../language/filter.enums';
import type { IrGroup, IrNode, IrRule, Test } from '../model/ir';
import { memberTable, ownerColumn, reach, scopeDef, type FilterModel } from '../model/model';
import { fenceSubqueries } from '../sql/plan-fence';
import { and, FALSE, not, or, sql, TRUE } from '../sql/fragments';

/** Where a predicate is evaluated: on the member row `m`, or on a related row `r` of a scope. */
type Where = { at: 'member'; member: string } | { at: 'scope'; member: string; scope: string };

/**
 * Compiles the resolved tree into one SQL predicate over member rows aliased `m`: related
 * records become semi-joins (`m.id IN (SELECT owner FROM …)`, anti-joins per dialect), an OR
 * that mixes tables becomes a UNION of id sets, every value is a bound parameter.
 */
export function compileMemberPredicate(model: FilterModel, ir: IrGroup, member: string, dialect: Dialect, membership?: MembershipCompiler): Sql {
  const predicate = compileGroup(ir, { at: 'member', member }, { model, dialect, membership });
  // Many semi-joins make PostgreSQL's planning time explode (see plan-fence.ts).
  return dialect.kind === 'postgresql' ? { ...predicate, sql: fenceSubqueries(predicate.sql) } : predicate;
}

/**
 * "Member of segment X" is the one rule whose SQL the engine cannot know: the caller (segments)
 * supplies the predicate of X over rows `m` of a member type (segments/filtering/membership.ts: a read of
 * the CTE holding X's members, so X is compiled once however many rules name it).
 */
export type MembershipCompiler = (segmentKey: number, member: string) => Sql;

interface Env {
  model: FilterModel;
  dialect: Dialect;
  membership?: MembershipCompiler;
}

function compileNode(node: IrNode, where: Where, env: Env): Sql {
  return node.type === 'group' ? compileGroup(node, where, env) : compileRule(node, where, env);
}

function compileGroup(group: IrGroup, where: Where, env: Env): Sql {
  let body: Sql;
  if (group.scope && where.at === 'member') {
    body = quantified(group, where.member, env);
  } else {
    const parts = group.children.map((child) => compileNode(child, where, env));
    // A part reading a joined segment row stays in this SELECT: such an OR stays an OR.
    if (group.combinator === Combinator.OR && where.at === 'member' && parts.some((p) => p.idSet) && !parts.some((p) => p.joined)) {
      body = unionOfIdSets(parts, memberTable(env.model, where.member));
    } else {
      body = group.combinator === Combinator.AND ? and(parts) : or(parts);
    }
  }
  return group.not ? not(body) : body;
}

/** Ids of the members having a related record that passes `body` (optionally counted). */
function ownersOf(from: string, owner: string, body: Sql, having?: Sql): Sql {
  const group = having ? ` GROUP BY r.${owner} HAVING ${having.sql}` : '';
  return {
    sql: `SELECT r.${owner} FROM ${from} r WHERE r.${owner} IS NOT NULL AND ${body.sql}${group}`,
    params: [...body.params, ...(having?.params ?? [])],
  };
}

const memberIn = (ids: Sql): Sql => ({ sql: `m.id IN (${ids.sql})`, params: ids.params, twoValued: true, idSet: ids });

/** has some / no / only / at least n / at most n / exactly n related records where … */
function quantified(group: IrGroup, member: string, env: Env): Sql {
  const scope = group.scope!;
  const rowWhere: Where = { at: 'scope', member, scope };
  const parts = group.children.map((child) => compileNode(child, rowWhere, env));
  const body = group.combinator === Combinator.AND ? and(parts) : or(parts);
  const owner = ownerColumn(env.model, scope, member);
  const { from } = scopeDef(env.model, scope);
  const none = (b: Sql) => env.dialect.noneOf('m.id', owner, from, 'r', b);
  const atLeast = (n: number) => (n <= 0 ? TRUE : n === 1 ? memberIn(ownersOf(from, owner, body)) : memberIn(ownersOf(from, owner, body, sql('COUNT(*) >= ?', n))));
  const n = group.threshold;
  switch (group.quantifier) {
    case Quantifier.SOME:
      return memberIn(ownersOf(from, owner, body));
    case Quantifier.NONE:
      return none(body);
    case Quantifier.ALL:
      return and([memberIn(ownersOf(from, owner, TRUE)), none(not(body))]);
    case Quantifier.AT_LEAST:
      return atLeast(n);
    case Quantifier.AT_MOST:
      return not(atLeast(n + 1));
    case Quantifier.EXACTLY:
      return n === 0 ? none(body) : memberIn(ownersOf(from, owner, body, sql('COUNT(*) = ?', n)));
  }
}

/**
 * An OR across tables as a UNION of id sets: each branch can use its own index (see performance
 * notes). Branches that are semi-joins contribute their id set as is; the others select the members
 * they match.
 */
function unionOfIdSets(parts: Sql[], table: string): Sql {
  const sets = parts.map((part) => part.idSet ?? { sql: `SELECT m.id FROM ${table} m WHERE ${part.sql}`, params: part.params });
  return { sql: `m.id IN (${sets.map((s) => s.sql).join(' UNION ')})`, params: sets.flatMap((s) => s.params), twoValued: true };
}

/** The alias of the row a subject lives on, or how the member reaches it. */
function onSubject(subject: string, where: Where, env: Env, test: Test, predicate: (alias: string) => Sql): Sql {
  if (where.at === 'scope') return subject === scopeDef(env.model, where.scope).subject ? predicate('r') : absent(test);
  const path = reach(env.model, where.member, subject);
  if (path.kind === 'self') return predicate('m');
  if (path.kind === 'none') return absent(test);
  const inner = predicate('s');
  const linked: Sql = { sql: `(m.${path.column} IS NOT NULL AND m.${path.column} IN (SELECT s.id FROM ${path.table} s WHERE ${inner.sql}))`, params: inner.params, twoValued: true };
  // No linked row means the value is absent: IS_EMPTY holds.
  return test.kind === 'empty' && !test.negate ? or([sql(`m.${path.column} IS NULL`), linked]) : linked;
}

function compileRule(rule: IrRule, where: Where, env: Env): Sql {
  const access: FieldAccess = rule.field.access;
  const test = rule.test;
  switch (access.kind) {
    case 'column':
      return onSubject(access.subject, where, env, test, (alias) => columnTest(alias, access.column, access.columnKind, test, env.dialect, access.monthDayColumn));
    case 'yearsSince':
      return onSubject(access.subject, where, env, test, (alias) => columnTest(alias, access.column, 'date', test, env.dialect));
    case 'memberType': {
      if (!access.of.includes(where.member)) return absent(test);
      const is = (test as Extract<Test, { kind: 'in' }>).values.includes(where.member.toUpperCase());
      return is !== (test as Extract<Test, { kind: 'in' }>).negate ? TRUE : FALSE;
    }
    case 'derived':
      return onSubject(access.subject, where, env, test, (alias) => access.sql(alias, test, { member: where.member, dialect: env.dialect }));
    case 'membership':
      return membership(where, test as Extract<Test, { kind: 'in' }>, env);
  }
}

/** Member of any (IN) / none (NOT_IN) of the given saved segments. */
function membership(where: Where, test: Extract<Test, { kind: 'in' }>, env: Env): Sql {
  if (where.at !== 'member' || !env.membership) throw new Error('segment.membership needs a membership compiler and an unscoped rule.');
  const compile = env.membership;
  const anyOf = or(test.values.map((key) => compile(Number(key), where.member)));
  return test.negate ? not(anyOf) : anyOf;
}
