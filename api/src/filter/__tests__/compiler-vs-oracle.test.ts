import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/api';
import { engines } from '../../../test/databases';
import { datasetArbitrary, loadDataset, NOW, type FixtureKeys } from '../../../test/filter-fixture';
import { treeArbitrary } from '../../../test/filter-trees';
import { toGlobalId } from '../../common/global-id';
import { loadCatalog } from '../../filtering/catalog';
import { membersOf, prepareFilter } from '../../filtering/query';
import type { FieldCatalog } from '../catalog';
import { pageStatement } from '../compile';
import { Oracle } from '../evaluate';
import { ClientType, FilterScope, SegmentSource } from '../filter.enums';
import type { MemberType } from '../model';

const ZONES = ['UTC', 'Europe/Warsaw', 'Asia/Ho_Chi_Minh', 'America/Sao_Paulo'];

async function setUp(api: TestApi): Promise<{ keys: FixtureKeys; listed: Map<string, string[]>; catalog: FieldCatalog }> {
  await api.exec(`mutation {
    a: createUser(input: { name: "Olga" }) { errors { code } }
    b: createUser(input: { name: "Piotr" }) { errors { code } }
    p1: createProduct(input: { name: "Karnet" }) { errors { code } }
    p2: createProduct(input: { name: "Trening" }) { errors { code } }
    createPipeline(input: { name: "Gym", stages: [{ code: "TRIAL", name: "Trial" }, { code: "PAID", name: "Paid", semantic: WON }, { code: "GONE", name: "Gone", semantic: LOST }] }) { errors { code } }
  }`);
  const fields: Array<[string, string, string]> = [
    ['CONTACT', 'UF_S', 'STRING'], ['CONTACT', 'UF_N', 'NUMBER'], ['CONTACT', 'UF_D', 'DATE'], ['CONTACT', 'UF_B', 'BOOLEAN'],
    ['CONTACT', 'UF_L', 'LIST'], ['CONTACT', 'UF_M', 'MULTI_LIST'], ['COMPANY', 'UF_CN', 'NUMBER'], ['DEAL', 'UF_DL', 'LIST'], ['LEAD', 'UF_LN', 'NUMBER'],
  ];
  for (const [entity, code, type] of fields) {
    const options = type.includes('LIST') ? [{ code: 'A', label: 'A' }, { code: 'B', label: 'B' }, { code: 'C', label: 'C' }] : undefined;
    await api.exec(`mutation($input: CreateCustomFieldInput!) { createCustomField(input: $input) { errors { code } } }`, { input: { entity, code, label: code, type, options } });
  }
  const q = (s: string) => api.db.orm.em.getConnection().execute(s) as Promise<Array<Record<string, any>>>;
  const users = (await q('select id from app_user')).map((r) => Number(r.id));
  const products = (await q('select id from product')).map((r) => Number(r.id));
  const pipelines = (await q('select id from pipeline')).map((r) => Number(r.id));
  const stages = (await q('select id, pipeline_id, semantic from stage')).map((r) => ({ id: Number(r.id), pipeline: Number(r.pipeline_id), semantic: String(r.semantic) }));
  const items = await q('select id, list, code from reference_item');
  const customRows = await q('select f.id, f.entity, f.code, f.type, o.id as option_id, o.code as option_code from custom_field f left join custom_field_option o on o.field_id = f.id order by o.id');
  const customFields: FixtureKeys['customFields'] = {};
  for (const r of customRows) {
    const name = `${String(r.entity).toLowerCase()}.${r.code}`;
    customFields[name] ??= { id: Number(r.id), type: String(r.type), options: [] };
    if (r.option_id != null) customFields[name].options.push(Number(r.option_id));
  }
  const keys: FixtureKeys = {
    users,
    products,
    pipelines,
    stages,
    sources: items.filter((i) => i.list === 'SOURCE').slice(0, 3).map((i) => Number(i.id)),
    contactTypes: items.filter((i) => i.list === 'CONTACT_TYPE').map((i) => Number(i.id)),
    customFields,
  };
  const catalog = await loadCatalog(api.app.context().em);
  const listed = new Map<string, string[]>();
  for (const def of catalog.fields) {
    const values = def.values;
    if (!values) continue;
    if (values.kind === 'static') listed.set(def.id, values.options.map((o) => o.value));
    if (values.kind === 'reference') listed.set(def.id, [...items.filter((i) => i.list === values.list).slice(0, 4).map((i) => String(i.code))]);
    if (values.kind === 'users') listed.set(def.id, users.map((k) => toGlobalId('User', k)));
    if (values.kind === 'products') listed.set(def.id, products.map((k) => toGlobalId('Product', k)));
    if (values.kind === 'pipelines') listed.set(def.id, pipelines.map((k) => toGlobalId('Pipeline', k)));
    if (values.kind === 'stages') listed.set(def.id, stages.map((s) => toGlobalId('Stage', s.id)));
    if (values.kind === 'customOptions') listed.set(def.id, ['A', 'B', 'C']);
  }
  return { keys, listed, catalog };
}

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
      fc.asyncProperty(datasetArbitrary(keys), fc.array(treeArbitrary(catalog, source, listed, scopes, memberScope), { minLength: 1, maxLength: 4 }), fc.constantFrom(...ZONES), async (data, trees, timeZone) => {
        await loadDataset(api.db, data);
        const oracle = new Oracle(data);
        for (const tree of trees) {
          const ctx = api.app.context();
          const prepared = await prepareFilter(ctx, { tree, source, members, timeZone, now: NOW, memberScope });
          expect(prepared.problems, JSON.stringify(tree)).toEqual([]);
          for (const member of members) {
            const statement = pageStatement(prepared.predicates.get(member)!, member, null, 100_000);
            const rows = (await ctx.em.getConnection().execute(statement.sql, statement.params)) as Array<{ id: number | string }>;
            const fromSql = rows.map((r) => Number(r.id)).sort((a, b) => a - b);
            expect(fromSql, `${member}: ${JSON.stringify(tree)}`).toEqual(oracle.members(prepared.ir!, member));
          }
        }
      }),
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
