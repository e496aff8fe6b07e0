import { ReferenceKind } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, engines } from '../../../test/databases';
import type { Database } from '../orm';
import { migrate } from '../orm';

async function columnsOf(db: Database, table: string): Promise<string[]> {
  const connection = db.orm.em.getConnection();
  const sql = db.kind === 'sqlite' ? `select name from pragma_table_info(?)` : `select column_name as name from information_schema.columns where table_schema = 'public' and table_name = ?`;
  const rows = (await connection.execute(sql, [table])) as Array<{ name: string }>;
  return rows.map((r) => r.name);
}

/** Index definitions as "table(col, col)" so the test reads like the list of what the filter engine needs. */
async function indexesOf(db: Database): Promise<string[]> {
  const connection = db.orm.em.getConnection();
  if (db.kind === 'sqlite') {
    const rows = (await connection.execute(`select tbl_name as tbl, name from sqlite_master where type = 'index'`)) as Array<{ tbl: string; name: string }>;
    const result: string[] = [];
    for (const row of rows) {
      const cols = (await connection.execute(`select name from pragma_index_info(?) order by seqno`, [row.name])) as Array<{ name: string }>;
      result.push(`${row.tbl}(${cols.map((c) => c.name).join(', ')})`);
    }
    return result;
  }
  const rows = (await connection.execute(`select indexdef as def from pg_indexes where schemaname = 'public'`)) as Array<{ def: string }>;
  return rows.map((r) => {
    const match = /ON public\.(\w+) USING \w+ \((.*)\)/.exec(r.def);
    return match ? `${match[1]}(${match[2]})` : r.def;
  });
}

describe.each(engines)('migrations on %s', (engine) => {
  let db: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await freshDatabase(engine));
  });
  afterAll(async () => drop?.());

  it('creates every column every entity maps, from an empty database', async () => {
    const missing: string[] = [];
    for (const meta of Object.values(db.orm.getMetadata().getAll())) {
      if (meta.abstract || !meta.tableName) continue;
      const columns = await columnsOf(db, meta.tableName);
      expect(columns.length, `table ${meta.tableName}`).toBeGreaterThan(0);
      for (const prop of Object.values(meta.properties)) {
        if (prop.persist === false || prop.kind === ReferenceKind.ONE_TO_MANY || prop.kind === ReferenceKind.MANY_TO_MANY) continue;
        for (const name of prop.fieldNames ?? []) if (!columns.includes(name)) missing.push(`${meta.tableName}.${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('indexes the columns segment filters filter and join on', async () => {
    const indexes = await indexesOf(db);
    expect(indexes).toEqual(
      expect.arrayContaining([
        'communication(channel, normalized)',
        'communication(contact_id, channel)',
        'deal(stage_semantic, contact_id)',
        'deal(stage_semantic, company_id)',
        'deal(pipeline_id, stage_id)',
        'contact(city_folded)',
        'contact(birth_month_day)',
        'contact(last_activity_at)',
        'lead(status_semantic)',
        'custom_field_value(field_id, number_value, record_id)',
        'custom_field_value(field_id, string_folded, record_id)',
        'product_row(product_id)',
        'crm_order(paid, contact_id)',
        'activity(contact_id, created_at)',
      ]),
    );
  });

  it('applies nothing the second time', async () => {
    expect(await migrate(db)).toEqual([]);
  });
});
