/**
 * The measurement behind the custom-field storage choice: typed side table (what the migration
 * ships) vs a JSON column with one expression index per field, same data, same driver.
 *
 *   DATABASE_URL=<a seeded THROWAWAY database> node -r @swc-node/register bench/custom-field-storage.ts
 *
 * It adds a `custom` JSON column and two indexes to `contact`: never run it on a database you keep.
 */
import 'reflect-metadata';
import { firstRow } from '../src/lib/indexed';
import { loadConfig } from '../src/config/config';
import { openDatabase } from '../src/database';
import { median, timeIt } from './timing';

async function main(): Promise<void> {
  const db = await openDatabase(loadConfig().databaseUrl);
  const connection = db.orm.em.getConnection();
  const pg = db.kind === 'postgresql';
  const q = (sql: string, params: unknown[] = []) => connection.execute(sql, params) as Promise<Array<Record<string, any>>>;
  /** The row of a seeded field or option (the demo data must be loaded: npm run seed). */
  const seeded = async (what: string, sql: string, params: unknown[] = []) => {
    const [row] = await q(sql, params);
    if (!row) throw new Error(`${what} is missing: load the demo data first (npm run seed)`);
    return row;
  };
  const loyalty = await seeded('custom field UF_LOYALTY', `select id from custom_field where entity = 'CONTACT' and code = 'UF_LOYALTY'`);
  const newsletter = await seeded('custom field UF_NEWSLETTER', `select id from custom_field where entity = 'CONTACT' and code = 'UF_NEWSLETTER'`);
  const gold = await seeded('option GOLD of UF_LOYALTY', `select id from custom_field_option where field_id = ? and code = 'GOLD'`, [loyalty.id]);
  const yes = pg ? true : 1;

  await q(pg ? 'alter table contact add column custom jsonb' : 'alter table contact add column custom text');
  const value = `case when f.type = 'LIST' then o.code else case v.boolean_value when ${pg ? 'true' : '1'} then 'true' else 'false' end end`;
  await q(
    pg
      ? `update contact set custom = x.j from (select v.record_id, jsonb_object_agg(f.code, ${value}) j from custom_field_value v join custom_field f on f.id = v.field_id left join custom_field_option o on o.id = v.option_id where f.entity = 'CONTACT' and f.type in ('LIST', 'BOOLEAN') group by v.record_id) x where x.record_id = contact.id`
      : `update contact set custom = (select json_group_object(f.code, ${value}) from custom_field_value v join custom_field f on f.id = v.field_id left join custom_field_option o on o.id = v.option_id where v.record_id = contact.id and f.entity = 'CONTACT' and f.type in ('LIST', 'BOOLEAN'))`,
  );
  const path = (code: string) => (pg ? `(custom->>'${code}')` : `json_extract(custom, '$.${code}')`);
  await q(`create index contact_custom_loyalty on contact (${path('UF_LOYALTY')})`);
  await q(`create index contact_custom_newsletter on contact (${path('UF_NEWSLETTER')})`);
  await q(pg ? 'analyze contact' : 'analyze');

  const typedGold = 'select record_id from custom_field_value where option_id = ?';
  const typedNews = 'select record_id from custom_field_value where field_id = ? and boolean_value = ?';
  const cases: Array<[string, string, unknown[]]> = [
    ['typed: gold (IN semi-join)', `select count(*) as n from contact where id in (${typedGold})`, [gold.id]],
    ['JSON: gold', `select count(*) as n from contact where ${path('UF_LOYALTY')} = ?`, ['GOLD']],
    ['typed: gold and newsletter (2 x IN)', `select count(*) as n from contact where id in (${typedGold}) and id in (${typedNews})`, [gold.id, newsletter.id, yes]],
    ['typed: gold and newsletter (INTERSECT)', `select count(*) as n from (${typedGold} intersect ${typedNews}) x`, [gold.id, newsletter.id, yes]],
    ['JSON: gold and newsletter', `select count(*) as n from contact where ${path('UF_LOYALTY')} = ? and ${path('UF_NEWSLETTER')} = ?`, ['GOLD', 'true']],
  ];
  console.log(`${db.kind}: median of 7 runs after warm-up`);
  for (const [name, sql, params] of cases) {
    const { ms, result } = await timeIt(async () => Number(firstRow(await q(sql, params)).n), 7);
    console.log(`  ${name.padEnd(40)} ${String(result).padStart(8)} rows  ${median(ms).toFixed(2).padStart(8)} ms`);
  }
  await db.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
