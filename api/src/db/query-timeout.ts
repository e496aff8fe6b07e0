import type { Database } from './orm';

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
