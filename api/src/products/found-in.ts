import type { DerivedAccess } from '../filter/model/catalog';
import type { Dialect, Sql } from '../filter/sql/dialect';
import type { Test } from '../filter/model/ir';
import type { Row } from '../filter/model/model';
import { not, or, sql, TRUE } from '../filter/sql/fragments';

/**
 * The Bitrix24 "find product in" choices over a purchase row (see PURCHASES_SQL): the SQL and the
 * oracle's answer side by side, so the two cannot drift apart.
 */
const FOUND_IN: Record<string, { sql: (a: string, yes: unknown, no: unknown) => Sql; holds: (r: Row) => boolean }> = {
  ANYWHERE: { sql: () => TRUE, holds: () => true },
  PAID_ORDER: { sql: (a, yes) => sql(`(${a}.found_in = 'ORDER' AND ${a}.paid = ?)`, yes), holds: (r) => r.found_in === 'ORDER' && r.paid === true },
  UNPAID_ORDER: { sql: (a, _yes, no) => sql(`(${a}.found_in = 'ORDER' AND ${a}.paid = ?)`, no), holds: (r) => r.found_in === 'ORDER' && r.paid === false },
  DEAL_IN_PROGRESS: { sql: (a) => sql(`(${a}.found_in = 'DEAL' AND ${a}.deal_semantic = 'IN_PROGRESS')`), holds: (r) => r.found_in === 'DEAL' && r.deal_semantic === 'IN_PROGRESS' },
  DEAL_WON: { sql: (a) => sql(`(${a}.found_in = 'DEAL' AND ${a}.deal_semantic = 'WON')`), holds: (r) => r.found_in === 'DEAL' && r.deal_semantic === 'WON' },
  DEAL_LOST: { sql: (a) => sql(`(${a}.found_in = 'DEAL' AND ${a}.deal_semantic = 'LOST')`), holds: (r) => r.found_in === 'DEAL' && r.deal_semantic === 'LOST' },
};

function choice(value: string | number) {
  const found = FOUND_IN[String(value)];
  if (!found) throw new Error(`"${value}" is not a place to find a product in.`);
  return found;
}

function foundInSql(alias: string, test: Extract<Test, { kind: 'in' }>, dialect: Dialect): Sql {
  const [yes, no] = [dialect.bind('boolean', true), dialect.bind('boolean', false)];
  const matched = or(test.values.map((v) => choice(v).sql(alias, yes, no)));
  return test.negate ? not(matched) : matched;
}

/** `purchase.where`: IN / NOT_IN of the choices, on one purchase row. */
export const foundInAccess: DerivedAccess = {
  kind: 'derived',
  subject: 'purchase',
  // Read off the purchase row itself (the PURCHASES scope reads its tables).
  reads: [],
  sql: (alias, test, { dialect }) => foundInSql(alias, test as Extract<Test, { kind: 'in' }>, dialect),
  evaluate: (row, test) => {
    const t = test as Extract<Test, { kind: 'in' }>;
    return t.values.some((v) => choice(v).holds(row)) !== t.negate;
  },
};
