import type { ColumnKind } from './catalog';
import type { Dialect, Sql } from './dialect';
import type { Test } from './ir';
import { and, escapeLike, FALSE, not, or, placeholders, sql, TRUE } from './sql';

/**
 * One column of one row (`alias.column`) against a test. Every predicate is two-valued: a NULL
 * column gives FALSE (never SQL's NULL), so NOT of a group is its exact complement.
 */
export function columnTest(alias: string, column: string, kind: ColumnKind, test: Test, dialect: Dialect, monthDayColumn?: string): Sql {
  const col = `${alias}.${column}`;
  const present = `${col} IS NOT NULL`;
  const bind = (v: unknown) => dialect.bind(kind, v);
  switch (test.kind) {
    case 'empty': {
      const empty = kind === 'text' ? sql(`(${col} IS NULL OR ${col} = '')`) : sql(`${col} IS NULL`);
      return test.negate ? not(empty) : empty;
    }
    case 'in':
      return sql(`(${present} AND ${col} ${test.negate ? 'NOT IN' : 'IN'} (${placeholders(test.values.length)}))`, ...test.values.map(bind));
    case 'like': {
      const pattern = test.mode === 'begins' ? `${escapeLike(test.value)}%` : test.mode === 'ends' ? `%${escapeLike(test.value)}` : `%${escapeLike(test.value)}%`;
      return sql(`(${present} AND ${col} ${test.negate ? 'NOT LIKE' : 'LIKE'} ? ESCAPE '\\')`, pattern);
    }
    case 'range': {
      const bounds: Sql[] = [];
      if (test.min !== undefined) bounds.push(sql(`${col} ${test.minExclusive ? '>' : '>='} ?`, bind(test.min)));
      if (test.max !== undefined) bounds.push(sql(`${col} ${test.maxExclusive ? '<' : '<='} ?`, bind(test.max)));
      const inside = and(bounds);
      if (bounds.length === 0) return test.negate ? FALSE : sql(present);
      return and([sql(present), test.negate ? not(inside) : inside]);
    }
    case 'monthDays': {
      const md = `${alias}.${monthDayColumn}`;
      return and([sql(`${md} IS NOT NULL`), or(test.ranges.map(([a, b]) => sql(`${md} BETWEEN ? AND ?`, a, b)))]);
    }
    case 'bool':
      return sql(`(${present} AND ${col} = ?)`, dialect.bind('boolean', test.value));
    case 'has':
      throw new Error('"has" tests apply to sets, not to a column');
  }
}

/** What an absent value (a field the member cannot reach) satisfies: IS_EMPTY only. */
export function absent(test: Test): Sql {
  return test.kind === 'empty' && !test.negate ? TRUE : FALSE;
}
