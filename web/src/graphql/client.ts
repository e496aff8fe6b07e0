import { Client, cacheExchange, fetchExchange } from '@urql/core';
import { apiUrl } from '@/server/api-proxy';

/**
 * The GraphQL endpoint: in the browser always the web origin's `/graphql` (a route handler proxies it
 * to the API, so there is no CORS); on the server, the API directly.
 */
export function graphqlUrl(): string {
  if (typeof window !== 'undefined') return '/graphql';
  return `${apiUrl()}/graphql`;
}

/** A new urql client. One per browser tab (see `Providers`), one per request on the server. */
export function createGraphqlClient(): Client {
  return new Client({
    url: graphqlUrl(),
    exchanges: [cacheExchange, fetchExchange],
    // Apollo Server's CSRF prevention rejects urql's default GET for short queries.
    preferGetMethod: false,
    fetchOptions: { credentials: 'same-origin' },
  });
}
