import type { RequestHandler } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * What the API's HTTP handling reads of a request, whether Express made it (GET /graphql, /export)
 * or the /graphql fast path (graphql-endpoint.ts): Node's request plus the client's address, whether
 * it came over HTTPS (both as the trusted proxies tell it, client-address.ts) and the parsed body.
 */
export interface ApiRequest extends IncomingMessage {
  ip?: string;
  secure?: boolean;
  body?: unknown;
}

/** One check in front of GraphQL or an export: true to go on, false when it has answered the request itself. */
export type RequestCheck = (req: ApiRequest, res: ServerResponse) => boolean | Promise<boolean>;

/** Checks in order; stops at the first that answers the request. */
export function allOf(...checks: RequestCheck[]): RequestCheck {
  return async (req, res) => {
    for (const check of checks) if (!(await check(req, res))) return false;
    return true;
  };
}

/** A check in front of an Express route: next() when it lets the request on, errors to Express's error handlers. */
export function checkAsMiddleware(check: RequestCheck): RequestHandler {
  return (req, res, next) => {
    Promise.resolve()
      .then(() => check(req, res))
      .then((goOn) => goOn && next(), next);
  };
}
