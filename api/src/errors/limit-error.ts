import { GraphQLError } from 'graphql';
import type { ServerResponse } from 'node:http';

/** Every code the limits answer with; clients can switch on `extensions.code`. */
export enum LimitCode {
  QUERY_TOO_DEEP = 'QUERY_TOO_DEEP',
  TOO_MANY_ALIASES = 'TOO_MANY_ALIASES',
  TOO_MANY_TOKENS = 'TOO_MANY_TOKENS',
  TOO_MANY_DIRECTIVES = 'TOO_MANY_DIRECTIVES',
  QUERY_TOO_COSTLY = 'QUERY_TOO_COSTLY',
  BATCH_TOO_LARGE = 'BATCH_TOO_LARGE',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  BAD_REQUEST = 'BAD_REQUEST',
  RATE_LIMITED = 'RATE_LIMITED',
  QUERY_TIMEOUT = 'QUERY_TIMEOUT',
  /** CSV downloads: a cap on downloads at once is full, or no export connection came free in time. */
  TOO_MANY_EXPORTS = 'TOO_MANY_EXPORTS',
  /** Too many counts and pages running (for this credential, or in all): retry after `retryAfterSeconds`. */
  SERVER_BUSY = 'SERVER_BUSY',
}

/**
 * A refusal as a GraphQL error with its own code. `status`, for refusals before execution: Apollo
 * answers with that HTTP status and leaves `extensions.http` out of what the client sees.
 */
export function limitError(code: LimitCode, message: string, options: { status?: number; details?: Record<string, unknown> } = {}): GraphQLError {
  const http = options.status ? { http: { status: options.status } } : {};
  return new GraphQLError(message, { extensions: { code, ...options.details, ...http } });
}

/**
 * The same refusal from HTTP handling before Apollo runs: the GraphQL response shape, JSON, so a
 * client reads it like any other GraphQL error and never gets an HTML error page. Plain Node (no
 * Express): the /graphql fast path (common/graphql-endpoint.ts) answers with it as well.
 */
export function sendLimitError(res: ServerResponse, status: number, code: LimitCode, message: string, details: Record<string, unknown> = {}): void {
  sendJson(res, status, { errors: [{ message, extensions: { code, ...details } }] });
}

/** A JSON answer on a bare Node response (Express's `res.json` without Express). */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

/** "1 MB", "16 MB", "512 KB": sizes in messages a person reads. */
export function humanBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

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
