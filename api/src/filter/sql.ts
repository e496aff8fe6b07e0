import type { Sql } from './dialect';

export const TRUE: Sql = { sql: '1=1', params: [] };
export const FALSE: Sql = { sql: '1=0', params: [] };

export function sql(text: string, ...params: unknown[]): Sql {
  return { sql: text, params };
}

function join(parts: Sql[], operator: 'AND' | 'OR'): Sql {
  if (parts.length === 1) return parts[0];
  return { sql: `(${parts.map((p) => p.sql).join(` ${operator} `)})`, params: parts.flatMap((p) => p.params) };
}

export const and = (parts: Sql[]): Sql => (parts.length === 0 ? TRUE : join(parts, 'AND'));
export const or = (parts: Sql[]): Sql => (parts.length === 0 ? FALSE : join(parts, 'OR'));
export const not = (part: Sql): Sql => ({ sql: `NOT (${part.sql})`, params: part.params });

/** `?, ?, ?` for a list of values. */
export const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

/** LIKE pattern text with %, _ and the escape character taken literally. */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);
