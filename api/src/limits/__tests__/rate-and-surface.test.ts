import express from 'express';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/api';
import { Scope } from '../../auth/actor';
import { loadConfig, type Config } from '../../config/config';
import { consumeRate, createRateLimiter, rateLimitMiddleware } from '../rate-limit';

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The whole API on SQLite (these limits do not depend on the engine), listening on a free port. */
async function apiWith(overrides: Partial<Config>): Promise<{ api: TestApi; base: string; stop: () => Promise<void> }> {
  const api = await startTestApi('sqlite', overrides);
  const base = await listen(api.app.httpServer);
  return {
    api,
    base,
    stop: async () => {
      await new Promise((resolve) => api.app.httpServer.close(resolve));
      await api.close();
    },
  };
}

const postJson = (base: string, body: unknown, token?: string) =>
  fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });

describe('rate limit on the API', () => {
  let server: Awaited<ReturnType<typeof apiWith>>;
  beforeAll(async () => {
    server = await apiWith({ rateLimit: { points: 4, windowSeconds: 60 } });
  });
  afterAll(async () => server?.stop());

  it('counts each operation of a batch, then answers 429 with Retry-After and RATE_LIMITED, /graphql and the export alike', async () => {
    const token = await server.api.createToken([Scope.SEGMENTS_READ]);
    const segments = { query: '{ segments(first: 1) { totalCount } }' };
    expect((await postJson(server.base, segments, token)).status).toBe(200);
    const batch = await postJson(server.base, [segments, segments, segments], token);
    expect(batch.status).toBe(200);
    expect(await batch.json()).toHaveLength(3);

    const refused = await postJson(server.base, segments, token);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await refused.json()).toEqual({
      errors: [{ message: expect.stringMatching(/Too many requests: the budget is 4 per 60 s.*Try again in \d+ s/), extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter } }],
    });

    const exported = await fetch(`${server.base}/export/segments/U2VnbWVudDox/email.csv?expires=1&signature=x`, { headers: { authorization: `Bearer ${token}` } });
    expect(exported.status).toBe(429);
    expect(((await exported.json()) as any).errors[0].extensions.code).toBe('RATE_LIMITED');

    // Another token has its own budget; a request without a credential is counted by its address.
    const other = await server.api.createToken([Scope.SEGMENTS_READ]);
    expect((await postJson(server.base, segments, other)).status).toBe(200);
    const anonymous = await postJson(server.base, segments);
    expect([anonymous.status, ((await anonymous.json()) as any).errors[0].extensions.code]).toEqual([200, 'UNAUTHENTICATED']);
    // Operations run in-process (no HTTP request) are not counted.
    expect((await server.api.execRaw('{ segments(first: 0) { totalCount } }')).errors).toBeUndefined();
  });
});

describe('rate limiter building blocks (reused for login attempts)', () => {
  it('keeps one budget per subject, and counts requests without one per client IP', async () => {
    const limiter = createRateLimiter({ points: 2, windowSeconds: 60 }, 'test');
    const app = express();
    // The subject comes from a header here; the API passes the request's actor.
    app.get('/', rateLimitMiddleware(limiter, { subjectOf: (req) => (req.headers['x-subject'] as string | undefined) ?? null }), (_req, res) => void res.send('ok'));
    const server = http.createServer(app);
    const base = await listen(server);
    try {
      const as = (subject?: string) => fetch(base, { headers: subject ? { 'x-subject': subject } : {} }).then((r) => r.status);
      expect([await as('user:1'), await as('user:1'), await as('user:1')]).toEqual([200, 200, 429]);
      expect([await as('token:7'), await as('token:7')]).toEqual([200, 200]);
      // No subject: counted under the client's address, apart from the subjects above.
      expect([await as(), await as(), await as()]).toEqual([200, 200, 429]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('answers allowed/refused with the wait, and is off at 0 points', async () => {
    const limiter = createRateLimiter({ points: 1, windowSeconds: 30 }, 'login');
    expect(await consumeRate(limiter, '127.0.0.1|ana@example.com')).toEqual({ allowed: true, remaining: 0 });
    expect(await consumeRate(limiter, '127.0.0.1|ana@example.com')).toEqual({ allowed: false, retryAfterSeconds: expect.any(Number) });
    expect(await consumeRate(limiter, '127.0.0.1|bob@example.com')).toMatchObject({ allowed: true });
    expect(createRateLimiter({ points: 0, windowSeconds: 60 })).toBeNull();
    expect(await consumeRate(null, 'anyone', 1000)).toMatchObject({ allowed: true });
  });
});

describe('introspection and the landing page', () => {
  it('are on in development and off in production unless set', () => {
    const pick = (env: NodeJS.ProcessEnv) => {
      const config = loadConfig(env);
      return [config.introspection, config.landingPage];
    };
    expect(pick({ NODE_ENV: 'development' })).toEqual([true, true]);
    expect(pick({ NODE_ENV: 'production' })).toEqual([false, false]);
    expect(pick({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true', GRAPHQL_LANDING_PAGE: '1' })).toEqual([true, true]);
    expect(pick({ NODE_ENV: 'development', GRAPHQL_INTROSPECTION: 'off', GRAPHQL_LANDING_PAGE: 'false' })).toEqual([false, false]);
    expect(() => loadConfig({ GRAPHQL_INTROSPECTION: 'maybe' })).toThrow(/GRAPHQL_INTROSPECTION must be true or false/);
  });

  for (const on of [true, false]) {
    it(`${on ? 'answer' : 'are refused'} when GRAPHQL_INTROSPECTION and GRAPHQL_LANDING_PAGE are ${on}`, async () => {
      const server = await apiWith({ introspection: on, landingPage: on });
      try {
        const introspection = (await (await postJson(server.base, { query: '{ __schema { queryType { name } } }' })).json()) as any;
        if (on) expect(introspection).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
        else expect(introspection.errors[0]).toMatchObject({ message: expect.stringMatching(/introspection is not allowed/i), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
        const typeQuery = (await (await postJson(server.base, { query: '{ __type(name: "Segment") { name } }' })).json()) as any;
        expect(typeQuery.data?.__type?.name ?? null).toBe(on ? 'Segment' : null);

        const page = await fetch(`${server.base}/graphql`, { headers: { accept: 'text/html' } });
        const html = await page.text();
        if (on) {
          expect(page.status).toBe(200);
          expect(page.headers.get('content-type')).toMatch(/text\/html/);
          expect(html).toMatch(/apollo/i);
        } else {
          expect(page.status).toBe(400);
          expect(html).not.toMatch(/<html/i);
        }
      } finally {
        await server.stop();
      }
    });
  }
});
