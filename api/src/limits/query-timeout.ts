import type { MikroORM } from '@mikro-orm/core';
import type { GraphQLError } from 'graphql';
import type { Database } from '../db/orm';
import { LimitCode, limitError } from './limit-error';

/**
 * The statement timeout on counts and pages (QUERY_TIMEOUT_MS). It applies to the reads a request
 * makes through `ctx.db.read` (segment and preview counts, member and recipient pages, list totals,
 * membership checks) and to nothing else: imports, migrations, seeding and CSV exports use their
 * own connections and statements and may run as long as they need.
 */
export function queryTimeoutError(timeoutMs: number): GraphQLError {
  const seconds = +(timeoutMs / 1000).toFixed(3);
  return limitError(
    LimitCode.QUERY_TIMEOUT,
    `The database took longer than ${seconds} s to answer this count or page, so it was stopped. Narrow the filter, or try again when the server is less busy (QUERY_TIMEOUT_MS).`,
    { details: { timeoutMs } },
  );
}

/** PostgreSQL's SQLSTATE for a statement cancelled by statement_timeout (query_canceled). */
const QUERY_CANCELED = '57014';

interface PgClient {
  query(sql: string): Promise<{ rows: unknown[] } | Array<{ rows: unknown[] }>>;
}
interface KnexPool {
  acquireConnection(): Promise<PgClient>;
  releaseConnection(client: PgClient): Promise<void>;
}

/**
 * One read-only statement under `SET LOCAL statement_timeout`, in ONE round trip: the transaction,
 * the setting, the statement and the commit go as one simple-protocol query, so the timeout costs
 * the fast path nothing measurable and never outlives the statement (LOCAL ends with the
 * transaction; the pooled connection keeps no setting). Parameters are inlined by MikroORM's own
 * formatter, as `connection.execute` does for every other statement of the app.
 */
export async function postgresReadWithTimeout<T>(orm: MikroORM, sql: string, params: unknown[], timeoutMs: number): Promise<T[]> {
  const connection = orm.em.getConnection();
  const formatted = orm.em.getPlatform().formatQuery(sql, params);
  const pool = (connection as unknown as { getKnex(): { client: KnexPool } }).getKnex().client;
  const client = await pool.acquireConnection();
  let ok = false;
  try {
    const statement = formatted.replace(/[\s;]+$/, '');
    // Line breaks around the statement: a trailing `-- comment` in it cannot swallow the COMMIT.
    const results = await client.query(`BEGIN READ ONLY; SET LOCAL statement_timeout = ${Math.ceil(timeoutMs)};\n${statement}\n; COMMIT`);
    ok = true;
    // One result per statement: BEGIN, SET, the read, COMMIT.
    return (Array.isArray(results) ? results[2].rows : results.rows) as T[];
  } catch (error) {
    if ((error as { code?: string }).code === QUERY_CANCELED) throw queryTimeoutError(timeoutMs);
    throw error;
  } finally {
    // A failed statement leaves the transaction open and aborted: close it before the connection goes back.
    if (!ok) await client.query('ROLLBACK').catch(() => undefined);
    await pool.releaseConnection(client);
  }
}

const bounded = new WeakMap<Database, { timeoutMs: number; db: Database }>();

/**
 * The database as a request sees it: every `read` bounded by QUERY_TIMEOUT_MS unless the caller
 * gives its own. One wrapper per database and timeout, made once.
 */
export function withQueryTimeout(db: Database, timeoutMs: number): Database {
  if (!(timeoutMs > 0)) return db;
  const known = bounded.get(db);
  if (known?.timeoutMs === timeoutMs) return known.db;
  const wrapped: Database = { ...db, read: (sql, params, options) => db.read(sql, params, { timeoutMs, ...options }) };
  bounded.set(db, { timeoutMs, db: wrapped });
  // Wrapping the wrapper (a context made from a context) changes nothing.
  bounded.set(wrapped, { timeoutMs, db: wrapped });
  return wrapped;
}
