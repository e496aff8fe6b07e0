import type { Request, RequestHandler } from 'express';

/**
 * The API answers JSON and CSV, never a page of its own: nothing it sends may run as script,
 * load anything or be framed. The one exception is Apollo's landing page (development only,
 * GRAPHQL_LANDING_PAGE): it sets its own nonce-based policy in a <meta> tag, which a header
 * policy of `default-src 'none'` would override (policies intersect), so that response keeps only
 * `frame-ancestors`, the part a <meta> tag cannot set.
 */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";
export const LANDING_PAGE_CSP = "frame-ancestors 'none'";

/** The media types Apollo weighs against text/html before it serves the landing page. */
const GRAPHQL_MEDIA_TYPES = ['application/json', 'application/graphql-response+json', 'multipart/mixed', 'text/html'];

/** Whether Apollo answers this request with its landing page: a GET to /graphql that prefers HTML. */
function asksForLandingPage(req: Request): boolean {
  return req.method === 'GET' && req.path.replace(/\/+$/, '') === '/graphql' && req.accepts(GRAPHQL_MEDIA_TYPES) === 'text/html';
}

/** What every API answer carries (but the landing page, whose policy is LANDING_PAGE_CSP). */
export const API_SECURITY_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'no-referrer'],
  ['Content-Security-Policy', API_CSP],
];

export function securityHeaders(options: { landingPage: boolean }): RequestHandler {
  return (req, res, next) => {
    for (const [name, value] of API_SECURITY_HEADERS) res.setHeader(name, value);
    if (options.landingPage && asksForLandingPage(req)) res.setHeader('Content-Security-Policy', LANDING_PAGE_CSP);
    next();
  };
}
