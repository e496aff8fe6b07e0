import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/api';
import { engines } from '../../../test/databases';
import { datasetArbitrary, loadDataset, NOW, type FixtureKeys } from '../../../test/filter-fixture';
import { treeArbitrary } from '../../../test/filter-trees';
import { membersOf, prepareFilter } from '../../segments/filtering/query';
import type { FieldCatalog } from '../model/catalog';
import { setUpFilterFixture as setUp } from '../../../test/filter-setup';
import { idPageStatement } from '../compile/statements';
import { crmModel, tableOf } from '../../segments/filtering/crm-model';
import { Oracle } from '../oracle/oracle';
import { ClientType, FilterScope, SegmentSource } from '../../common/crm-enums';
import type { MemberType } from '../../common/crm-enums';

const ZONES = ['UTC', 'Europe/Warsaw', 'Asia/Ho_Chi_Minh', 'America/Sao_Paulo'];

describe.each(engines)('compiled SQL agrees with the in-memory oracle on %s', (engine) => {
  let api: TestApi;
  let keys: FixtureKeys;
  let listed: Map<string, string[]>;
  let catalog: FieldCatalog;
  beforeAll(async () => {
    api = await startTestApi(engine);
    ({ keys, listed, catalog } = await setUp(api));
  });
  afterAll(async () => api?.close());

  const agree = async (source: SegmentSource, members: MemberType[], scopes: FilterScope[], runs: number, memberScope?: FilterScope) => {
    await fc.assert(
      fc.asyncProperty(
        datasetArbitrary(keys),
        fc.array(treeArbitrary(catalog, source, listed, scopes, memberScope), { minLength: 1, maxLength: 4 }),
        fc.constantFrom(...ZONES),
        async (data, trees, timeZone) => {
          await loadDataset(api.db, data);
          const oracle = new Oracle(crmModel, data);
          for (const tree of trees) {
            const ctx = api.context();
            const prepared = await prepareFilter(ctx, { tree, source, members, timeZone, now: NOW, memberScope });
            expect(prepared.problems, JSON.stringify(tree)).toEqual([]);
            for (const member of members) {
              const statement = idPageStatement({ table: tableOf(member), predicate: prepared.predicates.get(member)! }, null, 100_000);
              const rows = await ctx.em.getConnection().execute<Array<{ id: number | string }>>(statement.sql, statement.params);
              const fromSql = rows.map((r) => Number(r.id)).sort((a, b) => a - b);
              expect(fromSql, `${member}: ${JSON.stringify(tree)}`).toEqual(oracle.members(prepared.ir!, member));
            }
          }
        },
      ),
      { numRuns: runs, seed: Number(process.env.FILTER_PROPERTY_SEED ?? 20261122), endOnFailure: true },
    );
  };

  it('for clients (contacts and companies), with every operator, NOT, nesting, scopes and quantifiers', async () => {
    await agree(SegmentSource.CLIENTS, membersOf(SegmentSource.CLIENTS, ClientType.ANY), Object.values(FilterScope), 60);
  }, 240_000);

  it('for leads', async () => {
    await agree(SegmentSource.LEADS, ['lead'], [FilterScope.ACTIVITIES], 25);
  }, 240_000);

  it('for the deals list (deal.* fields on the deals themselves)', async () => {
    await agree(SegmentSource.CLIENTS, ['deal'], [], 25, FilterScope.DEALS);
  }, 240_000);
});
