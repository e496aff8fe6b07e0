import type { ColumnKind, Dialect, Sql } from '../sql/dialect';
import type { Test } from '../model/ir';
import { and, escapeLike, FALSE, not, or, placeholders, sql, sql2, sqlNot, TRUE } from '../sql/fragments';

/**
 * One column of one row (`alias.column`) against a test.
 */
export function columnTest(alias: string, column: string, kind: ColumnKind, test: Test, dialect: Dialect, monthDayColumn?: string): Sql {
  const col = `${alias}.${column}`;
  const bind = (v: unknown) => dialect.bind(kind, v);
  // Comparisons are left NULL on a NULL column (no index-hostile IS NOT NULL guards, which also
  // skewed PostgreSQL's row estimates); `not()` in sql.ts keeps negation exact.
  switch (test.kind) {
    case 'empty': {
      const empty = kind === 'text' ? sql2(`(${col} IS NULL OR ${col} = '')`) : sql2(`${col} IS NULL`);
      return test.negate ? not(empty) : empty;
    }
    case 'in':
      return sql(`${col} ${test.negate ? 'NOT IN' : 'IN'} (${placeholders(test.values.length)})`, ...test.values.map(bind));
    case 'like': {
      const pattern = test.mode === 'begins' ? `${escapeLike(test.value)}%` : test.mode === 'ends' ? `%${escapeLike(test.value)}` : `%${escapeLike(test.value)}%`;
      return sql(`${col} ${test.negate ? 'NOT LIKE' : 'LIKE'} ? ESCAPE '\\'`, pattern);
    }
    case 'range': {
      const bounds: Sql[] = [];
      if (test.min !== undefined) bounds.push(sql(`${col} ${test.minExclusive ? '>' : '>='} ?`, bind(test.min)));
      if (test.max !== undefined) bounds.push(sql(`${col} ${test.maxExclusive ? '<' : '<='} ?`, bind(test.max)));
      if (bounds.length === 0) return test.negate ? FALSE : sql2(`${col} IS NOT NULL`);
      // A negated range stays NULL on a NULL column: an absent value matches neither way.
      return test.negate ? sqlNot(and(bounds)) : and(bounds);
    }
    case 'monthDays': {
      const md = `${alias}.${monthDayColumn}`;
      return or(test.ranges.map(([a, b]) => sql(`${md} BETWEEN ? AND ?`, a, b)));
    }
    case 'bool':
      return sql(`${col} = ?`, dialect.bind('boolean', test.value));
    case 'has':
      throw new Error('"has" tests apply to sets, not to a column');
  }
}

/** What an absent value (a field the member cannot reach) satisfies: IS_EMPTY only. */
export function absent(test: Test): Sql {
  return test.kind === 'empty' && !test.negate ? TRUE : FALSE;
}
