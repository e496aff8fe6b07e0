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

const unwrapped = new WeakMap<Database, Database>();

/**
 * The database as a request sees it: every `read` bounded by QUERY_TIMEOUT_MS unless the caller
 * gives its own, and counted at the heavy-read gate under the request's credential (read when the
 * statement starts: the HTTP context learns its actor after it is made). Wrapping the wrapper (a
 * context made from a context) wraps the database underneath, not the wrapper.
 */
export function withRequestLimits(db: Database, timeoutMs: number, credentialOf: () => string | null): Database {
  const base = unwrapped.get(db) ?? db;
  const timeout = timeoutMs > 0 ? { timeoutMs } : {};
  const wrapped: Database = { ...base, read: (sql, params, options) => base.read(sql, params, { ...timeout, credential: credentialOf(), ...options }) };
  unwrapped.set(wrapped, base);
  return wrapped;
}
