import express from 'express';
import type { ServerResponse } from 'node:http';
import type { ApiRequest, RequestCheck } from '../common/http-request';
import { humanBytes, LimitCode, sendLimitError } from '../errors/limit-error';

/**
 * The /graphql request body: a small limit for everything, a larger one for imports. Which limit
 * a request gets is decided twice:
 *
 * 1. before reading, from the request alone (`mayImport`): may this request use the import limit at
 *    all (the API asks for a credential with a scope an import needs)? If not, the body is cut off
 *    after `limit` bytes, unread beyond;
 * 2. after reading, from the operations (`isImport`): a body over `limit` must hold only import
 *    mutations.
 *
 * Every refusal is JSON in the GraphQL error shape: 413 PAYLOAD_TOO_LARGE, or 400 BAD_REQUEST for
 * a body that is not JSON (never Express's HTML error page).
 *
 * Each check is `(req, res) => continue?`: false means it has answered the request. No Express
 * middleware: the /graphql fast path runs them on Node's own request (common/graphql-endpoint.ts).
 */
export interface BodyLimitOptions {
  /** Bytes any request may send (GRAPHQL_MAX_BODY_BYTES). */
  limit: number;
  /** Bytes an import request may send (from MAX_IMPORT_BYTES). */
  importLimit: number;
  mayImport: (req: ApiRequest) => boolean | Promise<boolean>;
  isImport: (body: unknown) => boolean;
}

/** The import body limit: the largest import text, JSON escaping around it, and the rest of the request. */
export function importBodyLimit(maxImportBytes: number): number {
  return Math.max(20 * 1048576, Math.ceil(maxImportBytes * 1.25) + 65536);
}

type Sized = ApiRequest & { bodyBytes?: number };
type BodyParser = (req: ApiRequest, res: ServerResponse, next: (error?: Error) => void) => void;

/** body-parser's `json()` (what express.json is) needs no Express: it reads Node's request and sets `req.body`. */
function parseWith(parser: BodyParser, req: ApiRequest, res: ServerResponse): Promise<void> {
  return new Promise((resolve, reject) => parser(req, res, (error) => (error ? reject(error) : resolve())));
}

export function graphqlBodyParser(options: BodyLimitOptions): RequestCheck {
  const measure = (req: ApiRequest, _res: unknown, buffer: Buffer) => {
    (req as Sized).bodyBytes = buffer.length;
  };
  const small = express.json({ limit: options.limit, verify: measure }) as BodyParser;
  const large = express.json({ limit: options.importLimit, verify: measure }) as BodyParser;
  const tooLarge = (bytes: number | undefined) =>
    `The request body${bytes ? ` (${humanBytes(bytes)})` : ''} is larger than ${humanBytes(options.limit)} (GRAPHQL_MAX_BODY_BYTES). ` +
    `Only import mutations (importStaticSegment, startStaticSegmentImport, importStopList, addStaticSegmentMembers, upsert…) may send up to ${humanBytes(options.importLimit)} (MAX_IMPORT_BYTES).`;

  /** body-parser's failures (typed by `type`) as the client's error; anything else is ours and rethrown. */
  const refuseUnreadable = (failure: unknown, res: ServerResponse) => {
    const error = failure as { type?: unknown; status?: number; length?: number } | null;
    if (typeof error?.type !== 'string') throw failure;
    if (error.type === 'entity.too.large') return sendLimitError(res, 413, LimitCode.PAYLOAD_TOO_LARGE, tooLarge(error.length));
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 400;
    const message = error.type === 'entity.parse.failed' ? 'The request body is not valid JSON.' : 'The request body could not be read.';
    sendLimitError(res, status, LimitCode.BAD_REQUEST, message);
  };

  return async (req, res) => {
    try {
      await parseWith((await options.mayImport(req)) ? large : small, req, res);
    } catch (failure) {
      refuseUnreadable(failure, res);
      return false;
    }
    // A body over the small limit must hold only import mutations.
    const bytes = (req as Sized).bodyBytes ?? 0;
    if (bytes <= options.limit || options.isImport(req.body)) return true;
    sendLimitError(res, 413, LimitCode.PAYLOAD_TOO_LARGE, tooLarge(bytes));
    return false;
  };
}

/** A batched request (a JSON array of operations) with more than `max` operations: 400 BATCH_TOO_LARGE, nothing runs. */
export function batchSizeLimit(max: number): RequestCheck {
  return (req, res) => {
    if (!Array.isArray(req.body) || req.body.length <= max) return true;
    sendLimitError(res, 400, LimitCode.BATCH_TOO_LARGE, `This batch has ${req.body.length} operations; at most ${max} may be sent in one request (GRAPHQL_MAX_BATCH).`, {
      maxBatchSize: max,
    });
    return false;
  };
}
