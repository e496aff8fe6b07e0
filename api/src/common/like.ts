import type { DatabaseKind } from '../db/orm.config';

/**
 * `%text%` for a "part of …" search with MikroORM's $like. % and _ typed in a search box stay
 * wildcards, alike on both engines; a backslash is PostgreSQL's LIKE escape character but plain
 * text to SQLite, so it is doubled for PostgreSQL. Before, a search for `a\b` found `a\b` on
 * SQLite and nothing on PostgreSQL (found by the attack tests).
 */
export function containsPattern(text: string, kind: DatabaseKind): string {
  return `%${kind === 'postgresql' ? text.replace(/\\/g, '\\\\') : text}%`;
}
