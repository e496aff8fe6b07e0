import { afterEach, describe, expect, it, vi } from 'vitest';
import { createGraphqlClient, graphqlUrl } from './client';

describe('graphqlUrl', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.unstubAllGlobals();
  });

  it('uses the same-origin /graphql in the browser', () => {
    vi.stubGlobal('window', {});
    vi.stubEnv('API_URL', 'http://api.internal:4000');
    expect(graphqlUrl()).toBe('/graphql');
  });

  it('talks to API_URL directly on the server', () => {
    vi.stubEnv('API_URL', 'http://api.internal:4100/');
    expect(graphqlUrl()).toBe('http://api.internal:4100/graphql');
  });

  it('defaults to the local API on the server', () => {
    vi.stubEnv('API_URL', '');
    expect(graphqlUrl()).toBe('http://127.0.0.1:4000/graphql');
  });
});

describe('createGraphqlClient', () => {
  it('sends queries as POST (Apollo CSRF prevention rejects simple GETs)', async () => {
    vi.stubGlobal('window', {});
    const fetchMock = vi.fn<(url: string, init?: RequestInit) => Promise<Response>>(() =>
      Promise.resolve(
        new Response(JSON.stringify({ data: { __typename: 'Query' } }), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        }),
      ),
    );
    vi.stubGlobal('fetch', fetchMock);
    try {
      const client = createGraphqlClient();
      const result = await client.query('{ __typename }', {}).toPromise();
      expect(result.error).toBeUndefined();
      expect(fetchMock).toHaveBeenCalledTimes(1);
      const [url, init] = fetchMock.mock.calls[0]!;
      expect(url).toBe('/graphql');
      expect(init?.method).toBe('POST');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
