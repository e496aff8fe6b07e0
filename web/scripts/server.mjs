// The web server of `npm start -w web` and `npm run dev -w web`: Next's request handler behind a plain Node HTTP server, so
// the forwarding headers are rewritten from the socket before Next sees them (forwarded-for.mjs);
// `next start` offers no hook for that, and Next keeps a client's own X-Forwarded-For.
//
// WEB_PORT (default 3000; Next's own PORT is the API's in this repository), WEB_HOST (default
// 127.0.0.1: reachable from this machine only until a deployment says otherwise), TRUSTED_PROXIES
// (default none: see forwarded-for.mjs).
import http from 'node:http';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTrustedProxies, rewriteForwardingHeaders } from './forwarded-for.mjs';
import { parsePort } from './run-next.mjs';

const webDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Where the server listens and whom it believes, from the environment; throws on a bad value. */
export function serverSettings(env = process.env) {
  return {
    port: parsePort(env.WEB_PORT, 3000),
    hostname: env.WEB_HOST || '127.0.0.1',
    isTrusted: parseTrustedProxies(env.TRUSTED_PROXIES),
  };
}

/**
 * Resolves once it listens. Production (default) builds nothing: it serves the `next build` output
 * in web/.next. `{ dev: true }` is Next's dev server (compiles on request, hot reload) behind the
 * same header rewriting: `next dev` alone would pass a client's X-Forwarded-For on to the API.
 */
export async function startServer({ dev = false } = {}) {
  let settings;
  try {
    settings = serverSettings();
  } catch (error) {
    console.error(`[web] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  const { port, hostname, isTrusted } = settings;
  process.env.NODE_ENV ??= dev ? 'development' : 'production';
  process.env.NEXT_TELEMETRY_DISABLED ??= '1';
  // Keep Next from picking up the API's PORT by any other route.
  delete process.env.PORT;
  // Imported only now: Next and React pick their production builds from NODE_ENV when loaded.
  const { default: next } = await import('next');
  const app = next({ dev, dir: webDir, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = http.createServer((req, res) => {
    rewriteForwardingHeaders(req, isTrusted);
    handle(req, res).catch((error) => {
      console.error('[web] request failed:', error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      server.close(() => process.exit(0));
      // Open keep-alive connections would hold close() back; a stop should not wait on a browser tab.
      server.closeAllConnections();
    });
  }
  await new Promise((resolveListen, reject) => server.once('error', reject).listen(port, hostname, resolveListen));
  console.log(`[web] Segmenta on http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${port}`);
  return server;
}
