/**
 * The web server's proxy to the API. The browser only talks to the web origin (no CORS, cookies
 * stay same-site); route handlers forward `/graphql` and `/export/*` here. Done at request time,
 * not with `next.config` rewrites, because Next bakes rewrites into the build: `API_URL` must be
 * a runtime setting of a self-hosted deployment.
 */
const DEFAULT_API_URL = 'http://127.0.0.1:4000';

/** Hop-by-hop headers and ones the runtime recomputes; forwarding them breaks the exchange. */
const DROPPED_REQUEST_HEADERS = ['host', 'connection', 'content-length', 'keep-alive', 'transfer-encoding', 'upgrade'];
/** The same, and X-Powered-By: the web origin does not advertise what the API is built on. */
const DROPPED_RESPONSE_HEADERS = ['connection', 'content-encoding', 'content-length', 'keep-alive', 'transfer-encoding', 'x-powered-by'];

export function apiUrl(): string {
  return (process.env.API_URL || DEFAULT_API_URL).replace(/\/+$/, '');
}

export async function proxyToApi(request: Request, path: string): Promise<Response> {
  const incoming = new URL(request.url);
  const target = `${apiUrl()}${path}${incoming.search}`;
  const headers = new Headers(request.headers);
  for (const name of DROPPED_REQUEST_HEADERS) headers.delete(name);
  // Cookie and Authorization pass through as they came (the session cookie is the API's), and so does
  // X-Forwarded-For: the web server (scripts/server.mjs) has already replaced the client's own with
  // its socket address (or a trusted proxy's vouched-for chain), and the API's limits count by it.
  headers.set('x-forwarded-host', incoming.host);
  headers.set('x-forwarded-proto', incoming.protocol.replace(':', ''));
  const hasBody = !['GET', 'HEAD'].includes(request.method);
  try {
    const upstream = await fetch(target, {
      method: request.method,
      headers,
      body: hasBody ? request.body : undefined,
      redirect: 'manual',
      // Streams the request body through (large imports) instead of buffering it.
      ...(hasBody ? { duplex: 'half' } : {}),
    });
    const responseHeaders = new Headers(upstream.headers);
    for (const name of DROPPED_RESPONSE_HEADERS) responseHeaders.delete(name);
    // The body streams through untouched: a CSV export of any size never sits in this process.
    return new Response(upstream.body, { status: upstream.status, statusText: upstream.statusText, headers: responseHeaders });
  } catch {
    return Response.json({ errors: [{ message: 'The Segmenta API is not reachable right now. Try again in a moment.', extensions: { code: 'API_UNAVAILABLE' } }] }, { status: 502 });
  }
}
