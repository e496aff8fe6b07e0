import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApi, type TestApi } from '../../test/api';

/**
 * Requests a client gets wrong at the GraphQL layer, before any resolver runs, answer with typed
 * errors (found by the attack tests). The engine plays no part here, so SQLite alone.
 */
describe('bad requests', () => {
  let api: TestApi;
  let base: string;
  beforeAll(async () => {
    api = await startTestApi('sqlite');
    await new Promise<void>((resolve) => api.app.httpServer.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(api.app.httpServer.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => api.app.httpServer.close(resolve));
    await api?.close();
  });

  const post = async (body: string) => {
    const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
  };

  it("a body that is not JSON, or too large: a JSON error with its status, no HTML page with a stack trace (was Express's default page)", async () => {
    for (const body of ['{', 'null', '"x"', '\u0000', '{"query": "{ __typename }",}']) {
      const answer = await post(body);
      expect(answer.status).toBe(400);
      expect(answer.type).toMatch(/application\/json/);
      expect(JSON.parse(answer.text)).toEqual({ errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
    }
    const large = await post(`{"query":"${'x'.repeat(21 * 1048576)}"}`);
    expect(large.status).toBe(413);
    expect(JSON.parse(large.text).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(large.text).not.toMatch(/node_modules|at \w/);
  });

  it('a persisted query whose hash does not match its text: BAD_REQUEST, nothing logged as unexpected (was INTERNAL_SERVER_ERROR)', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {
      /* silenced: the test asserts it is never called */
    });
    try {
      const answer = await post(JSON.stringify({ query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: 'nope' } } }));
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.text).errors).toEqual([{ message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST' } }]);
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });

  it('more than 50 bad variable values: every error BAD_USER_INPUT, nothing logged as unexpected (was one INTERNAL_SERVER_ERROR)', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {
      /* silenced: the test asserts it is never called */
    });
    try {
      const rules = Array.from({ length: 60 }, () => ({ rule: { field: 'client.city', operator: 'EQ', value: { string: { not: 'a string' } } } }));
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'query($f: FilterGroupInput!) { checkFilter(source: CLIENTS, filter: $f) { valid } }', variables: { f: { rules } } }),
      });
      const body = (await response.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
      expect(response.status).toBe(400);
      expect(body.errors.length).toBe(51);
      expect(body.errors.map((e) => e.extensions.code)).toEqual(Array(51).fill('BAD_USER_INPUT'));
      expect(body.errors[50]?.message).toMatch(/error limit reached/);
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });
});
