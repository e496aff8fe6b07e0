import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Scope } from '../../src/auth/actor';
import { config as processConfig } from '../../src/config/config';
import { lockTable, startAttackApi, type AttackApi } from './harness';

/**
 * Totals of lists whose rows load as entities (segments, audit log, users and products in value
 * pickers, CRM lists that ask for collections) are heavy reads like counts (issue 12, item 2):
 * they ran on the ORM's pool, apart from the per-credential cap and the statement timeout, so a
 * credential at its cap could still fill the pool that sign-in and writes use with totals.
 *
 * Proof that they now go through the heavy-read gate: a token holds its two heavy-read turns with
 * counts that wait on a locked `contact` table; its `segments { totalCount }` then waits for a
 * turn and answers SERVER_BUSY, while another token's identical request answers with the figure.
 */
const QUEUE_MS = 300;

const countOfCity = (city: string) => ({
  query: 'query($input: SegmentDefinitionInput!) { previewSegment(input: $input) { memberCount { value } } }',
  variables: { input: { source: 'CLIENTS', clientType: 'CONTACT', filter: { combinator: 'AND', rules: [{ rule: { field: 'client.city', operator: 'EQ', value: { string: city } } }] } } },
});

const SEGMENT_TOTAL = { query: '{ segments(first: 5) { totalCount edges { node { id } } } }' };

const codesOf = (json: any): string[] => (json?.errors ?? []).map((e: any) => e.extensions?.code);

describe('totals of entity lists on postgresql count against the heavy-read caps', () => {
  let api: AttackApi;
  let holder: string;
  let other: string;

  beforeAll(async () => {
    api = await startAttackApi('postgresql', { queryTimeoutMs: 4000, heavyReads: { ...processConfig.heavyReads, perCredential: 2, queueMs: QUEUE_MS } });
    const scopes = [Scope.CRM_READ, Scope.SEGMENTS_READ];
    [holder, other] = await Promise.all([api.createToken(scopes), api.createToken(scopes)]);
    const quiet = await api.http(SEGMENT_TOTAL, { authorization: `Bearer ${holder}` });
    expect(codesOf(quiet.json)).toEqual([]);
  });
  afterAll(async () => api?.close());

  it('a token at its cap gets SERVER_BUSY for segments { totalCount }; another token gets the figure; after the cap frees, so does the first', async () => {
    const lock = await lockTable(api.url, 'contact');
    let held: Promise<unknown> = Promise.resolve();
    try {
      // Two different counts (identical reads would share one turn): both wait on the lock.
      held = Promise.all(['Kraków', 'Gdańsk'].map((city) => api.http(countOfCity(city), { authorization: `Bearer ${holder}` })));
      for (let waited = 0; api.db.gate.active < 2; waited += 20) {
        if (waited > 5000) throw new Error(`the two counts did not take their turns (active ${api.db.gate.active})`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const started = performance.now();
      const busy = await api.http(SEGMENT_TOTAL, { authorization: `Bearer ${holder}` });
      const busyMs = performance.now() - started;
      expect(codesOf(busy.json)).toContain('SERVER_BUSY');
      expect(busyMs).toBeGreaterThanOrEqual(QUEUE_MS - 50);

      const free = await api.http(SEGMENT_TOTAL, { authorization: `Bearer ${other}` });
      expect(codesOf(free.json)).toEqual([]);
      expect(free.json.data.segments.totalCount).toBeGreaterThanOrEqual(0);
    } finally {
      await lock.release();
      await held;
    }
    const after = await api.http(SEGMENT_TOTAL, { authorization: `Bearer ${holder}` });
    expect(codesOf(after.json)).toEqual([]);
    expect(typeof after.json.data.segments.totalCount).toBe('number');
  });
});
