import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { clientAddressOf, type Trust } from './client-address';
import { sendInternalError } from './http-errors';
import type { ApiRequest, RequestCheck } from './http-request';
import { API_SECURITY_HEADERS } from './security-headers';

/**
 * POST /graphql without Express. Every count, page and mutation comes this way, and Express's
 * share of such a request was a third of its CPU time in the bench's profile (the router, then
 * `res.send`: an ETag hashed over every answer, freshness checks, header juggling), the gap
 * between this API and PostGraphile. What Express gave this route is here, each in a line or two:
 * security headers, the client's address through trusted proxies, the body (body-parser, within the
 * limits' checks) and JSON errors. GET /graphql (the landing page, GET queries) stays on Express.
 */
export interface GraphqlEndpointOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  /** Whose X-Forwarded-For / -Proto to believe (compileTrust of TRUST_PROXY, the one Express has too). */
  trust: Trust;
  /** The limits in front of GraphQL (body within its size, batch size, rate limit). */
  admit: RequestCheck;
  context: (req: ApiRequest, res: ServerResponse) => Promise<TContext>;
}

/** Whether this request is for the fast path: a POST to /graphql (or /graphql/), any query string. */
export function isGraphqlPost(req: IncomingMessage): boolean {
  if (req.method !== 'POST') return false;
  const url = req.url ?? '';
  const end = url.indexOf('?');
  const path = end === -1 ? url : url.slice(0, end);
  return path === '/graphql' || path === '/graphql/';
}

export function graphqlEndpoint<TContext extends BaseContext>(options: GraphqlEndpointOptions<TContext>) {
  const { trust } = options;
  return async (incoming: IncomingMessage, res: ServerResponse): Promise<void> => {
    const req = incoming as ApiRequest;
    for (const [name, value] of API_SECURITY_HEADERS) res.setHeader(name, value);
    try {
      const client = clientAddressOf(req, trust);
      req.ip = client.ip;
      req.secure = client.secure;
      if (!(await options.admit(req, res))) return;
      const answer = await options.apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: 'POST', headers: headerMapOf(req), search: searchOf(req.url), body: req.body },
        context: () => options.context(req, res),
      });
      for (const [name, value] of answer.headers) res.setHeader(name, value);
      res.statusCode = answer.status ?? 200;
      if (answer.body.kind === 'complete') return void res.end(answer.body.string);
      for await (const chunk of answer.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (error) {
      // Mid-answer (a streamed result) nothing more can be said: the connection is cut.
      if (res.headersSent) {
        console.error('[http] unexpected error:', error);
        return void res.destroy();
      }
      sendInternalError(res, error);
    }
  };
}

/** Apollo's header map: Node's headers, repeated ones joined as Express's integration joins them. */
function headerMapOf(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

function searchOf(url: string | undefined): string {
  const start = url?.indexOf('?') ?? -1;
  return start === -1 ? '' : url!.slice(start);
}
