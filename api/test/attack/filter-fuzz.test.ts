import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { engines } from '../databases';
import { edgeValues, garbageFilter, loadCatalog, mutatedTree, nastyText, wellFormedTree, type Catalog } from './filter-arbitraries';
import { count, note, expectTyped, expectUnchanged, fcOptions, report, snapshot, TEST_TIMEOUT, startAttackApi, watchServerLog, type AttackApi } from './harness';

vi.setConfig({ testTimeout: TEST_TIMEOUT });

/**
 * Fuzzing FilterExpression through every operation that takes a filter: checkFilter, previewSegment
 * (counts, members, recipients), the filtered CRM lists, createSegment / updateSegment and what a
 * saved segment answers (counts, pages, membership, CSV export). Three kinds of input: trees built
 * from the `segmentFields` catalog, the same trees with a few mutations, and garbage. Properties:
 * never INTERNAL_SERVER_ERROR, never SQL or driver text in a message, every failure typed, and
 * stored data unchanged apart from what an operation legitimately created (removed again here).
 */

const PROBLEM = 'code path message';
const PREVIEW = `query($input: SegmentDefinitionInput!, $tz: String) {
  previewSegment(input: $input, timeZone: $tz) {
    errors { ${PROBLEM} }
    memberCount { value }
    members(first: 3) { totalCount edges { cursor node { __typename } } }
    recipientCounts { channel value }
    email: recipients(channel: EMAIL, first: 2) { edges { cursor node { address } } }
    phone: recipients(channel: PHONE, first: 2) { edges { node { address } } }
  }
}`;
const CHECK = `query($s: SegmentSource!, $f: FilterGroupInput!, $c: ClientType!, $tz: String) { checkFilter(source: $s, filter: $f, clientType: $c, timeZone: $tz) { valid problems { ${PROBLEM} } tree } }`;
const LISTS: Record<Catalog['source'], string> = {
  CLIENTS: `query($f: FilterGroupInput, $tz: String) {
    contacts(filter: $f, timeZone: $tz, first: 3) { totalCount edges { cursor node { id } } }
    companies(filter: $f, timeZone: $tz, first: 3) { totalCount edges { node { id } } }
  }`,
  LEADS: `query($f: FilterGroupInput, $tz: String) { leads(filter: $f, timeZone: $tz, first: 3) { totalCount edges { cursor node { id } } } }`,
};
const DEALS = `query($f: FilterGroupInput) { deals(filter: $f, first: 3) { totalCount edges { node { id } } } }`;
const CREATE = `mutation($input: CreateSegmentInput!) { createSegment(input: $input) { errors { ${PROBLEM} } segment { id version } } }`;
const UPDATE = `mutation($input: UpdateSegmentInput!) { updateSegment(input: $input) { errors { ${PROBLEM} } segment { id version } } }`;
const SAVED = `query($id: ID!, $member: ID!) {
  segment(id: $id) {
    filter
    memberCount { value }
    members(first: 3) { edges { node { __typename } } }
    recipientCounts { channel value }
    recipients(channel: EMAIL, first: 2) { edges { node { address } } }
    exportUrl(channel: EMAIL)
  }
  segmentMembership(memberId: $member, segmentIds: [$id]) { isMember problem }
}`;
const DELETE = `mutation($id: ID!) { deleteSegment(id: $id) { errors { ${PROBLEM} } deletedId } }`;

/** A short, safe description of an input for failure messages (it may be too deep to stringify). */
function show(value: unknown): string {
  try {
    return JSON.stringify(value).slice(0, 300);
  } catch {
    return fc.stringify(value).slice(0, 300);
  }
}

/** Every string in a value: what the caller sent may come back quoted in a message. */
function textsIn(value: unknown): string[] {
  const out: string[] = [];
  // Without recursion: garbage inputs nest thousands of levels deep.
  const stack = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string') out.push(v);
    else if (v && typeof v === 'object') {
      // Keys are the caller's text too: graphql-js quotes a bad value whole ({ pG_: 0 } once looked like driver text).
      if (!Array.isArray(v)) out.push(...Object.keys(v));
      stack.push(...Object.values(v));
    }
  }
  return out;
}

const zone = fc.oneof(
  { weight: 6, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.constantFrom('Europe/Warsaw', 'Pacific/Kiritimati', 'America/St_Johns', 'UTC', 'Etc/GMT+12') },
  { weight: 1, arbitrary: nastyText },
);
const clientType = fc.constantFrom('ANY', 'CONTACT', 'COMPANY');

describe.each(engines)('filter fuzzing on %s', (engine) => {
  let api: AttackApi;
  let catalogs: Record<Catalog['source'], Catalog>;
  let memberId: string;
  let log: ReturnType<typeof watchServerLog>;
  let saved = 0;

  beforeAll(async () => {
    api = await startAttackApi(engine);
    catalogs = { CLIENTS: await loadCatalog(api, 'CLIENTS'), LEADS: await loadCatalog(api, 'LEADS') };
    memberId = (await api.exec(`{ contacts(first: 1) { edges { node { id } } } }`)).contacts.edges[0].node.id;
    log = watchServerLog();
  });
  afterAll(async () => {
    log?.restore();
    report(`filter fuzzing on ${engine} (${saved} segments saved, queried, exported and deleted)`);
    await api?.close();
  });

  /** What a saved segment answers: it reads back, counts, pages, checks membership and exports all its recipients. */
  async function useSaved(id: string, where: (op: string) => string, echoes: string[]): Promise<void> {
    saved++;
    const read = await api.execRaw(SAVED, { id, member: memberId });
    expectTyped(read, where('saved segment'), { echoes });
    // What was stored is what was sent (as the validator normalised it): it reads back as a tree.
    expect(read.data.segment.filter).toMatchObject({ rules: expect.any(Array) });
    const csv = await fetch(`${api.base}${read.data.segment.exportUrl}`);
    const body = await csv.text();
    expect(csv.status, where('export')).toBe(200);
    expect(body.startsWith('address,channel,name,owner_type,owner_id\r\n'), where('export body')).toBe(true);
    expect(body.split('\r\n').length - 2, where('export rows')).toBe(read.data.segment.recipientCounts.find((c: any) => c.channel === 'EMAIL').value);
  }

  async function remove(id: string, where: (op: string) => string): Promise<void> {
    const deleted = await api.execRaw(DELETE, { id });
    expect(deleted.data?.deleteSegment, where('deleteSegment')).toEqual({ errors: [], deletedId: id });
  }

  /** The read-only operations; each answer must be typed and leak nothing. */
  async function readOnly(filter: unknown, source: Catalog['source'], type: string, tz: string | null, part: string, counted = true): Promise<void> {
    log.clear();
    const echoes = [...textsIn(filter), ...(tz ? [tz] : [])];
    const where = (op: string) => `${op} (${part}) with ${show(filter)}${log.note()}`;
    const slowStart = Date.now();
    const check = await api.execRaw(CHECK, { s: source, f: filter, c: type, tz });
    expectTyped(check, where('checkFilter'), { echoes });
    // How many reached the SQL compiler: the figure that says the fuzzer is not just bouncing off validation.
    if (check.data?.checkFilter?.valid) note(`${part} that validated and ran as SQL`, 1);
    else if (process.env.ATTACK_DEBUG)
      for (const p of check.data?.checkFilter?.problems ?? [{ code: `${String(check.errors?.[0]?.extensions?.code)} ${check.errors?.[0]?.message.replace(/"[^"]*"/g, '…').slice(0, 90)}` }])
        note(`${part} problem ${p.code}`, 1);
    const preview = await api.execRaw(PREVIEW, { input: { source, clientType: type, filter, timeZone: tz }, tz });
    expectTyped(preview, where('previewSegment'), { echoes });
    expectTyped(await api.execRaw(LISTS[source], { f: filter, tz }), where(`${source.toLowerCase()} list`), { echoes });
    expectTyped(await api.execRaw(DEALS, { f: filter }), where('deals list'), { echoes });
    log.expectQuiet(where('server log'));
    // A valid filter of up to 200 rules answers in seconds, not minutes (PostgreSQL's planning once took over a minute).
    expect(Date.now() - slowStart, where('time to answer')).toBeLessThan(10_000);
    // ATTACK_DEBUG=1 names the inputs that took over a second, and what the validator said of the rest.
    if (process.env.ATTACK_DEBUG && Date.now() - slowStart > 1000) process.stdout.write(`SLOW ${Date.now() - slowStart}ms ${source} ${type} ${tz} ${JSON.stringify(filter)}\n`);
    if (counted) count(part, 1);
  }

  it('well-formed trees from the catalog: every operation answers typed, nothing changes', async () => {
    const before = await snapshot(api.db);
    for (const source of ['CLIENTS', 'LEADS'] as const) {
      await fc.assert(
        fc.asyncProperty(wellFormedTree(catalogs[source]), clientType, zone, async (tree, type, tz) => readOnly(tree, source, type, tz, 'well-formed trees')),
        fcOptions(60),
      );
    }
    expectUnchanged(before, await snapshot(api.db), 'after well-formed trees');
  });

  it('almost well-formed trees (mutations of valid ones): typed problems, nothing changes', async () => {
    const before = await snapshot(api.db);
    for (const [source, other] of [
      ['CLIENTS', 'LEADS'],
      ['LEADS', 'CLIENTS'],
    ] as const) {
      await fc.assert(
        fc.asyncProperty(mutatedTree(catalogs[source], catalogs[other]), clientType, zone, async (tree, type, tz) => readOnly(tree, source, type, tz, 'mutated trees')),
        fcOptions(60),
      );
    }
    expectUnchanged(before, await snapshot(api.db), 'after mutated trees');
  });

  it('garbage instead of a tree: typed GraphQL errors, nothing changes', async () => {
    const before = await snapshot(api.db);
    await fc.assert(
      fc.asyncProperty(garbageFilter(), fc.constantFrom('CLIENTS', 'LEADS'), clientType, async (filter, source, type) => readOnly(filter, source, type, null, 'garbage filters')),
      fcOptions(80),
    );
    expectUnchanged(before, await snapshot(api.db), 'after garbage filters');
  });

  it('every field of the catalog × each of its operators × the edge values of its slot: valid rules run, the rest get typed problems', async () => {
    const before = await snapshot(api.db);
    for (const source of ['CLIENTS', 'LEADS'] as const) {
      for (const field of catalogs[source].fields) {
        const rules = field.operators.flatMap((operator) => edgeValues(field, operator).map((value) => ({ rule: { field: field.id, operator, value } })));
        const tz = field.id.length % 2 ? 'Pacific/Kiritimati' : 'Etc/GMT+12';
        // A scoped field goes in a scoped group, as a client would put it.
        const wrap = (list: unknown[]) => (field.scope ? { combinator: 'OR', rules: [{ group: { combinator: 'OR', scope: field.scope, rules: list } }] } : { combinator: 'OR', rules: list });
        const first = await api.execRaw(CHECK, { s: source, f: wrap(rules), c: 'ANY', tz });
        expectTyped(first, `checkFilter of the edges of ${field.id}`, { echoes: textsIn(rules) });
        // Leave out the rules the validator refused (their index is in the problem's path) and run the rest.
        const refused = new Set((first.data?.checkFilter?.problems ?? []).map((p: { path: string[] }) => Number(p.path[field.scope ? 4 : 1])));
        const valid = rules.filter((_, i) => !refused.has(i));
        count('edge values (field × operator × value)', rules.length);
        note('edge values that validated and ran as SQL', valid.length);
        if (!valid.length) continue;
        await readOnly(wrap(valid), source, 'ANY', tz, 'edge-value groups', false);
        // Saved, the same rules count, page, check membership and export (its own statements).
        const where = (op: string) => `${op} of the edges of ${field.id}${log.note()}`;
        const created = await api.execRaw(CREATE, { input: { name: `edges of ${field.id}`, source, filter: wrap(valid), timeZone: tz } });
        expectTyped(created, where('createSegment'), { echoes: textsIn(valid) });
        const id = created.data?.createSegment?.segment?.id;
        expect(id, where(`createSegment: ${JSON.stringify(created.data?.createSegment?.errors)}`)).toBeTruthy();
        await useSaved(id, where, textsIn(valid));
        await remove(id, where);
        log.expectQuiet(where('server log'));
      }
    }
    expectUnchanged(before, await snapshot(api.db), 'after the edge values');
  });

  it('garbage requests over HTTP (bodies, queries, variables): JSON answers with typed codes, nothing changes', async () => {
    const before = await snapshot(api.db);
    const valid = JSON.stringify({ query: CHECK, variables: { s: 'CLIENTS', f: { rules: [{ rule: { field: 'client.city', operator: 'EQ', value: { string: 'x' } } }] }, c: 'ANY' } });
    const body = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
      fc.nat(valid.length).map((n) => valid.slice(0, n)),
      fc.tuple(fc.nat(valid.length - 1), fc.string({ unit: 'binary', minLength: 1, maxLength: 3 })).map(([at, junk]) => valid.slice(0, at) + junk + valid.slice(at + 1)),
      fc
        .record({
          query: fc.oneof(nastyText, fc.constantFrom(CHECK, PREVIEW, LISTS.CLIENTS, '{ __typename }', 'mutation { __typename }', 'subscription { x }', '{ a: __typename b: __typename }')),
          variables: fc.oneof(fc.constant(undefined), fc.jsonValue({ maxDepth: 3 }), fc.dictionary(fc.constantFrom('s', 'f', 'c', 'tz', 'input', 'x'), fc.jsonValue({ maxDepth: 3 }))),
          operationName: fc.option(nastyText, { nil: undefined }),
        })
        .map((b) => JSON.stringify(b)),
    );
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        log.clear();
        const answer = await api.http(text);
        const where = `HTTP body ${JSON.stringify(text).slice(0, 300)} → ${answer.status} ${answer.text.slice(0, 300)}${log.note()}`;
        expect([200, 400, 404, 405, 413, 415], where).toContain(answer.status);
        expect(answer.json, where).not.toBeNull();
        let sent: unknown = null;
        try {
          sent = JSON.parse(text);
        } catch {
          // not JSON: only the raw text can be echoed
        }
        expectTyped(answer.json, where, { echoes: [text, ...textsIn(sent)] });
        log.expectQuiet(where);
        count('garbage HTTP requests');
      }),
      fcOptions(60),
    );
    expectUnchanged(before, await snapshot(api.db), 'after garbage HTTP requests');
  });

  it('saving fuzzed trees: create, read back, count, page, check membership, export, update, delete', async () => {
    const before = await snapshot(api.db);
    const trees = (source: Catalog['source']) =>
      fc.oneof(
        { weight: 3, arbitrary: wellFormedTree(catalogs[source]) },
        { weight: 2, arbitrary: mutatedTree(catalogs[source], catalogs[source === 'CLIENTS' ? 'LEADS' : 'CLIENTS']) },
        { weight: 1, arbitrary: garbageFilter() },
      );
    const arb = fc.constantFrom('CLIENTS', 'LEADS').chain((source) => fc.tuple(fc.constant(source), trees(source), trees(source), clientType, zone));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(arb, async ([source, tree, next, type, tz]) => {
        log.clear();
        const echoes = [...textsIn(tree), ...textsIn(next), ...(tz ? [tz] : [])];
        const where = (op: string) => `${op} with ${show(tree)}${log.note()}`;
        const created = await api.execRaw(CREATE, { input: { name: `fuzz ${++n}`, source, clientType: type, filter: tree, timeZone: tz, tags: ['fuzz'] } });
        expectTyped(created, where('createSegment'), { echoes });
        count('saved trees (create)');
        const id: string | undefined = created.data?.createSegment?.segment?.id;
        if (!id) return log.expectQuiet(where('createSegment log'));
        await useSaved(id, where, echoes);
        const updated = await api.execRaw(UPDATE, { input: { id, version: 1, filter: next } });
        expectTyped(updated, where('updateSegment'), { echoes });
        count('saved trees (update)');
        if (updated.data?.updateSegment?.segment) await useSaved(id, where, echoes);
        await remove(id, where);
        log.expectQuiet(where('server log'));
      }),
      fcOptions(40),
    );
    expectUnchanged(before, await snapshot(api.db), 'after saving and deleting fuzzed segments');
  });
});
