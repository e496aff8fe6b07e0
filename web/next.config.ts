import type { NextConfig } from 'next';

/**
 * `/graphql` and `/export/*` reach the API through route handlers (app/graphql, app/export) that
 * read `API_URL` at request time; see src/server/api-proxy.ts for why not `rewrites()`.
 */
const nextConfig: NextConfig = {
  reactStrictMode: true,
  // No `X-Powered-By: Next.js`: it tells an attacker which exploits to try.
  poweredByHeader: false,
  // The security headers that are the same on every response (pages, proxied API answers, static
  // files); the pages' Content-Security-Policy carries a nonce per request, so proxy.ts sends it.
  // Written out here: `next start` loads this file without compiling what it would import.
  headers() {
    return Promise.resolve([
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          // frame-ancestors in the CSP says the same to current browsers; this is for those before CSP 2.
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
    ]);
  },
};

export default nextConfig;
