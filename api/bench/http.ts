import http from 'node:http';

// One keep-alive connection, as a long-running client would hold: undici's fetch added 2–9 ms of
// jitter per request on loopback here, which would drown the figures being measured.
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

let authorization: Record<string, string> = {};

/** Every request from now on carries this API token (the bench acts as an integrator). */
export function useApiToken(secret: string): void {
  authorization = { authorization: `Bearer ${secret}` };
}

/** `anonymous`: without the API token (another server on the same database, e.g. PostGraphile). */
export function postJson(url: string, payload: unknown, { anonymous = false, retry = true } = {}): Promise<unknown> {
  const body = JSON.stringify(payload);
  const { hostname, port, pathname } = new URL(url);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: hostname, port, path: pathname, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...(anonymous ? {} : authorization) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
          } catch (error) {
            // JSON.parse throws a SyntaxError; anything else is wrapped so callers always get an Error.
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
      },
    );
    // The server closes a connection idle for 5 s; a request sent on it just then is reset. Sent
    // again once, as Node's documentation advises for reused sockets.
    request.on('error', (error: NodeJS.ErrnoException) =>
      retry && request.reusedSocket && error.code === 'ECONNRESET' ? resolve(postJson(url, payload, { anonymous, retry: false })) : reject(error),
    );
    request.end(body);
  });
}

/** A GraphQL operation over HTTP; GraphQL errors throw (a bench figure is never taken from a failed call). */
export async function graphql<T = any>(url: string, query: string, variables?: Record<string, unknown>): Promise<T> {
  const body = (await postJson(url, { query, variables })) as { data?: T; errors?: unknown[] };
  if (body.errors) throw new Error(`${query.slice(0, 80)}…: ${JSON.stringify(body.errors)}`);
  return body.data as T;
}

/** Downloads a URL, counting bytes and line feeds as they arrive (nothing is kept). */
export function download(url: string): Promise<{ status: number; bytes: number; lines: number }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (response) => {
        let bytes = 0;
        let lines = 0;
        response.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines++;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, bytes, lines }));
        response.on('error', reject);
      })
      .on('error', reject);
  });
}
