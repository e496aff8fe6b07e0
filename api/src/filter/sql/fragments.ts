import type { Sql } from './dialect';

export const TRUE: Sql = { sql: '1=1', params: [], twoValued: true };
export const FALSE: Sql = { sql: '1=0', params: [], twoValued: true };

/** A fragment that may be NULL (a column comparison). */
export function sql(text: string, ...params: unknown[]): Sql {
  return { sql: text, params };
}

/** A fragment that is never NULL (a semi-join, an IS NULL test). */
export function sql2(text: string, ...params: unknown[]): Sql {
  return { sql: text, params, twoValued: true };
}

const joinedIf = (parts: Sql[]) => (parts.some((p) => p.joined) ? { joined: true } : {});

function join(parts: Sql[], operator: 'AND' | 'OR'): Sql {
  const [only] = parts;
  if (parts.length === 1 && only) return only;
  return { sql: `(${parts.map((p) => p.sql).join(` ${operator} `)})`, params: parts.flatMap((p) => p.params), twoValued: parts.every((p) => p.twoValued), ...joinedIf(parts) };
}

export const and = (parts: Sql[]): Sql => (parts.length === 0 ? TRUE : join(parts, 'AND'));
export const or = (parts: Sql[]): Sql => (parts.length === 0 ? FALSE : join(parts, 'OR'));

/**
 * The exact complement, NULL counting as "no match": `IS NOT TRUE` where the operand may be NULL.
 * Semi-joins keep a plain NOT, which PostgreSQL plans as an anti-join (`… IS NOT TRUE` it would not).
 */
export const not = (part: Sql): Sql =>
  part.twoValued
    ? { sql: `NOT (${part.sql})`, params: part.params, twoValued: true, ...joinedIf([part]) }
    : { sql: `(${part.sql}) IS NOT TRUE`, params: part.params, twoValued: true, ...joinedIf([part]) };

/** SQL's own NOT (NULL stays NULL): for negated operators, where an absent value must not match. */
export const sqlNot = (part: Sql): Sql => ({ sql: `NOT (${part.sql})`, params: part.params, twoValued: part.twoValued, ...joinedIf([part]) });

/** `?, ?, ?` for a list of values. */
export const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

/** LIKE pattern text with %, _ and the escape character taken literally. */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);
