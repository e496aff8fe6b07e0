import { Client, cacheExchange, fetchExchange } from '@urql/core';
import { authRedirectExchange } from '@/auth/auth-exchange';
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
    // A refused credential (signed out, one-time password) leaves the page for the login or password form.
    exchanges: [cacheExchange, authRedirectExchange(), fetchExchange],
    // Apollo Server's CSRF prevention rejects urql's default GET for short queries.
    preferGetMethod: false,
    // The session cookie (HttpOnly, SameSite=Lax) goes with every same-origin request.
    fetchOptions: { credentials: 'same-origin' },
  });
}
