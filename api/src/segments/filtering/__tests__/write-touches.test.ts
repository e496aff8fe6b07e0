import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../../test/api';
import { datasetArbitrary, NOW, type FixtureKeys } from '../../../../test/filter-fixture';
import { setUpFilterFixture } from '../../../../test/filter-setup';
import { treeArbitrary } from '../../../../test/filter-trees';
import { ClientType, FilterScope, SegmentSource, type MemberType } from '../../../common/crm-enums';
import type { FieldCatalog } from '../../../filter/model/catalog';
import type { OwnerPath, Row } from '../../../filter/model/model';
import { tablesRead } from '../../../filter/model/reads';
import { touchedMembers } from '../../../filter/model/touches';
import { Oracle } from '../../../filter/oracle/oracle';
import { crmModel } from '../crm-model';
import { membersOf } from '../members-of';
import { prepareFilter } from '../query';

/**
 * Maintained membership re-evaluates the members a write touches, as the domains registered it:
 * a table the filter reads that no registration says anything about would be a change nobody
 * re-evaluates. These checks derive what must be registered from the rest of the model.
 */
const touches = (table: string, member: string): OwnerPath[] => crmModel.writes.filter((w) => w.table === table).flatMap((w) => w.members[member] ?? []);
const plainTable = /^[a-z_]+$/;

describe('which members a write touches (the registrations)', () => {
  it('a write to a member row touches that member', () => {
    for (const [member, def] of Object.entries(crmModel.members)) {
      expect(touches(def.table, member), member).toContainEqual({ kind: 'column', column: 'id' });
    }
  });

  it('a write to a row a member reaches through a foreign key touches the members that name it', () => {
    for (const [member, def] of Object.entries(crmModel.members)) {
      for (const reach of Object.values(def.reaches)) {
        if (reach.kind !== 'via') continue;
        expect(touches(reach.table, member), `${member} via ${reach.column}`).toContainEqual({ kind: 'referrers', column: reach.column });
      }
    }
  });

  it('a write to a scope table touches its owner of every member type that has the scope', () => {
    for (const [name, scope] of Object.entries(crmModel.scopes)) {
      if (!plainTable.test(scope.from)) continue;
      for (const [member, owner] of Object.entries(scope.owner)) {
        expect(touches(scope.from, member), `${name} of ${member}`).toContainEqual({ kind: 'column', column: owner });
      }
    }
  });

  it('every table a derived scope reads is written somewhere the registrations cover, for each owner', () => {
    for (const [name, scope] of Object.entries(crmModel.scopes)) {
      if (plainTable.test(scope.from)) continue;
      const tables = [...scope.from.matchAll(/(?:FROM|JOIN)\s+([a-z_]+)/g)].flatMap((m) => (m[1] ? [m[1]] : []));
      expect(tables.length, name).toBeGreaterThan(0);
      // What the scope says it reads (dependencies of maintained membership) is what its SQL reads.
      expect(new Set(scope.reads), name).toEqual(new Set(tables));
      for (const table of tables) {
        for (const member of Object.keys(scope.owner)) expect(touches(table, member).length, `${name}: ${table} → ${member}`).toBeGreaterThan(0);
      }
    }
  });
});

/**
 * The registrations are complete: whatever one-row write changes some member's answer touches
 * that member. Random CRMs × random trees × a random change of one column of one row of any
 * table the filter reads (set to another row's value of that column, or emptied), judged by the
 * oracle before and after; the answers need no SQL, so one engine serves (the SQL is held to the
 * oracle by compiler-vs-oracle.test.ts on both).
 */
describe('a write touches every member whose answer it changes (by property, with the oracle)', () => {
  let api: TestApi;
  let keys: FixtureKeys;
  let listed: Map<string, string[]>;
  let catalog: FieldCatalog;
  beforeAll(async () => {
    api = await startTestApi('sqlite');
    ({ keys, listed, catalog } = await setUpFilterFixture(api));
  });
  afterAll(async () => api?.close());

  const TABLES = ['contact', 'company', 'lead', 'deal', 'crm_order', 'activity', 'product_row', 'communication', 'custom_field_value'] as const;
  // One row's update: one column set to another row's value or emptied, or every column copied from another row.
  // Picks are unbiased: fast-check leans towards 0, which would mostly pick the first row and column.
  const pick = fc.noBias(fc.nat(10_000));
  const change = fc.record({ table: fc.constantFrom(...TABLES), row: pick, column: pick, from: pick, how: fc.constantFrom('copyColumn', 'empty', 'copyRow') });

  const holds = async (source: SegmentSource, members: MemberType[], scopes: FilterScope[], runs: number, memberScope?: FilterScope) => {
    // The custom field of each value, as custom values' touches look it up (its entity).
    const customFields = Object.entries(keys.customFields).map(([name, field]) => ({ id: field.id, entity: name.split('.')[0]?.toUpperCase() }));
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(datasetArbitrary(keys), fc.array(treeArbitrary(catalog, source, listed, scopes, memberScope), { minLength: 1, maxLength: 6 }), change, async (dataset, trees, write) => {
        const rows = dataset[write.table];
        const row = rows[write.row % Math.max(rows.length, 1)];
        const columns = row ? Object.keys(row).filter((c) => c !== 'id') : [];
        const column = columns[write.column % Math.max(columns.length, 1)];
        if (!row || !column) return;
        const others = rows.filter((r) => r !== row);
        const other = others[write.from % Math.max(others.length, 1)];
        const changed: Row = write.how === 'copyRow' && other ? { ...other, id: row.id } : { ...row, [column]: write.how === 'empty' ? null : other?.[column] };
        // A product row belongs to an order or a deal: one without either is not a row the CRM can hold.
        if (write.table === 'product_row' && changed.order_id == null && changed.deal_id == null) return;
        const before = { ...dataset, custom_field: customFields };
        const after = { ...before, [write.table]: rows.map((r) => (r === row ? changed : r)) };
        const touched = touchedMembers(crmModel, write.table, [
          { row, data: before },
          { row: changed, data: after },
        ]);
        for (const tree of trees) {
          const prepared = await prepareFilter(api.context(), { tree, source, members, timeZone: 'UTC', now: NOW, memberScope });
          expect(prepared.problems, JSON.stringify(tree)).toEqual([]);
          for (const member of members) {
            const was = new Set(new Oracle(crmModel, before).members(prepared.ir!, member));
            const is = new Set(new Oracle(crmModel, after).members(prepared.ir!, member));
            const moved = [...was].filter((k) => !is.has(k)).concat([...is].filter((k) => !was.has(k)));
            const untouched = moved.filter((k) => !touched.get(member)?.has(k));
            expect(untouched, `${write.table}.${column} on ${member}: ${JSON.stringify(tree)}`).toEqual([]);
            // Maintained membership re-evaluates a segment only for writes to the tables its tree reads.
            const reads = tablesRead(crmModel, prepared.ir!, member);
            if (moved.length && !reads.segments.size) expect([...reads.tables], `${write.table} changed ${member}s of ${JSON.stringify(tree)}`).toContain(write.table);
            checked += moved.length;
          }
        }
      }),
      { numRuns: runs, seed: Number(process.env.FILTER_PROPERTY_SEED ?? 20261206), endOnFailure: true },
    );
    return checked;
  };

  it('for clients (contacts and companies) with every scope', async () => {
    expect(await holds(SegmentSource.CLIENTS, membersOf(SegmentSource.CLIENTS, ClientType.ANY), Object.values(FilterScope), 3000)).toBeGreaterThan(0);
  }, 240_000);

  it('for leads', async () => {
    expect(await holds(SegmentSource.LEADS, ['lead'], [FilterScope.ACTIVITIES], 500)).toBeGreaterThan(0);
  }, 240_000);

  it('for the deals list', async () => {
    expect(await holds(SegmentSource.CLIENTS, ['deal'], [], 500, FilterScope.DEALS)).toBeGreaterThan(0);
  }, 240_000);
});
