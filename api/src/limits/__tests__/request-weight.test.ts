import type { AddressInfo } from 'node:net';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/api';
import { Scope } from '../../auth/actor';
import { heavyReadsIn } from '../request-weight';

const PREVIEW = (alias: string) => `${alias}: previewSegment(input: { filter: { rules: [{ rule: { field: "client.city", operator: IS_EMPTY } }] } }) { memberCount { value } }`;

describe('rate limits weigh each aliased count and each batch item (issue 12: 30 previews a request cost 1 point)', () => {
  let api: TestApi;
  let base: string;
  beforeAll(async () => {
    api = await startTestApi('sqlite', { rateLimit: { points: 40, windowSeconds: 60 } });
    await new Promise<void>((resolve) => api.app.httpServer.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(api.app.httpServer.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => api.app.httpServer.close(resolve));
    await api?.close();
  });
  const post = (body: unknown, token: string) =>
    fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });

  it('a document with 30 aliased previews spends 30 points: the second one is refused with 429 RATE_LIMITED', async () => {
    // crm:read: the previews filter on client.city (personal) and expect exact counts.
    const token = await api.createToken([Scope.CRM_READ, Scope.SEGMENTS_READ]);
    const thirty = { query: `{ ${Array.from({ length: 30 }, (_, i) => PREVIEW(`p${i}`)).join(' ')} }` };
    const first = await post(thirty, token);
    expect(first.status).toBe(200);
    expect(((await first.json()) as any).data.p29.memberCount.value).toBe(0);
    // 10 points are left: a cheap request passes, the same 30 previews do not.
    expect((await post({ query: '{ __typename }' }, token)).status).toBe(200);
    const second = await post(thirty, token);
    expect(second.status).toBe(429);
    expect(((await second.json()) as any).errors[0].extensions.code).toBe('RATE_LIMITED');
  });

  it('a batch of 10 items with 5 aliased counts each spends 50 points: over the 30 left of a budget of 40', async () => {
    // crm:read: the previews filter on client.city (personal) and expect exact counts.
    const token = await api.createToken([Scope.CRM_READ, Scope.SEGMENTS_READ]);
    const item = { query: `{ ${Array.from({ length: 5 }, (_, i) => `s${i}: segments(first: ${i}) { totalCount }`).join(' ')} }` };
    // A batch of 10 cheap items: 10 points, passes.
    expect(
      (
        await post(
          Array.from({ length: 10 }, () => ({ query: '{ __typename }' })),
          token,
        )
      ).status,
    ).toBe(200);
    const refused = await post(
      Array.from({ length: 10 }, () => item),
      token,
    );
    expect(refused.status).toBe(429);
  });

  it('counts fragments at each spread, nested counts where they work, and only the operation that runs', () => {
    const doc = parse(`
      query A { a: segment(id: "1") { ...Counts } b: segment(id: "2") { ...Counts } contacts(filter: { rules: [] }) { edges { cursor } } }
      query B { me { name } }
      fragment Counts on Segment { memberCount { value } recipientCounts { value } members { totalCount } }`);
    expect(heavyReadsIn(doc, 'A')).toBe(7);
    expect(heavyReadsIn(doc, 'B')).toBe(0);
    expect(heavyReadsIn(doc, null)).toBe(7);
  });
});
