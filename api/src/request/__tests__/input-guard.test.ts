import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/api';
import { engines } from '../../../test/databases';
import { Scope } from '../../auth/actor';

const CHECK = `query($f: FilterGroupInput!) { checkFilter(source: CLIENTS, filter: $f) { valid problems { code } } }`;

function nested(groups: number): unknown {
  let inner: unknown = { rules: [{ rule: { field: 'client.city', operator: 'EQ', value: { string: 'x' } } }] };
  for (let i = 0; i < groups; i++) inner = { rules: [{ group: inner }] };
  return inner;
}

/**
 * Input no resolver can defend on its own (found by the attack tests): variables nested deep
 * enough to overflow graphql-js's coercion, and the NUL character PostgreSQL cannot store.
 * Both are refused before execution with BAD_USER_INPUT and HTTP 400, alike on both engines.
 */
describe.each(engines)('input guard on %s', (engine) => {
  let api: TestApi;
  let base: string;
  let token: string;
  beforeAll(async () => {
    api = await startTestApi(engine);
    // crm:read: the filter names client.city, a personal field (FIELD_NOT_ALLOWED without it).
    token = await api.createToken([Scope.CRM_READ, Scope.SEGMENTS_READ, Scope.SEGMENTS_WRITE]);
    await new Promise<void>((resolve) => api.app.httpServer.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(api.app.httpServer.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => api.app.httpServer.close(resolve));
    await api?.close();
  });
  const post = async (body: unknown) => {
    const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as any };
  };

  it('refuses a filter nested a thousand groups deep with a typed 400 (was a stack overflow: 500)', async () => {
    const { status, body } = await post({ query: CHECK, variables: { f: nested(1000) } });
    expect(status).toBe(400);
    expect(body.errors).toMatchObject([{ extensions: { code: 'BAD_USER_INPUT', problems: [{ code: 'INVALID', path: expect.arrayContaining(['variables', 'f']) }] } }]);
  });

  it('still lets the filter engine report TOO_DEEP for depths it can read', async () => {
    const { status, body } = await post({ query: CHECK, variables: { f: nested(12) } });
    expect(status).toBe(200);
    expect(body.data.checkFilter).toEqual({ valid: false, problems: [{ code: 'TOO_DEEP' }] });
  });

  it('refuses an operation type the schema does not have with a typed 400 (a subscription was an internal error)', async () => {
    const { status, body } = await post({ query: 'subscription { segments { totalCount } }' });
    expect(status).toBe(400);
    expect(body.errors).toEqual([{ message: 'This API has no subscription operations.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }]);
  });

  it('refuses NUL in any text, in variables and inline, and stores nothing (was an internal error on PostgreSQL)', async () => {
    const inVariable = await post({ query: CHECK, variables: { f: { rules: [{ rule: { field: 'contact.type', operator: 'IN', value: { strings: ['CLIENT\u0000'] } } }] } } });
    expect(inVariable.status).toBe(400);
    expect(inVariable.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ path: ['variables', 'f', 'rules', '0', 'rule', 'value', 'strings', '0'] }] });
    const inline = await post({ query: `mutation { createSegment(input: { name: "a\\u0000b", kind: STATIC }) { errors { code } } }` });
    expect(inline.status).toBe(400);
    expect(inline.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const inKey = await post({ query: CHECK, variables: { f: { rules: [], 'x\u0000': 1 } } });
    expect(inKey.status).toBe(400);
    expect((await api.exec(`{ segments { totalCount } }`)).segments.totalCount).toBe(0);
  });
});
