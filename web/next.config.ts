import type { NextConfig } from 'next';

/**
 * `/graphql` and `/export/*` reach the API through route handlers (app/graphql, app/export) that
 * read `API_URL` at request time; see src/server/api-proxy.ts for why not `rewrites()`.
 */
const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
};

export default nextConfig;
