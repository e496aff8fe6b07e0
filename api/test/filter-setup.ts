import { crmValues } from '../src/records/crm-field';
import type { FieldCatalog } from '../src/filter/model/catalog';
import { toGlobalId } from '../src/common/global-id';
import { loadCatalog } from '../src/segments/filtering/field-catalog';
import type { TestApi } from './api';
import type { FixtureKeys } from './filter-fixture';

/**
 * Users, products, a pipeline and custom fields of every type for the property tests, and for
 * each listed field the values random trees may pick.
 */
export async function setUpFilterFixture(api: TestApi): Promise<{ keys: FixtureKeys; listed: Map<string, string[]>; catalog: FieldCatalog }> {
  await api.exec(`mutation {
    a: createUser(input: { name: "Olga" }) { errors { code } }
    b: createUser(input: { name: "Piotr" }) { errors { code } }
    p1: createProduct(input: { name: "Karnet" }) { errors { code } }
    p2: createProduct(input: { name: "Trening" }) { errors { code } }
    createPipeline(input: { name: "Gym", stages: [{ code: "TRIAL", name: "Trial" }, { code: "PAID", name: "Paid", semantic: WON }, { code: "GONE", name: "Gone", semantic: LOST }] }) { errors { code } }
  }`);
  const fields: Array<[string, string, string]> = [
    ['CONTACT', 'UF_S', 'STRING'],
    ['CONTACT', 'UF_N', 'NUMBER'],
    ['CONTACT', 'UF_D', 'DATE'],
    ['CONTACT', 'UF_B', 'BOOLEAN'],
    ['CONTACT', 'UF_L', 'LIST'],
    ['CONTACT', 'UF_M', 'MULTI_LIST'],
    ['COMPANY', 'UF_CN', 'NUMBER'],
    ['DEAL', 'UF_DL', 'LIST'],
    ['LEAD', 'UF_LN', 'NUMBER'],
  ];
  for (const [entity, code, type] of fields) {
    const options = type.includes('LIST')
      ? [
          { code: 'A', label: 'A' },
          { code: 'B', label: 'B' },
          { code: 'C', label: 'C' },
        ]
      : undefined;
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
    sources: items
      .filter((i) => i.list === 'SOURCE')
      .slice(0, 3)
      .map((i) => Number(i.id)),
    contactTypes: items.filter((i) => i.list === 'CONTACT_TYPE').map((i) => Number(i.id)),
    customFields,
  };
  const catalog = await loadCatalog(api.context().em);
  const listed = new Map<string, string[]>();
  for (const def of catalog.fields) {
    if (!def.values) continue;
    const values = crmValues(def.values);
    if (values.kind === 'static')
      listed.set(
        def.id,
        values.options.map((o) => o.value),
      );
    if (values.kind === 'reference')
      listed.set(def.id, [
        ...items
          .filter((i) => i.list === values.list)
          .slice(0, 4)
          .map((i) => String(i.code)),
      ]);
    if (values.kind === 'users')
      listed.set(
        def.id,
        users.map((k) => toGlobalId('User', k)),
      );
    if (values.kind === 'products')
      listed.set(
        def.id,
        products.map((k) => toGlobalId('Product', k)),
      );
    if (values.kind === 'pipelines')
      listed.set(
        def.id,
        pipelines.map((k) => toGlobalId('Pipeline', k)),
      );
    if (values.kind === 'stages')
      listed.set(
        def.id,
        stages.map((s) => toGlobalId('Stage', s.id)),
      );
    if (values.kind === 'customOptions') listed.set(def.id, ['A', 'B', 'C']);
  }
  return { keys, listed, catalog };
}
