import { CustomFieldType } from '../custom-fields/custom-field.enums';
import type { ColumnKind, FieldDef, Subject } from './catalog';
import { SCOPE_SUBJECT } from './catalog';
import { absent, columnTest } from './compile-test';
import type { Dialect, Sql } from './dialect';
import { Combinator, FilterScope, Quantifier } from './filter.enums';
import type { IrGroup, IrNode, IrRule, Test } from './ir';
import { COMMUNICATION_OWNER, CUSTOM_SUBJECT, MEMBER_TABLE, reach, SCOPES, type MemberType } from './model';
import { fenceSubqueries } from './plan-fence';
import { and, FALSE, not, or, placeholders, sql, TRUE } from './sql';

/** Where a predicate is evaluated: on the member row `m`, or on a related row `r` of a scope. */
type Where = { at: 'member'; member: MemberType } | { at: 'scope'; member: MemberType; scope: FilterScope };

const CUSTOM_COLUMN: Record<CustomFieldType, [string, ColumnKind]> = {
  [CustomFieldType.STRING]: ['string_folded', 'text'],
  [CustomFieldType.NUMBER]: ['number_value', 'number'],
  [CustomFieldType.DATE]: ['date_value', 'date'],
  [CustomFieldType.BOOLEAN]: ['boolean_value', 'boolean'],
  [CustomFieldType.LIST]: ['option_id', 'key'],
  [CustomFieldType.MULTI_LIST]: ['option_id', 'key'],
};

/**
 * Compiles the resolved tree into one SQL predicate over member rows aliased `m`: related
 * records become semi-joins (`m.id IN (SELECT owner FROM …)`, anti-joins per dialect), an OR
 * that mixes tables becomes a UNION of id sets, every value is a bound parameter.
 */
export function compileMemberPredicate(ir: IrGroup, member: MemberType, dialect: Dialect, membership?: MembershipCompiler): Sql {
  const predicate = compileGroup(ir, { at: 'member', member }, { dialect, membership });
  // Many semi-joins make PostgreSQL's planning time explode (see plan-fence.ts).
  return dialect.kind === 'postgresql' ? { ...predicate, sql: fenceSubqueries(predicate.sql) } : predicate;
}

/**
 * "Member of segment X" is the one rule whose SQL the engine cannot know: the caller (segments)
 * supplies the predicate of X over rows `m` of a member type (filtering/membership.ts: a read of
 * the CTE holding X's members, so X is compiled once however many rules name it).
 */
export type MembershipCompiler = (segmentKey: number, member: MemberType) => Sql;

interface Env {
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
      body = unionOfIdSets(parts, where.member);
    } else {
      body = group.combinator === Combinator.AND ? and(parts) : or(parts);
    }
  }
  return group.not ? not(body) : body;
}

/** Ids of the members having a related record that passes `body` (optionally counted). */
function ownersOf(scope: FilterScope, member: MemberType, body: Sql, having?: Sql): Sql {
  const owner = SCOPES[scope].owner[member] as string;
  const group = having ? ` GROUP BY r.${owner} HAVING ${having.sql}` : '';
  return {
    sql: `SELECT r.${owner} FROM ${SCOPES[scope].from} r WHERE r.${owner} IS NOT NULL AND ${body.sql}${group}`,
    params: [...body.params, ...(having?.params ?? [])],
  };
}

const memberIn = (ids: Sql): Sql => ({ sql: `m.id IN (${ids.sql})`, params: ids.params, twoValued: true, idSet: ids });

/** has some / no / only / at least n / at most n / exactly n related records where … */
function quantified(group: IrGroup, member: MemberType, env: Env): Sql {
  const scope = group.scope as FilterScope;
  const rowWhere: Where = { at: 'scope', member, scope };
  const parts = group.children.map((child) => compileNode(child, rowWhere, env));
  const body = group.combinator === Combinator.AND ? and(parts) : or(parts);
  const owner = SCOPES[scope].owner[member] as string;
  const none = (b: Sql) => env.dialect.noneOf('m.id', owner, SCOPES[scope].from, 'r', b);
  const atLeast = (n: number) => (n <= 0 ? TRUE : n === 1 ? memberIn(ownersOf(scope, member, body)) : memberIn(ownersOf(scope, member, body, sql('COUNT(*) >= ?', n))));
  const n = group.threshold;
  switch (group.quantifier) {
    case Quantifier.SOME:
      return memberIn(ownersOf(scope, member, body));
    case Quantifier.NONE:
      return none(body);
    case Quantifier.ALL:
      return and([memberIn(ownersOf(scope, member, TRUE)), none(not(body))]);
    case Quantifier.AT_LEAST:
      return atLeast(n);
    case Quantifier.AT_MOST:
      return not(atLeast(n + 1));
    case Quantifier.EXACTLY:
      return n === 0 ? none(body) : memberIn(ownersOf(scope, member, body, sql('COUNT(*) = ?', n)));
  }
}

/**
 * An OR across tables as a UNION of id sets: each branch can use its own index (see performance
 * notes). Branches that are semi-joins contribute their id set as is; the others select the members
 * they match.
 */
function unionOfIdSets(parts: Sql[], member: MemberType): Sql {
  const sets = parts.map((part) => part.idSet ?? { sql: `SELECT m.id FROM ${MEMBER_TABLE[member]} m WHERE ${part.sql}`, params: part.params });
  return { sql: `m.id IN (${sets.map((s) => s.sql).join(' UNION ')})`, params: sets.flatMap((s) => s.params), twoValued: true };
}

/** The alias of the row a subject lives on, or how the member reaches it. */
function onSubject(subject: Subject, where: Where, test: Test, predicate: (alias: string) => Sql): Sql {
  if (where.at === 'scope') return subject === SCOPE_SUBJECT[where.scope] ? predicate('r') : absent(test);
  const path = reach(where.member, subject);
  if (path.kind === 'self') return predicate('m');
  if (path.kind === 'none') return absent(test);
  const inner = predicate('s');
  const linked: Sql = { sql: `(m.${path.column} IS NOT NULL AND m.${path.column} IN (SELECT s.id FROM ${path.table} s WHERE ${inner.sql}))`, params: inner.params, twoValued: true };
  // No linked row means the value is absent: IS_EMPTY holds.
  return test.kind === 'empty' && !test.negate ? or([sql(`m.${path.column} IS NULL`), linked]) : linked;
}

function compileRule(rule: IrRule, where: Where, env: Env): Sql {
  const { access } = rule.field;
  const test = rule.test;
  switch (access.kind) {
    case 'column':
      return onSubject(access.subject, where, test, (alias) => columnTest(alias, access.column, access.columnKind, test, env.dialect, access.monthDayColumn));
    case 'age':
      return onSubject('contact', where, test, (alias) => columnTest(alias, access.column, 'date', test, env.dialect));
    case 'clientType': {
      if (where.member === 'lead') return absent(test);
      const is = (test as Extract<Test, { kind: 'in' }>).values.includes(where.member.toUpperCase());
      return is !== (test as Extract<Test, { kind: 'in' }>).negate ? TRUE : FALSE;
    }
    case 'communications':
      return onSubject(access.subject, where, test, (alias) => communications(alias, where.member, test));
    case 'purchaseWhere':
      return onSubject('purchase', where, test, (alias) => purchaseWhere(alias, test as Extract<Test, { kind: 'in' }>, env.dialect));
    case 'custom':
      return onSubject(CUSTOM_SUBJECT[access.entity], where, test, (alias) => customValue(alias, rule.field, test, env.dialect));
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

function communications(alias: string, member: MemberType, test: Test): Sql {
  const owner = COMMUNICATION_OWNER[member];
  const has = test as Extract<Test, { kind: 'has' }>;
  const channelSet = (channels: Array<string | number>): Sql => {
    const ids = sql(`SELECT c.${owner} FROM communication c WHERE c.${owner} IS NOT NULL AND c.channel IN (${placeholders(channels.length)})`, ...channels);
    return { sql: `${alias}.id IN (${ids.sql})`, params: ids.params, twoValued: true, idSet: alias === 'm' ? ids : undefined };
  };
  const matched = has.mode === 'all' ? and(has.values.map((v) => channelSet([v]))) : channelSet(has.values);
  return has.negate ? not(matched) : matched;
}

/** The Bitrix24 "find product in" choices, over a purchase row `a` (see PURCHASES_SQL in model.ts). */
const FOUND_IN: Record<string, (a: string, yes: unknown, no: unknown) => Sql> = {
  ANYWHERE: () => TRUE,
  PAID_ORDER: (a, yes) => sql(`(${a}.found_in = 'ORDER' AND ${a}.paid = ?)`, yes),
  UNPAID_ORDER: (a, _yes, no) => sql(`(${a}.found_in = 'ORDER' AND ${a}.paid = ?)`, no),
  DEAL_IN_PROGRESS: (a) => sql(`(${a}.found_in = 'DEAL' AND ${a}.deal_semantic = 'IN_PROGRESS')`),
  DEAL_WON: (a) => sql(`(${a}.found_in = 'DEAL' AND ${a}.deal_semantic = 'WON')`),
  DEAL_LOST: (a) => sql(`(${a}.found_in = 'DEAL' AND ${a}.deal_semantic = 'LOST')`),
};

function purchaseWhere(alias: string, test: Extract<Test, { kind: 'in' }>, dialect: Dialect): Sql {
  const [yes, no] = [dialect.bind('boolean', true), dialect.bind('boolean', false)];
  const matched = or(test.values.map((v) => FOUND_IN[String(v)](alias, yes, no)));
  return test.negate ? not(matched) : matched;
}

/** A custom field's value lives in custom_field_value; the rule is a semi-join on the typed column. */
function customValue(alias: string, def: FieldDef, test: Test, dialect: Dialect): Sql {
  const access = def.access as Extract<FieldDef['access'], { kind: 'custom' }>;
  const [column, kind] = CUSTOM_COLUMN[access.customType];
  const valuesWhere = (condition: Sql, ofField = true): Sql => {
    // Option ids belong to one field: matching on them alone is an index-only scan of (option_id, record_id).
    const ids: Sql = ofField
      ? { sql: `SELECT v.record_id FROM custom_field_value v WHERE v.field_id = ? AND ${condition.sql}`, params: [access.fieldKey, ...condition.params] }
      : { sql: `SELECT v.record_id FROM custom_field_value v WHERE ${condition.sql}`, params: condition.params };
    return { sql: `${alias}.id IN (${ids.sql})`, params: ids.params, twoValued: true, idSet: alias === 'm' ? ids : undefined };
  };
  if (test.kind === 'empty') return test.negate ? valuesWhere(TRUE) : not(valuesWhere(TRUE));
  const anyOption = (keys: Array<string | number>) => valuesWhere(sql(`v.option_id IN (${placeholders(keys.length)})`, ...keys), false);
  if (test.kind === 'has') {
    const matched = test.mode === 'all' ? and(test.values.map((k) => anyOption([k]))) : anyOption(test.values);
    return test.negate ? not(matched) : matched;
  }
  if (test.kind === 'in' && kind === 'key' && !test.negate) return anyOption(test.values);
  return valuesWhere(columnTest('v', column, kind, test, dialect));
}

/** `SELECT COUNT(*)` of the members of one type. */
export function countStatement(predicate: Sql, member: MemberType): Sql {
  return { sql: `SELECT COUNT(*) AS n FROM ${MEMBER_TABLE[member]} m WHERE ${predicate.sql}`, params: predicate.params };
}

/** One keyset page of member ids, in key order. */
export function pageStatement(predicate: Sql, member: MemberType, afterKey: number | null, limit: number): Sql {
  const after = afterKey === null ? '' : ' AND m.id > ?';
  return {
    sql: `SELECT m.id FROM ${MEMBER_TABLE[member]} m WHERE ${predicate.sql}${after} ORDER BY m.id LIMIT ?`,
    params: [...predicate.params, ...(afterKey === null ? [] : [afterKey]), limit],
  };
}

