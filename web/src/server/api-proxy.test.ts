import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { proxyToApi } from './api-proxy';

/** A stand-in API on a loopback port: records what reached it, answers with two Set-Cookie headers. */
let server: http.Server;
let seen: http.IncomingHttpHeaders = {};

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen = req.headers;
    res.setHeader('set-cookie', ['segmenta_session=sgs_abc; Max-Age=60; Path=/; HttpOnly; SameSite=Lax', 'other=1; Path=/']);
    res.setHeader('content-type', 'application/json');
    res.setHeader('x-powered-by', 'Express');
    res.end(JSON.stringify({ data: { me: null } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  vi.stubEnv('API_URL', `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await new Promise((resolve) => server.close(resolve));
});

describe('proxyToApi', () => {
  it('passes the browser cookie and address to the API, and every Set-Cookie back', async () => {
    const request = new Request('http://web.example/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: 'segmenta_session=sgs_old; segmenta-locale=pl', 'x-forwarded-for': '203.0.113.7' },
      body: JSON.stringify({ query: '{ me { role } }' }),
    });
    const response = await proxyToApi(request, '/graphql');
    expect(response.status).toBe(200);
    expect(seen.cookie).toBe('segmenta_session=sgs_old; segmenta-locale=pl');
    expect(seen['x-forwarded-for']).toBe('203.0.113.7');
    expect(seen['x-forwarded-host']).toBe('web.example');
    expect(seen['x-forwarded-proto']).toBe('http');
    expect(response.headers.getSetCookie()).toEqual(['segmenta_session=sgs_abc; Max-Age=60; Path=/; HttpOnly; SameSite=Lax', 'other=1; Path=/']);
    await expect(response.json()).resolves.toEqual({ data: { me: null } });
  });

  it('does not tell the browser what the API runs on (X-Powered-By)', async () => {
    const response = await proxyToApi(new Request('http://web.example/graphql', { method: 'POST', body: '{}' }), '/graphql');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('passes an Authorization header (API tokens) through', async () => {
    await proxyToApi(new Request('http://web.example/export/segments/x/email.csv', { headers: { authorization: 'Bearer sgt_x' } }), '/export/segments/x/email.csv');
    expect(seen.authorization).toBe('Bearer sgt_x');
  });
});
