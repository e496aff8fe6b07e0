import { Utils, type EntityName, type FilterQuery, type QueryOrderMap } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import type { Sql } from '../filter/sql/dialect';
import { lightEntities } from './light-rows';
import { pageStatement } from './page-sql';
import type { Loaders } from './loaders';
import { Field, InputType, Int, ObjectType, type ClassType } from 'type-graphql';
import { encodeCursor, foreignCursor, OrderDirection, PageInfo, readPageArgs, type CursorValue, type PageArgs } from './paging';

/** How a list is ordered: one column, then the unique key as a tie-breaker, so order is stable. */
export interface SortSpec {
  property: string;
  direction: OrderDirection;
  /** Date columns travel in cursors as epoch milliseconds. */
  isDate?: boolean;
}

export interface Page<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
  totalCount: () => Promise<number>;
}

export interface ConnectionType<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
}

/**
 * Builds `<Name>Connection` and `<Name>Edge` for a node type. `totalCount` is a separate COUNT
 * statement run only when the client asks for it.
 */
export function connectionType<T extends object>(nodeType: ClassType<T>, name: string, edgeType?: ClassType<{ cursor: string }>) {
  // An edge type of its own (with more fields than cursor and node) replaces the default.
  const Edge = edgeType ?? edgeTypeOf(nodeType, name);

  @ObjectType(`${name}Connection`, { description: `A page of ${name} objects in a stable keyset order.` })
  class Connection {
    @Field(() => [Edge])
    edges!: Array<{ cursor: string; node: T }>;

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    counter!: () => Promise<number>;

    @Field(() => Int, { description: 'How many objects match, all pages together (one COUNT statement).' })
    totalCount(): Promise<number> {
      return this.counter();
    }
  }

  return Connection;
}

function edgeTypeOf<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field({ description: 'Opaque keyset cursor: pass it as `after` / `before`.' })
    cursor!: string;

    @Field(() => nodeType)
    node!: T;
  }
  return Edge;
}

export function orderInput<E extends object>(fieldEnum: E, enumName: string) {
  @InputType(`${enumName.replace(/Field$/, '')}`, { description: 'Sort order; ties are broken by the id, so pages are stable.' })
  class Order {
    @Field(() => fieldEnum as object)
    field!: E[keyof E];

    @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC })
    direction: OrderDirection = OrderDirection.ASC;
  }
  return Order;
}

/** Dates travel in cursors as epoch milliseconds; beyond ±8.64e15 there is no Date. */
const MAX_EPOCH_MS = 8.64e15;

/**
 * Whether a cursor's sort value is of the sorted column's kind. A cursor is opaque but arrives
 * from outside: a text where a timestamp is sorted failed PostgreSQL ("invalid input syntax for
 * type timestamp"), a number beyond the Date range became NaN in SQLite's SQL. Found by the attack
 * tests; a mismatch is the same typed error as a cursor of another list.
 */
function fitsSort(em: SqlEntityManager, entity: EntityName<object>, sort: SortSpec, value: CursorValue[0]): boolean {
  if (sort.property === 'key' || value === null) return true;
  if (sort.isDate) return typeof value === 'number' && Math.abs(value) <= MAX_EPOCH_MS;
  const runtime = em.getMetadata().find(Utils.className(entity))?.properties[sort.property as never]?.runtimeType;
  if (runtime === 'number') return typeof value === 'number';
  if (runtime === 'string') return typeof value === 'string';
  if (runtime === 'boolean') return typeof value === 'boolean';
  return true;
}

/** A cursor's sort value as the column holds it (dates travel as epoch ms). */
function cursorSortValue(sort: SortSpec, rawValue: CursorValue[0]): CursorValue[0] | Date {
  return sort.isDate && typeof rawValue === 'number' ? new Date(rawValue) : rawValue;
}

function keysetCondition(sort: SortSpec, cursor: CursorValue, ascending: boolean): FilterQuery<object> {
  const op = ascending ? '$gt' : '$lt';
  const [rawValue, key] = cursor;
  if (sort.property === 'key') return { key: { [op]: key } };
  const value = cursorSortValue(sort, rawValue);
  return { $or: [{ [sort.property]: { [op]: value } }, { [sort.property]: value, key: { [op]: key } }] };
}

function cursorOf(node: Record<string, unknown>, sort: SortSpec): string {
  const value = node[sort.property];
  const plain = value instanceof Date ? value.getTime() : (value as CursorValue[0]);
  return encodeCursor([plain, node.key as number]);
}

/**
 * One keyset page: `WHERE <filter> AND (col, key) beyond the cursor ORDER BY col, key LIMIT n+1`.
 * The extra row tells whether another page exists, without counting.
 */
export interface PageOptions {
  /** A compiled filter over the entity's rows aliased `m` (see filter/compile.ts). */
  predicate?: Sql;
  /** Properties to load (see projection.ts); null or absent loads all. */
  properties?: string[] | null;
  /**
   * Build read-only light instances (see light-rows.ts) instead of managed entities. The page and
   * its `totalCount` then run through `read` (ctx.db.read: a reader thread on SQLite, the
   * heavy-read pool and its caps on PostgreSQL), not on the ORM's connection.
   */
  light?: LightRead;
  /**
   * Where `totalCount` runs when the rows load as managed entities (no `light`): the request's
   * heavy reads (`ctx.db.read`, see `heavyRead`), so a total over a large table counts against
   * the caps and the statement timeout and never holds the ORM pool that sign-in and writes use.
   * Absent: on the entity manager's connection (internal callers).
   */
  count?: LightRead['read'];
}

export interface LightRead {
  loaders: Loaders;
  sqlite: boolean;
  read: (sql: string, params: unknown[]) => Promise<Array<Record<string, unknown>>>;
}

/** A statement run as one of the request's heavy reads (ctx.db.read): light rows, and totals (PageOptions.count). */
export function heavyRead(ctx: { db: { read: LightRead['read'] } }): LightRead['read'] {
  return (sql, params) => ctx.db.read(sql, params);
}

/** Light rows read through the request's heavy reads (see PageOptions.light). */
export function lightRead(ctx: { loaders: Loaders; db: { kind: string; read: LightRead['read'] } }): LightRead {
  return { loaders: ctx.loaders, sqlite: ctx.db.kind === 'sqlite', read: heavyRead(ctx) };
}

export async function findPage<T extends object>(
  em: SqlEntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  sort: SortSpec,
  args: PageArgs,
  maxPageSize: number,
  { predicate, properties = null, light, count }: PageOptions = {},
): Promise<Page<T>> {
  const request = readPageArgs(args, maxPageSize);
  if (request.cursor && !fitsSort(em, entity as EntityName<object>, sort, request.cursor[0])) throw foreignCursor(request.forward ? 'after' : 'before');
  const ascending = (sort.direction === OrderDirection.ASC) === request.forward;
  const conditions: Array<FilterQuery<T>> = [where];
  if (request.cursor) conditions.push(keysetCondition(sort, request.cursor, ascending) as FilterQuery<T>);
  const direction = ascending ? 'asc' : 'desc';
  const orderBy = (sort.property === 'key' ? { key: direction } : { [sort.property]: direction, key: direction }) as QueryOrderMap<T>;
  const query = (filter: FilterQuery<T>) => {
    const qb = em.createQueryBuilder(entity, 'm').where(filter as never);
    return predicate ? qb.andWhere(predicate.sql, predicate.params) : qb;
  };
  const select = properties ? [...new Set(['key', sort.property, ...properties])] : '*';
  const pageQuery = () =>
    query({ $and: conditions } as FilterQuery<T>)
      .select(select as never)
      .orderBy(orderBy)
      .limit(request.size + 1);
  const lightRows = async (light: NonNullable<PageOptions['light']>) => {
    const meta = em.getMetadata().get((entity as { name: string }).name);
    // Every row of the entity (crud lists): the statement built once per shape (page-sql.ts).
    const statement =
      select !== '*' && Object.keys(where).length === 0
        ? pageStatement({
            meta,
            properties: select,
            sortProperty: sort.property,
            ascending,
            cursor: request.cursor && [cursorSortValue(sort, request.cursor[0]), request.cursor[1]],
            predicate,
            limit: request.size + 1,
            engine: light.sqlite ? 'sqlite' : 'postgresql',
          })
        : null;
    const raw = statement ? await light.read(statement.sql, statement.params) : await readRaw(pageQuery(), light.read);
    return lightEntities<T>(meta, raw, light.loaders, light.sqlite);
  };
  const rows = request.size === 0 ? [] : light ? await lightRows(light) : await pageQuery().getResultList();
  const hasMore = rows.length > request.size;
  const pageRows = rows.slice(0, request.size);
  if (!request.forward) pageRows.reverse();
  const edges = pageRows.map((node) => ({ cursor: cursorOf(node as Record<string, unknown>, sort), node }));
  const pageInfo: PageInfo = {
    hasNextPage: request.forward ? hasMore : request.cursor !== null,
    hasPreviousPage: request.forward ? request.cursor !== null : hasMore,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges[edges.length - 1]?.cursor ?? null,
  };
  const countRead = light?.read ?? count;
  const totalCount = countRead ? () => readCount(query(where), countRead) : () => query(where).getCount();
  return { edges, pageInfo, totalCount };
}

/** `SELECT count(*)` of a page's filter, run by `read` like the page itself. */
async function readCount(query: { count(): { getKnexQuery(): { toSQL(): { sql: string; bindings: readonly unknown[] } } } }, read: LightRead['read']): Promise<number> {
  const [row] = await readRaw(query.count(), read);
  return Number(row?.count ?? 0);
}

/** The page statement as SQL and values, run by `read` (on SQLite: a reader thread, off the event loop). */
function readRaw(query: { getKnexQuery(): { toSQL(): { sql: string; bindings: readonly unknown[] } } }, read: (sql: string, params: unknown[]) => Promise<Array<Record<string, unknown>>>) {
  const { sql, bindings } = query.getKnexQuery().toSQL();
  return read(sql, [...bindings]);
}

/** Wraps a page into the connection class built by `connectionType`. */
export function toConnection<C extends ConnectionType<T> & { counter: () => Promise<number> }, T>(type: ClassType<C>, page: Page<T>): C {
  const connection = new type();
  connection.edges = page.edges;
  connection.pageInfo = page.pageInfo;
  connection.counter = page.totalCount;
  return connection;
}
