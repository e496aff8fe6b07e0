import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../../test/api';
import { engines } from '../../../../test/databases';
import { datasetArbitrary, loadDataset, storedValue, type FixtureKeys } from '../../../../test/filter-fixture';
import { setUpFilterFixture } from '../../../../test/filter-setup';
import type { Row } from '../../../filter/model/model';
import { touchedMembers } from '../../../filter/model/touches';
import { crmModel } from '../../filtering/crm-model';
import { postgresCaptureDdl, sqliteCaptureDdl } from '../capture';

/**
 * The capture triggers queue exactly the members the registrations say a write touches: random
 * CRMs × one random write (a column set to another row's value or emptied, a row copied in, a row
 * deleted) run as plain SQL, so no application code helps; the queue is compared with the
 * registrations' meaning on the snapshots before and after (filter/model/touches.ts).
 */
describe.each(engines)('capture triggers on %s', (engine) => {
  let api: TestApi;
  let keys: FixtureKeys;
  beforeAll(async () => {
    api = await startTestApi(engine);
    ({ keys } = await setUpFilterFixture(api));
  });
  afterAll(async () => api?.close());

  const TABLES = ['contact', 'company', 'lead', 'deal', 'crm_order', 'activity', 'product_row', 'communication', 'custom_field_value'] as const;
  // Rows nothing else refers to can be deleted without cascades into other tables.
  const LEAVES = new Set(['activity', 'product_row', 'communication', 'custom_field_value']);
  const pick = fc.noBias(fc.nat(10_000));
  const write = fc.record({ table: fc.constantFrom(...TABLES), row: pick, column: pick, from: pick, how: fc.constantFrom('copyColumn', 'empty', 'insertCopy', 'delete') });

  it('queue what the registrations touch, no more and no less', async () => {
    const connection = api.db.orm.em.getConnection();
    const customFields = Object.entries(keys.customFields).map(([name, field]) => ({ id: field.id, entity: name.split('.')[0]?.toUpperCase() }));
    let queued = 0;
    await fc.assert(
      fc.asyncProperty(datasetArbitrary(keys), write, async (dataset, w) => {
        const rows = dataset[w.table];
        const row = rows[w.row % Math.max(rows.length, 1)];
        if (!row) return;
        if (w.how === 'delete' && !LEAVES.has(w.table)) return;
        const columns = Object.keys(row).filter((c) => c !== 'id');
        const column = columns[w.column % Math.max(columns.length, 1)]!;
        const other = rows.filter((r) => r !== row)[w.from % Math.max(rows.length - 1, 1)];
        await loadDataset(api.db, dataset);
        await connection.execute('DELETE FROM membership_change');
        const before = { ...dataset, custom_field: customFields };
        let versions: Array<{ row: Row; data: typeof before }>;
        try {
          if (w.how === 'delete') {
            await connection.execute(`DELETE FROM ${w.table} WHERE id = ?`, [row.id]);
            versions = [{ row, data: before }];
          } else if (w.how === 'insertCopy') {
            const copy: Row = { ...row, id: 1_000_000 };
            const names = Object.keys(copy);
            await connection.execute(
              `INSERT INTO ${w.table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
              names.map((c) => storedValue(api.db, c, copy[c])),
            );
            versions = [{ row: copy, data: { ...before, [w.table]: [...rows, copy] } }];
          } else {
            const value = w.how === 'empty' ? null : (other?.[column] ?? null);
            await connection.execute(`UPDATE ${w.table} SET ${column} = ? WHERE id = ?`, [storedValue(api.db, column, value), row.id]);
            const changed = { ...row, [column]: value };
            versions = [
              { row, data: before },
              { row: changed, data: { ...before, [w.table]: rows.map((r: Row) => (r === row ? changed : r)) } },
            ];
          }
        } catch {
          return; // a constraint refused the write (a required column emptied): nothing to queue
        }
        const expected = touchedMembers(crmModel, w.table, versions);
        const got: Array<{ table_name: string; member_type: string; member_key: number | string }> = await connection.execute('SELECT table_name, member_type, member_key FROM membership_change');
        expect(new Set(got.map((r) => r.table_name))).toEqual(new Set(got.length ? [w.table] : []));
        for (const member of Object.keys(crmModel.members)) {
          const keysOf = (list: Iterable<unknown>) => [...new Set([...list].map(Number))].sort((a, b) => a - b);
          expect(keysOf(got.filter((r) => r.member_type === member).map((r) => r.member_key)), `${w.how} ${w.table}.${column} → ${member}`).toEqual(keysOf(expected.get(member) ?? []));
        }
        queued += got.length;
      }),
      { numRuns: engine === 'sqlite' ? 300 : 150, seed: Number(process.env.FILTER_PROPERTY_SEED ?? 20261208), endOnFailure: true },
    );
    expect(queued).toBeGreaterThan(0);
  }, 240_000);

  it('are generated from the registrations, one per table and operation', () => {
    const tables = new Set(crmModel.writes.map((w) => w.table));
    const ddl = engine === 'sqlite' ? sqliteCaptureDdl(crmModel) : postgresCaptureDdl(crmModel);
    const created = ddl.filter((statement) => statement.startsWith('CREATE TRIGGER'));
    expect(created).toHaveLength(tables.size * 3);
    for (const table of tables)
      expect(
        created.filter((s) => s.includes(` ON ${table} `)),
        table,
      ).toHaveLength(3);
  });
});
