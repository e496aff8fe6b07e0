import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../../test/api';
import { engines } from '../../../../test/databases';
import { datasetArbitrary, loadDataset, NOW, storedValue, type FixtureKeys } from '../../../../test/filter-fixture';
import { setUpFilterFixture } from '../../../../test/filter-setup';
import { treeArbitrary } from '../../../../test/filter-trees';
import { ClientType, FilterScope, SegmentSource } from '../../../common/crm-enums';
import type { FieldCatalog } from '../../../filter/model/catalog';
import { fold } from '../../../filter/language/fold';
import { and } from '../../../filter/sql/fragments';
import { SegmentKind } from '../../definition/segment.enums';
import { Segment } from '../../definition/segment.entity';
import { sourceBase } from '../../definition/source-base';
import { tableOf } from '../../filtering/crm-model';
import { membersOf } from '../../filtering/members-of';
import { prepareFilter } from '../../filtering/query';
import { MembershipMaintainer } from '../../maintainer';
import { MembershipState, readStates } from '../store';

/**
 * Maintained membership converges to the live evaluation: random CRMs, random saved segments
 * (clients, every scope, a few of each client type), then a random sequence of writes (columns
 * set to another row's value or emptied, rows copied in, leaf rows deleted) as plain SQL,
 * interleaved with maintainer passes and days passing (an injected clock); after the last pass
 * every segment's rows equal what its filter answers now, member type by member type.
 */
describe.each(engines)('maintained membership on %s', (engine) => {
  let api: TestApi;
  let keys: FixtureKeys;
  let listed: Map<string, string[]>;
  let catalog: FieldCatalog;
  beforeAll(async () => {
    api = await startTestApi(engine);
    ({ keys, listed, catalog } = await setUpFilterFixture(api));
  });
  afterAll(async () => api?.close());

  const TABLES = ['contact', 'company', 'lead', 'deal', 'crm_order', 'activity', 'product_row', 'communication', 'custom_field_value'] as const;
  const LEAVES = new Set(['activity', 'product_row', 'communication', 'custom_field_value']);
  const pick = fc.noBias(fc.nat(10_000));
  const step = fc.oneof(
    fc.record({ kind: fc.constant('write' as const), table: fc.constantFrom(...TABLES), row: pick, column: pick, from: pick, how: fc.constantFrom('copyColumn', 'empty', 'insertCopy', 'delete') }),
    fc.record({ kind: fc.constant('maintain' as const) }),
    fc.record({ kind: fc.constant('day' as const), days: fc.integer({ min: 1, max: 40 }) }),
  );

  it('equals the live evaluation after any sequence of writes, passes and days', async () => {
    const connection = api.db.orm.em.getConnection();
    let compared = 0;
    let nextId = 1_000_000;
    await fc.assert(
      fc.asyncProperty(
        datasetArbitrary(keys),
        fc.array(fc.tuple(treeArbitrary(catalog, SegmentSource.CLIENTS, listed, Object.values(FilterScope)), fc.constantFrom(ClientType.ANY, ClientType.CONTACT, ClientType.COMPANY)), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.array(step, { minLength: 1, maxLength: 12 }),
        async (dataset, definitions, steps) => {
          let now = NOW;
          await connection.execute('DELETE FROM segment');
          await loadDataset(api.db, dataset);
          const em = api.db.fork();
          const saved: Segment[] = [];
          for (const [i, [tree, clientType]] of definitions.entries()) {
            const segment = em.create(Segment, {
              name: `s${i}`,
              nameFolded: fold(`s${i}`),
              kind: SegmentKind.DYNAMIC,
              source: SegmentSource.CLIENTS,
              clientType,
              filter: tree,
              timeZone: 'Europe/Warsaw',
              version: 1,
              createdAt: now,
              updatedAt: now,
            });
            saved.push(segment);
          }
          await em.flush();
          const maintainer = new MembershipMaintainer(api.db, api.config, () => now);
          await maintainer.runOnce();
          const tables: Record<string, Array<Record<string, unknown>>> = { ...dataset };
          for (const s of steps) {
            if (s.kind === 'maintain') await maintainer.runOnce();
            else if (s.kind === 'day') now = new Date(now.getTime() + s.days * 24 * 3600 * 1000);
            else {
              const rows = tables[s.table] ?? [];
              const row = rows[s.row % Math.max(rows.length, 1)];
              if (!row || (s.how === 'delete' && !LEAVES.has(s.table))) continue;
              const columns = Object.keys(row).filter((c) => c !== 'id');
              const column = columns[s.column % Math.max(columns.length, 1)]!;
              const other = rows.filter((r) => r !== row)[s.from % Math.max(rows.length - 1, 1)];
              try {
                if (s.how === 'delete') {
                  await connection.execute(`DELETE FROM ${s.table} WHERE id = ?`, [row.id]);
                  tables[s.table] = rows.filter((r) => r !== row);
                } else if (s.how === 'insertCopy') {
                  const copy = { ...row, id: nextId++ };
                  const names = Object.keys(copy);
                  await connection.execute(
                    `INSERT INTO ${s.table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
                    names.map((c) => storedValue(api.db, c, (copy as Record<string, unknown>)[c])),
                  );
                  tables[s.table] = [...rows, copy];
                } else {
                  const value = s.how === 'empty' ? null : (other?.[column] ?? null);
                  await connection.execute(`UPDATE ${s.table} SET ${column} = ? WHERE id = ?`, [storedValue(api.db, column, value), row.id]);
                  tables[s.table] = rows.map((r) => (r === row ? { ...r, [column]: value } : r));
                }
              } catch {
                // a constraint refused the write: nothing changed
              }
            }
          }
          for (let pass = 0; pass < 20 && (await maintainer.runOnce()).busy; pass++);
          const states = await readStates((sql, params) => connection.execute(sql, params));
          for (const segment of saved) {
            expect(states.get(segment.key)?.state, segment.name).toBe(MembershipState.LIVE);
            const members = membersOf(segment.source, segment.clientType);
            const prepared = await prepareFilter(api.context(), { tree: segment.filter!, source: segment.source, members, timeZone: segment.timeZone, now, origin: 'saved' });
            for (const member of members) {
              const predicate = and([sourceBase(segment.source, member, api.db.kind), prepared.predicates.get(member)!]);
              const live: Array<{ id: number | string }> = await connection.execute(`SELECT m.id FROM ${tableOf(member)} m WHERE ${predicate.sql} ORDER BY m.id`, predicate.params);
              const kept: Array<{ member_key: number | string }> = await connection.execute('SELECT member_key FROM segment_membership WHERE segment_id = ? AND member_type = ? ORDER BY member_key', [
                segment.key,
                member,
              ]);
              const size: Array<{ members: number | string }> = await connection.execute('SELECT members FROM segment_membership_size WHERE segment_id = ? AND member_type = ?', [segment.key, member]);
              const expected = live.map((r) => Number(r.id));
              expect(
                kept.map((r) => Number(r.member_key)),
                `${segment.name} ${member}: ${JSON.stringify(segment.filter)}`,
              ).toEqual(expected);
              expect(Number(size[0]?.members)).toBe(expected.length);
              compared += expected.length;
            }
          }
          await maintainer.stop();
        },
      ),
      { numRuns: engine === 'sqlite' ? 60 : 30, seed: Number(process.env.FILTER_PROPERTY_SEED ?? 20261208), endOnFailure: true },
    );
    expect(compared).toBeGreaterThan(0);
  }, 300_000);
});
