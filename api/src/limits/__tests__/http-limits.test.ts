import express from 'express';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlBodyParser } from '../body-limit';
import { checkAsMiddleware } from '../../common/http-request';
import { startTestApi, type TestApi } from '../../../test/api';
import { engines } from '../../../test/databases';
import { Scope, TOKEN_SCOPES } from '../../auth/actor';
import type { Config } from '../../config/config';

interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

/**
 * The API listening on a free loopback port, and a POST helper that reads any answer as JSON; it
 * sends an API token with every scope unless told otherwise (`as`: a token, or null for none).
 */
async function listeningApi(engine: (typeof engines)[number], overrides: Partial<Config> = {}) {
  const api = await startTestApi(engine, { defaultPhoneRegion: 'PL', ...overrides });
  await new Promise<void>((resolve) => api.app.httpServer.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(api.app.httpServer.address() as AddressInfo).port}`;
  const fullToken = await api.createToken(TOKEN_SCOPES);
  const send = async (path: string, init: RequestInit): Promise<Answer> => {
    const response = await fetch(`${base}${path}`, init);
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: the test says what it expected
    }
    return { status: response.status, headers: response.headers, body };
  };
  const post = (payload: unknown, as: string | null = fullToken) =>
    send('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(as ? { authorization: `Bearer ${as}` } : {}) },
      body: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });
  const stop = async () => {
    await new Promise((resolve) => api.app.httpServer.close(resolve));
    await api.close();
  };
  return { api, base, send, post, stop };
}

const codesOf = (answer: Answer) => (answer.body?.errors ?? []).map((e: any) => e.extensions?.code);
const countOf = async (api: TestApi, connection: 'contacts' | 'segments') => (await api.exec(`{ ${connection}(first: 0) { totalCount } }`))[connection].totalCount as number;

describe.each(engines)('request limits over HTTP on %s', (engine) => {
  let server: Awaited<ReturnType<typeof listeningApi>>;
  beforeAll(async () => {
    server = await listeningApi(engine);
  });
  afterAll(async () => server?.stop());

  describe('GraphQL documents: refused with their own code, before anything runs', () => {
    it('too deep', async () => {
      const deep = `{ __type(name: "Segment") { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } } }`;
      const answer = await server.post({ query: deep });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ errors: [{ message: expect.stringMatching(/depth limit of 12 exceeded, found 13/), extensions: { code: 'QUERY_TOO_DEEP' } }] });
      expect(answer.body.data).toBeUndefined();
    });

    it('too many aliases: none of 31 aliased createContact mutations runs', async () => {
      const before = await countOf(server.api, 'contacts');
      const creates = Array.from({ length: 31 }, (_, i) => `c${i}: createContact(input: { firstName: "Alias ${i}" }) { contact { id } }`).join('\n');
      const answer = await server.post({ query: `mutation { ${creates} }` });
      expect(answer.status).toBe(400);
      expect(codesOf(answer)).toEqual(['TOO_MANY_ALIASES']);
      expect(await countOf(server.api, 'contacts')).toBe(before);
    });

    it('too costly: a mutation whose answer asks for 20 pages of 500 members is refused and creates nothing', async () => {
      const before = await countOf(server.api, 'segments');
      const pages = Array.from({ length: 20 }, (_, i) => `m${i}: members(first: 500) { edges { node { ... on Contact { id firstName lastName city } } } }`).join(' ');
      const answer = await server.post({ query: `mutation { createSegment(input: { name: "Costly" }) { segment { ${pages} } } }` });
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual([
        { message: expect.stringMatching(/would cost \d+; the limit is 50000.*GRAPHQL_MAX_COST/), extensions: { code: 'QUERY_TOO_COSTLY', cost: 2 + 20 * (1 + 500 * 6), maxCost: 50000 } },
      ]);
      expect(await countOf(server.api, 'segments')).toBe(before);
    });

    it('too costly: nested connections with first: 500 (the cost comes from the variables)', async () => {
      const query = `query($n: Int) { segments(first: $n) { edges { node { members(first: $n) { edges { node { __typename } } } } } } }`;
      expect(codesOf(await server.post({ query, variables: { n: 500 } }))).toEqual(['QUERY_TOO_COSTLY']);
      const small = await server.post({ query, variables: { n: 5 } });
      expect(small.status).toBe(200);
      expect(small.body.errors).toBeUndefined();
    });

    it('too many tokens (cut off while parsing) and too many directives', async () => {
      const fields = Array.from({ length: 6000 }, () => 'id').join(' ');
      const tokens = await server.post({ query: `{ segments { edges { node { ${fields} } } } }` });
      expect(tokens.status).toBe(400);
      expect(tokens.body.errors).toEqual([{ message: expect.stringMatching(/more than 2000 tokens.*variables/), extensions: { code: 'TOO_MANY_TOKENS' } }]);
      const directives = Array.from({ length: 21 }, () => 'id @skip(if: false)').join(' ');
      const answer = await server.post({ query: `{ segments { edges { node { ${directives} } } } }` });
      expect([answer.status, codesOf(answer)]).toEqual([400, ['TOO_MANY_DIRECTIVES']]);
    });
  });

  describe('batches', () => {
    it('answers a batch of operations with one result each', async () => {
      const answer = await server.post([{ query: '{ segments(first: 0) { totalCount } }' }, { query: 'query Two { __typename }', operationName: 'Two' }]);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual([{ data: { segments: { totalCount: expect.any(Number) } } }, { data: { __typename: 'Query' } }]);
    });

    it('runs the mutations of a batch each in its own unit of work', async () => {
      const before = await countOf(server.api, 'contacts');
      const batch = Array.from({ length: 5 }, (_, i) => ({
        query: `mutation { createContact(input: { firstName: "Batched ${i}", communications: [{ channel: EMAIL, value: "batched${i}@example.com" }] }) { contact { firstName } errors { code } } }`,
      }));
      const answer = await server.post(batch);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(batch.map((_, i) => ({ data: { createContact: { contact: { firstName: `Batched ${i}` }, errors: [] } } })));
      expect(await countOf(server.api, 'contacts')).toBe(before + 5);
    });

    it('refuses a batch of 11 whole: BATCH_TOO_LARGE, and none of its mutations runs', async () => {
      const before = await countOf(server.api, 'contacts');
      const batch = Array.from({ length: 11 }, (_, i) => ({ query: `mutation { createContact(input: { firstName: "Batch ${i}" }) { contact { id } } }` }));
      const answer = await server.post(batch);
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ errors: [{ message: expect.stringMatching(/11 operations; at most 10/), extensions: { code: 'BATCH_TOO_LARGE', maxBatchSize: 10 } }] });
      expect(await countOf(server.api, 'contacts')).toBe(before);
    });
  });

  describe('request body size', () => {
    it('refuses a 2 MB query that is not an import: 413 with a JSON GraphQL error', async () => {
      // A comment is no token: only the body limit stands in the way.
      const query = `{ __typename }\n#${'x'.repeat(2 * 1024 * 1024)}`;
      const answer = await server.post({ query });
      expect(answer.status).toBe(413);
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
      expect(answer.body).toEqual({
        errors: [{ message: expect.stringMatching(/\(2 MB\) is larger than 1 MB \(GRAPHQL_MAX_BODY_BYTES\).*import mutations/), extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
      });
      // Big variables on a query, and an import batched with a query, are not imports either.
      const bigVariables = await server.post({ query: 'query($s: String) { segments(where: { search: $s }, first: 1) { totalCount } }', variables: { s: 'y'.repeat(1_200_000) } });
      expect([bigVariables.status, codesOf(bigVariables)]).toEqual([413, ['PAYLOAD_TOO_LARGE']]);
      const mixed = await server.post([
        { query: 'mutation($t: String!) { importStopList(text: $t, reason: UNSUBSCRIBED) { imported } }', variables: { t: 'z'.repeat(1_200_000) } },
        { query: '{ __typename }' },
      ]);
      expect([mixed.status, codesOf(mixed)]).toEqual([413, ['PAYLOAD_TOO_LARGE']]);
    });

    it('answers a body that is not JSON with a JSON error, never an HTML page', async () => {
      const answer = await server.post('{"query": "{ __typename }"');
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
    });

    it('still takes a 100,000-line import (2.6 MB) through importStaticSegment, from a credential that may import', async () => {
      const created = await server.post({ query: 'mutation { createSegment(input: { name: "Big import", kind: STATIC }) { segment { id } } }' });
      const id = created.body.data.createSegment.segment.id;
      const lines = Array.from({ length: 100_000 }, (_, i) => (i % 2 ? `user${i}@example.com;User ${i}` : `+4860${String(i).padStart(7, '0')}`));
      const payload = { query: 'mutation($id: ID!, $t: String!) { importStaticSegment(id: $id, text: $t) { errors { code } lines imported } }', variables: { id, t: lines.join('\n') } };
      expect(JSON.stringify(payload).length).toBeGreaterThan(2 * 1024 * 1024);

      // Without a credential, or with one that may not import, the body is cut off at 1 MB.
      const readOnly = await server.api.createToken([Scope.SEGMENTS_READ, Scope.RECIPIENTS_READ]);
      for (const as of [null, readOnly]) {
        const refused = await server.post(payload, as);
        expect([refused.status, codesOf(refused)]).toEqual([413, ['PAYLOAD_TOO_LARGE']]);
      }
      const answer = await server.post(payload);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ data: { importStaticSegment: { errors: [], lines: 100_000, imported: 100_000 } } });
    });
  });
});

describe('the import body limit, when a request may not use it', () => {
  it('cuts a large body off at the small limit before `isImport` is asked, and lets it through when allowed', async () => {
    let allowed = false;
    let asked = 0;
    const app = express();
    const parser = graphqlBodyParser({ limit: 1000, importLimit: 100_000, mayImport: () => allowed, isImport: () => (asked++, true) });
    app.post('/graphql', checkAsMiddleware(parser), (req: express.Request, res: express.Response) => void res.json({ received: JSON.stringify(req.body).length }));
    const server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    const body = JSON.stringify({ query: 'mutation($t: String!) { importStopList(text: $t, reason: UNSUBSCRIBED) { imported } }', variables: { t: 'a'.repeat(5000) } });
    const post = () => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    try {
      const refused = await post();
      expect(refused.status).toBe(413);
      expect(((await refused.json()) as any).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
      expect(asked).toBe(0);
      allowed = true;
      const passed = await post();
      expect(passed.status).toBe(200);
      expect(asked).toBe(1);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
