import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/api';
import type { Config } from '../../config/config';
import { API_CSP, LANDING_PAGE_CSP } from '../security-headers';

/** The API over HTTP on SQLite (headers and validation messages do not depend on the engine). */
async function serve(overrides: Partial<Config>): Promise<{ api: TestApi; base: string; stop(): Promise<void> }> {
  const api = await startTestApi('sqlite', overrides);
  await new Promise<void>((resolve) => api.app.httpServer.listen(0, '127.0.0.1', resolve));
  return {
    api,
    base: `http://127.0.0.1:${(api.app.httpServer.address() as AddressInfo).port}`,
    stop: async () => {
      await new Promise((resolve) => api.app.httpServer.close(resolve));
      await api.close();
    },
  };
}

const postGraphql = (base: string, query: string) => fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });

function expectLockedDown(response: Response, csp = API_CSP): void {
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  expect(response.headers.get('content-security-policy')).toBe(csp);
  expect(response.headers.get('x-powered-by')).toBeNull();
}

describe('API responses in production mode', () => {
  let server: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    server = await serve({ introspection: false, landingPage: false });
  });
  afterAll(() => server.stop());

  it('carry nosniff, no-referrer, a CSP that allows nothing and no frame, and no X-Powered-By', async () => {
    const responses = [
      await fetch(`${server.base}/healthz`),
      await postGraphql(server.base, '{ me { role } }'),
      await fetch(`${server.base}/graphql`, { headers: { accept: 'text/html' } }),
      await fetch(`${server.base}/export/segments/nothing/email.csv?expires=1&by=user%3A1&signature=x`),
      await fetch(`${server.base}/no-such-route`),
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 200, 400, 404, 404]);
    for (const response of responses) expectLockedDown(response);
    expect(await responses[4]?.json()).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'NOT_FOUND' } }] });
  });

  it('give a mistyped field no "Did you mean" suggestion that would spell out the schema', async () => {
    const body = (await (await postGraphql(server.base, '{ segmnts(first: 1) { edges { node { id } } } }')).json()) as any;
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors[0].message).toMatch(/Cannot query field "segmnts"/);
    expect(JSON.stringify(body)).not.toMatch(/did you mean|"segments"/i);
  });
});

describe('API responses in development mode', () => {
  let server: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    server = await serve({ introspection: true, landingPage: true });
  });
  afterAll(() => server.stop());

  it('let the landing page run its own nonce policy but still refuse framing', async () => {
    const page = await fetch(`${server.base}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<meta http-equiv="Content-Security-Policy" content="script-src 'self' 'nonce-/);
    expectLockedDown(page, LANDING_PAGE_CSP);
    // Everything else keeps the strict policy, the JSON answers of the same path included.
    expectLockedDown(await postGraphql(server.base, '{ me { role } }'));
    expectLockedDown(await fetch(`${server.base}/graphql?query=%7B__typename%7D`, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } }));
  });

  it('still suggest field names where introspection is on', async () => {
    const body = (await (await postGraphql(server.base, '{ segmnts(first: 1) { edges { node { id } } } }')).json()) as any;
    expect(body.errors[0].message).toMatch(/Did you mean "segments"/);
  });
});
