/** How values of a column are stored (and so bound): folded text, numbers, days, instants, flags, keys. */
export type ColumnKind = 'text' | 'number' | 'date' | 'datetime' | 'boolean' | 'key' | 'enum';

/** A fragment of SQL with its bound values, in order ('?' placeholders; nothing interpolated). */
export interface Sql {
  sql: string;
  params: unknown[];
  /**
   * True when the fragment is never NULL (semi-joins, IS NULL tests, constants). A plain column
   * comparison is NULL on a NULL column; that reads as "no match" in a WHERE, and `not()` below
   * turns it into a match, which is the exact complement the language promises.
   */
  twoValued?: boolean;
  /** Set when the fragment is `m.id IN (idSet)`: an OR of such fragments can become a UNION. */
  idSet?: Sql;
  /**
   * Set when the fragment reads a row joined to the member row `m` of the enclosing SELECT (a
   * referenced segment, segments/filtering/membership.ts): it cannot be moved into a subquery of its own.
   */
  joined?: boolean;
}

/**
 * Where SQLite and PostgreSQL differ, in one place: how values are bound (SQLite stores instants
 * as epoch milliseconds and booleans as 0/1, MikroORM's convention there), and which anti-join
 * shape each plans well.
 */
export interface Dialect {
  kind: 'sqlite' | 'postgresql';
  bind(kind: ColumnKind, value: unknown): unknown;
  /**
   * "member has none of these": PostgreSQL plans NOT EXISTS as an anti-join (NOT IN would be a
   * hashed subplan); SQLite runs a correlated EXISTS once per row but materialises NOT IN once.
   */
  noneOf(memberId: string, owner: string, from: string, alias: string, body: Sql): Sql;
}

export const sqliteDialect: Dialect = {
  kind: 'sqlite',
  bind(kind, value) {
    if (kind === 'boolean') return value ? 1 : 0;
    return value;
  },
  noneOf(memberId, owner, from, alias, body) {
    return { sql: `${memberId} NOT IN (SELECT ${alias}.${owner} FROM ${from} ${alias} WHERE ${alias}.${owner} IS NOT NULL AND ${body.sql})`, params: body.params, twoValued: true };
  },
};

export const postgresDialect: Dialect = {
  kind: 'postgresql',
  bind(kind, value) {
    if (kind === 'datetime' && typeof value === 'number') return new Date(value);
    return value;
  },
  noneOf(memberId, owner, from, alias, body) {
    return { sql: `NOT EXISTS (SELECT 1 FROM ${from} ${alias} WHERE ${alias}.${owner} = ${memberId} AND ${body.sql})`, params: body.params, twoValued: true };
  },
};

export function dialectFor(kind: 'sqlite' | 'postgresql'): Dialect {
  return kind === 'sqlite' ? sqliteDialect : postgresDialect;
}
