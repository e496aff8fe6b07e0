import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/api';
import { engines } from '../../../test/databases';
import { datasetArbitrary, loadDataset } from '../../../test/filter-fixture';
import { setUpFilterFixture } from '../../../test/filter-setup';
import { bombLevel, insertSegmentDirectly, memberOf } from '../../../test/segment-chains';
import type { ReferenceLimits } from '../../config/config';
import { keyOf } from '../../common/global-id';
import { itemAt } from '../../lib/indexed';
import { crmModel } from '../filtering/crm-model';
import { Oracle, type OracleSegment } from '../../filter/oracle/oracle';
import type { Snapshot } from '../../../test/filter-fixture';
import { ClientType, SegmentSource } from '../../common/crm-enums';
import { membersOf, prepareFilter } from '../filtering/query';
import { referenceProblems, type ReferenceNode } from '../filtering/reference-limits';
import { audienceOf } from '../audience';
import { memberCountStatement } from '../audience-sql';
import { Segment } from '../definition/segment.entity';

const CREATE = `mutation($i: CreateSegmentInput!) { createSegment(input: $i) { segment { id version } errors { path code message } } }`;
const UPDATE = `mutation($i: UpdateSegmentInput!) { updateSegment(input: $i) { segment { id version } errors { path code message } } }`;
const COUNT = `query($id: ID!) { segment(id: $id) { memberCount { value } } }`;
/** What each row of the segments list asks for itself (web/src/segments/list/segments-list.query.ts). */
const LIST_SIZES = `query($id: ID!) { segment(id: $id) { id memberCount { value computedAt } recipientCounts { channel value } } }`;

const withCity = { combinator: 'AND', rules: [{ rule: { field: 'client.city', operator: 'IS_NOT_EMPTY' } }] };
const cityRules = (n: number) => ({ combinator: 'AND', rules: Array.from({ length: n }, (_, i) => ({ rule: { field: 'client.city', operator: 'NEQ', value: { string: `nowhere ${i}` } } })) });

/**
 * The segment bomb the red team found: S_k with ten rules `segment.membership IN [S_{k-1}]`
 * passed the cycle check and the rule limit but inlined 10^k copies of S0 (137 MB of SQL at
 * depth 6; SQLite at depth 4 ran one statement for 8+ minutes at 10k contacts). Each referenced
 * segment is now one CTE, and the expanded size is checked when saving and before counting.
 */
describe.each(engines)('segment references that cannot explode on %s', (engine) => {
  let api: TestApi;
  let data: Snapshot;
  let run = 0;
  const create = async (name: string, filter: unknown) => (await api.exec(CREATE, { i: { name, filter } })).createSegment;
  const created = async (name: string, filter: unknown) => {
    const result = await create(name, filter);
    expect(result.errors, name).toEqual([]);
    return result.segment as { id: string; version: number };
  };
  /** A chain S0 ← S1 ← … ← S_depth, each level `width` rules naming the one below (1 = a plain chain). */
  const chain = async (prefix: string, depth: number, width: number) => {
    const levels = [await created(`${prefix}0`, withCity)];
    for (let k = 1; k <= depth; k++) levels.push(await created(`${prefix}${k}`, bombLevel(itemAt(levels, k - 1).id, k, width)));
    return levels;
  };
  const withLimits = async <T>(limits: Partial<ReferenceLimits>, body: () => Promise<T>): Promise<T> => {
    const saved = api.config.referenceLimits;
    api.config.referenceLimits = { ...saved, ...limits };
    try {
      return await body();
    } finally {
      api.config.referenceLimits = saved;
    }
  };
  const raised = { maxDepth: 20, maxExpandedRules: 100_000, maxTreeRules: 100_000 };

  beforeAll(async () => {
    api = await startTestApi(engine);
    const { keys } = await setUpFilterFixture(api);
    data = itemAt(fc.sample(datasetArbitrary(keys), { numRuns: 1, seed: 20260301 }), 0);
    await loadDataset(api.db, data);
  });
  afterAll(async () => api?.close());

  it('refuses the depth-6 bomb when it is saved, with TOO_DEEP on each of its rules, and keeps levels 0 to 5', async () => {
    const prefix = `bomb ${++run} S`;
    const levels = await chain(prefix, 5, 10);
    const started = Date.now();
    const refused = await create(`${prefix}6`, bombLevel(itemAt(levels, 5).id, 6));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(refused.segment).toBeNull();
    expect(refused.errors).toHaveLength(10);
    expect(refused.errors[0]).toMatchObject({ code: 'TOO_DEEP', path: ['input', 'filter', 'rules', '0', 'rule', 'value'] });
    expect(refused.errors[0].message).toContain(`"${prefix}5" → "${prefix}4"`);
    expect(refused.errors.every((e: { code: string }) => e.code === 'TOO_DEEP')).toBe(true);
  });

  it('with the limits raised, counts the depth-6 bomb in one statement that grows linearly with depth, within seconds, as the oracle does', async () => {
    await withLimits(raised, async () => {
      const levels = await chain(`raised ${++run} S`, 6, 10);
      const ctx = api.context();
      const members = membersOf(SegmentSource.CLIENTS, ClientType.ANY);
      const segments = new Map<number, OracleSegment>();
      const sizes: number[] = [];
      for (const [k, level] of levels.entries()) {
        const segment = await ctx.em.findOneOrFail(Segment, { key: keyOf(level.id, 'Segment')! });
        const prepared = await prepareFilter(ctx, { tree: segment.filter!, source: segment.source, members });
        expect(prepared.problems).toEqual([]);
        segments.set(segment.key, { ir: prepared.ir!, members });
        const { audience } = await audienceOf(ctx, { ...segment, key: segment.key });
        sizes.push(Buffer.byteLength(memberCountStatement(audience!).sql));

        const started = Date.now();
        const counted = (await api.exec(COUNT, { id: level.id })).segment.memberCount.value;
        expect(Date.now() - started, `count of level ${k}`).toBeLessThan(5000);
        const oracle = new Oracle(crmModel, data, segments);
        const expected = members.reduce((sum, member) => sum + oracle.members(prepared.ir!, member).length, 0);
        expect(counted, `level ${k}`).toBe(expected);
      }
      // Every level is S0's members again (ANDs and ORs of the same set), and some match.
      expect(new Set(await Promise.all(levels.map(async (l) => (await api.exec(COUNT, { id: l.id })).segment.memberCount.value))).size).toBe(1);
      expect(sizes[6]).toBeLessThan(20_000);
      const steps = sizes.slice(2).map((size, i) => size - itemAt(sizes, i + 1));
      for (const step of steps) expect(step, `SQL bytes per level: ${sizes.join(', ')}`).toBeLessThan(1.25 * itemAt(steps, 0));
    });
  });

  it('answers TOO_DEEP without running anything for segments saved before the limits (the list sizes, a count, a copy)', async () => {
    // A plain chain of eight: each level one rule naming the one below (cheap even when inlined).
    let previous = await insertSegmentDirectly(api, `old chain ${++run} 0`, withCity);
    for (let k = 1; k <= 7; k++) previous = await insertSegmentDirectly(api, `old chain ${run} ${k}`, { combinator: 'AND', rules: [memberOf(previous.id)] });
    const count = await api.execRaw(COUNT, { id: previous.id });
    expect(count.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_FILTER', problems: [{ code: 'TOO_DEEP', path: ['filter', 'rules', '0', 'rule', 'value'] }] });
    const copy = (await api.exec(`mutation($id: ID!) { duplicateSegment(id: $id) { segment { id } errors { path code } } }`, { id: previous.id })).duplicateSegment;
    expect(copy).toMatchObject({ segment: null, errors: [{ code: 'TOO_DEEP', path: ['input', 'filter', 'rules', '0', 'rule', 'value'] }] });

    // The bomb itself in the list: its row's sizes answer at once instead of building 137 MB of SQL.
    let bomb = await insertSegmentDirectly(api, `old bomb ${run} 0`, withCity);
    for (let k = 1; k <= 6; k++) bomb = await insertSegmentDirectly(api, `old bomb ${run} ${k}`, bombLevel(bomb.id, k));
    const started = Date.now();
    const sizes = await api.execRaw(LIST_SIZES, { id: bomb.id });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(sizes.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_FILTER', problems: expect.arrayContaining([expect.objectContaining({ code: 'TOO_DEEP' })]) });
    const fine = await api.execRaw(LIST_SIZES, { id: (await insertSegmentDirectly(api, `old fine ${run}`, withCity)).id });
    expect(fine.errors).toBeUndefined();
  });

  it('refuses a change that would push a segment using this one past a limit, naming it (update and restore)', async () => {
    const prefix = `used ${++run} R`;
    const levels = await chain(prefix, 5, 1);
    const extra = await created(`used ${run} extra`, withCity);
    const deeper = (await api.exec(UPDATE, { i: { id: itemAt(levels, 0).id, version: 1, filter: { combinator: 'AND', rules: [memberOf(extra.id)] } } })).updateSegment;
    expect(deeper.segment).toBeNull();
    expect(deeper.errors).toMatchObject([{ code: 'TOO_DEEP', path: ['input', 'filter'] }]);
    expect(deeper.errors[0].message).toContain(`"${prefix}5"`);

    // Thirty rules are fine for R0 itself but make R1 (1 + 30) too large with a budget of 30.
    const grown = await withLimits({ maxExpandedRules: 30 }, async () => (await api.exec(UPDATE, { i: { id: itemAt(levels, 0).id, version: 1, filter: cityRules(30) } })).updateSegment);
    expect(grown.segment).toBeNull();
    expect(grown.errors).toMatchObject([{ code: 'TOO_MANY_RULES', path: ['input', 'filter'] }]);
    expect(grown.errors[0].message).toContain(`"${prefix}1"`);

    // Restore: X once named A; A has since grown to depth 5 (X no longer named it): X's old version is now too deep.
    const a = await created(`used ${run} A`, withCity);
    const x = await created(`used ${run} X`, { combinator: 'AND', rules: [memberOf(a.id)] });
    expect((await api.exec(UPDATE, { i: { id: x.id, version: 1, filter: withCity } })).updateSegment.errors).toEqual([]);
    expect((await api.exec(UPDATE, { i: { id: a.id, version: 1, filter: { combinator: 'AND', rules: [memberOf(itemAt(levels, 4).id)] } } })).updateSegment.errors).toEqual([]);
    const restored = (await api.exec(`mutation($id: ID!) { restoreSegmentVersion(id: $id, version: 1, expectedVersion: 2) { segment { id } errors { path code } } }`, { id: x.id }))
      .restoreSegmentVersion;
    expect(restored).toMatchObject({ segment: null, errors: [{ code: 'TOO_DEEP', path: ['input', 'filter', 'rules', '0', 'rule', 'value'] }] });
  });

  it('refuses a filter whose SQL would pass FILTER_MAX_SQL_BYTES before any statement is built', async () => {
    const preview = `query($i: SegmentDefinitionInput!) { previewSegment(input: $i) { errors { path code message } memberCount { value } } }`;
    const small = await withLimits({ maxSqlBytes: 1024 }, async () => (await api.exec(preview, { i: { source: 'CLIENTS', filter: cityRules(40) } })).previewSegment);
    expect(small).toMatchObject({ memberCount: null, errors: [{ code: 'TOO_MANY_RULES', path: ['filter'] }] });
    expect((await api.exec(preview, { i: { source: 'CLIENTS', filter: cityRules(40) } })).previewSegment.errors).toEqual([]);
  });
});

describe('expanded size of a reference graph', () => {
  const limits: ReferenceLimits = { maxDepth: 20, maxExpandedRules: 1000, maxTreeRules: 5000, maxSqlBytes: 1 << 20 };
  it('counts a lattice of shared segments once each for the work, and along every path for what SQLite parses', () => {
    // Levels of two segments of 10 rules, each naming both of the level below: 2^k paths.
    const nodes = new Map<number, ReferenceNode>();
    for (let level = 0; level < 12; level++) {
      for (const side of [0, 1]) nodes.set(level * 2 + side, { name: `L${level}.${side}`, rules: 10, uses: level ? [level * 2 - 2, level * 2 - 1] : [] });
    }
    const problems = referenceProblems(1, [{ path: ['rules', '0', 'rule'], keys: [22, 23] }], nodes, limits);
    expect(problems.map((p) => p.code)).toEqual(['TOO_MANY_RULES']);
    expect(problems[0]?.message).toContain('wherever membership rules reach it');
    // The same graph without sharing (a chain) is small on both counts.
    const chain = new Map([...nodes].filter(([key]) => key % 2 === 0).map(([key, node]) => [key, { ...node, uses: node.uses.filter((u) => u % 2 === 0) }]));
    expect(referenceProblems(1, [{ path: [], keys: [22] }], chain, limits)).toEqual([]);
  });
});
