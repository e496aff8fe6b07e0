import type { EntityMetadata } from '@mikro-orm/core';
import type { Sql } from '../filter/sql/dialect';
import { itemAt } from '../lib/indexed';
import type { CursorValue } from './paging';

/**
 * The statement of one light page (crud lists: every row of the entity, optionally a compiled
 * filter), written as MikroORM's QueryBuilder writes it, character for character (the test holds
 * them equal), but built once per shape instead of once per request: the QueryBuilder and knex's
 * compiler took about a millisecond of CPU per page, as much as the page's SQL itself. Identifiers
 * come from the entity metadata; every value is a bound parameter.
 *
 * Returns null for what it does not write (a property without exactly one column of its own, a
 * cursor whose sort value is null): the caller then uses the QueryBuilder.
 */
export interface PageShape {
  meta: EntityMetadata;
  /** Properties to select, in the order the QueryBuilder would get them. */
  properties: string[];
  sortProperty: string;
  ascending: boolean;
  /** The cursor's sort value as the column holds it (a Date for a date column), and key. */
  cursor: [value: CursorValue[0] | Date, key: number] | null;
  /** A compiled filter over rows aliased `m`. */
  predicate?: Sql;
  limit: number;
  engine: 'sqlite' | 'postgresql';
}

/** Statement texts by shape; shapes are few (entities × sort orders × selections a client sends). */
const texts = new Map<string, string | null>();
/** More distinct selections than this (a client inventing them) start the memory over. */
const MAX_SHAPES = 2000;

function columnOf(meta: EntityMetadata, property: string): string | null {
  const prop = meta.properties[property as never] as { fieldNames?: string[]; kind?: string; persist?: boolean; formula?: unknown } | undefined;
  if (!prop || prop.persist === false || prop.formula || prop.fieldNames?.length !== 1) return null;
  if (prop.kind !== 'scalar' && prop.kind !== 'm:1') return null;
  return itemAt(prop.fieldNames, 0);
}

function text(shape: PageShape): string | null {
  const quote = shape.engine === 'postgresql' ? (name: string) => `"${name}"` : (name: string) => `\`${name}\``;
  const col = (name: string) => `${quote('m')}.${quote(name)}`;
  const columns = shape.properties.map((p) => columnOf(shape.meta, p));
  const sortColumn = columnOf(shape.meta, shape.sortProperty);
  const keyColumn = columnOf(shape.meta, 'key');
  if (columns.some((c) => c === null) || !sortColumn || !keyColumn) return null;
  const op = shape.ascending ? '>' : '<';
  const direction = shape.ascending ? 'asc' : 'desc';
  const byKey = shape.sortProperty === 'key';
  const where: string[] = [];
  if (shape.cursor) where.push(byKey ? `${col(keyColumn)} ${op} ?` : `(${col(sortColumn)} ${op} ? or (${col(sortColumn)} = ? and ${col(keyColumn)} ${op} ?))`);
  if (shape.predicate) where.push(`(${shape.predicate.sql})`);
  const order = byKey ? `${col(keyColumn)} ${direction}` : `${col(sortColumn)} ${direction}, ${col(keyColumn)} ${direction}`;
  return `select ${(columns as string[]).map(col).join(', ')} from ${quote(shape.meta.tableName)} as ${quote('m')}${where.length ? ` where ${where.join(' and ')}` : ''} order by ${order} limit ?`;
}

export function pageStatement(shape: PageShape): Sql | null {
  const [value, key] = shape.cursor ?? [null, null];
  if (shape.cursor && shape.sortProperty !== 'key' && value === null) return null;
  const id = [shape.engine, shape.meta.className, shape.properties.join(','), shape.sortProperty, shape.ascending, shape.cursor !== null, shape.predicate?.sql ?? ''].join('\u0000');
  let sql = texts.get(id);
  if (sql === undefined) {
    if (texts.size >= MAX_SHAPES) texts.clear();
    texts.set(id, (sql = text(shape)));
  }
  if (sql === null) return null;
  const cursorParams = !shape.cursor ? [] : shape.sortProperty === 'key' ? [key] : [value, value, key];
  return { sql, params: [...cursorParams, ...(shape.predicate?.params ?? []), shape.limit] };
}
