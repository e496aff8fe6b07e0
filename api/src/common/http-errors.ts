import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ServerResponse } from 'node:http';
import { sendJson } from '../errors/limit-error';

/** What body-parser's error types mean, in words for the client (its own messages quote the body). */
const REASONS: Record<string, string> = {
  'entity.parse.failed': 'The request body is not valid JSON.',
  'entity.too.large': 'The request body is too large.',
  'entity.verify.failed': 'The request body could not be verified.',
  'encoding.unsupported': 'The request body has an unsupported content encoding.',
  'charset.unsupported': 'The request body has an unsupported character set.',
  'request.aborted': 'The request was aborted while its body was being read.',
  'request.size.invalid': 'The request body is shorter or longer than its Content-Length.',
  'stream.encoding.set': 'The request body could not be read.',
};

/**
 * Errors that reach Express outside GraphQL (a body that is not JSON, one over the size limit)
 * answer as GraphQL errors in JSON: Express's default handler answered with an HTML page holding
 * the stack trace and file paths (found by the attack tests). Client errors keep their status
 * with code BAD_REQUEST; anything else is logged and answers 500 INTERNAL_SERVER_ERROR.
 */
export function jsonErrors(): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    // Mid-response (a streamed export): nothing can be sent any more; Express closes the connection.
    if (res.headersSent) return next(error);
    // What body-parser and http-errors put on their errors; anything else has no client status.
    const described = (error ?? {}) as { status?: unknown; statusCode?: unknown; type?: unknown };
    const status = Number(described.status ?? described.statusCode);
    if (status >= 400 && status < 500) {
      const message = REASONS[String(described.type)] ?? 'The request could not be read.';
      return void res.status(status).json({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
    }
    sendInternalError(res, error);
  };
}

/** Our own failure outside GraphQL: logged, and a generic JSON 500 (Express's routes and the /graphql fast path alike). */
export function sendInternalError(res: ServerResponse, error: unknown): void {
  console.error('[http] unexpected error:', error);
  sendJson(res, 500, { errors: [{ message: 'Something went wrong on our side; the error has been logged.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
}

/**
 * An address no route serves answers 404 in JSON, like every other API answer. Express's default
 * answered an HTML page with a Content-Security-Policy of its own, replacing the API's headers.
 */
export function jsonNotFound(): RequestHandler {
  return (_req, res) => {
    res.status(404).json({ errors: [{ message: 'There is nothing at this address.', extensions: { code: 'NOT_FOUND' } }] });
  };
}
