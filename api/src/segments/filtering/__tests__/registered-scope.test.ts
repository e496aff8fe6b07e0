import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../../test/api';
import { engines } from '../../../../test/databases';
import { datasetArbitrary, loadDataset, NOW, type FixtureKeys } from '../../../../test/filter-fixture';
import { setUpFilterFixture } from '../../../../test/filter-setup';
import { treeArbitrary } from '../../../../test/filter-trees';
import type { CrmDomain } from '../../../common/crm-domain';
import { SegmentSource, type FilterScope } from '../../../common/crm-enums';
import { field } from '../../../records/crm-field';
import { UserErrorCode } from '../../../common/user-error';
import { FieldCatalog, type FieldDef } from '../../../filter/model/catalog';
import { compileMemberPredicate } from '../../../filter/compile/compile';
import { idPageStatement } from '../../../filter/compile/statements';
import { dialectFor } from '../../../filter/sql/dialect';
import { Oracle, type Row } from '../../../filter/oracle/oracle';
import { Combinator, FieldValueType as T, FilterOperator as Op, Quantifier } from '../../../filter/language/filter.enums';
import { label } from '../../../filter/language/labels';
import { assembleModel, memberTable, type FilterModel, type Snapshot } from '../../../filter/model/model';
import { resolveFilter } from '../../../filter/resolution/resolve';
import type { FilterGroup } from '../../../filter/language/tree';
import { CRM_DOMAINS, standardFields } from '../crm-model';
import { valueResolver } from '../values';

/**
 * The engine knows the CRM only through the domains' registrations: this test registers a record
 * kind the product does not have — invoices of a contact, in a table made here — and uses it end
 * to end with no change to filter/: catalog, validation, SQL on both engines and the oracle,
 * compared by property over random data and random trees mixing it with the standard fields.
 */
const INVOICES = 'INVOICES' as FilterScope;
const named = (en: string) => label(en, en, en, en, en);
const invoiceFields: FieldDef[] = [
  field({ id: 'invoice.amount', scope: INVOICES, label: named('Invoice amount'), type: T.MONEY, access: { kind: 'column', subject: 'invoice', column: 'amount', columnKind: 'number' } }),
  field({ id: 'invoice.paid', scope: INVOICES, label: named('Invoice paid'), type: T.BOOLEAN, access: { kind: 'column', subject: 'invoice', column: 'paid', columnKind: 'boolean' } }),
  field({ id: 'invoice.dueOn', scope: INVOICES, label: named('Invoice due'), type: T.DATE, access: { kind: 'column', subject: 'invoice', column: 'due_on', columnKind: 'date' } }),
  field({ id: 'invoice.issuedAt', scope: INVOICES, label: named('Invoice issued'), type: T.DATETIME, access: { kind: 'column', subject: 'invoice', column: 'issued_at', columnKind: 'datetime' } }),
];
const invoiceDomain: CrmDomain = {
  fields: invoiceFields,
  scopes: { [INVOICES]: { subject: 'invoice', from: 'invoice', owner: { contact: 'contact_id' }, rows: (data: Snapshot) => data.invoice ?? [] } },
  writes: [{ table: 'invoice', members: { contact: [{ kind: 'column', column: 'contact_id' }] } }],
};

const model: FilterModel = assembleModel([...CRM_DOMAINS, invoiceDomain]);
const DAY = 86_400_000;

interface Invoice extends Row {
  id: number;
  contact_id: number | null;
  amount: number | null;
  paid: boolean;
  due_on: string | null;
  issued_at: number;
}

const invoicesArbitrary = (contacts: number): fc.Arbitrary<Invoice[]> =>
  fc
    .array(
      fc.record({
        contact: fc.option(fc.integer({ min: 1, max: contacts }), { nil: null }),
        amount: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
        paid: fc.boolean(),
        dueIn: fc.option(fc.integer({ min: -400, max: 30 }), { nil: null }),
        issuedIn: fc.integer({ min: -400, max: 0 }),
      }),
      { maxLength: 14 },
    )
    .map((rows) =>
      rows.map((r, i): Invoice => ({
        id: i + 1,
        contact_id: r.contact,
        amount: r.amount,
        paid: r.paid,
        due_on: r.dueIn === null ? null : new Date(NOW.getTime() + r.dueIn * DAY).toISOString().slice(0, 10),
        issued_at: NOW.getTime() + r.issuedIn * DAY + 3_600_000,
      })),
    );

describe.each(engines)('a scope registered by a domain the engine has never seen (invoices), on %s', (engine) => {
  let api: TestApi;
  let keys: FixtureKeys;
  let listed: Map<string, string[]>;
  let catalog: FieldCatalog;
  const sqlite = engine === 'sqlite';

  beforeAll(async () => {
    api = await startTestApi(engine);
    ({ keys, listed } = await setUpFilterFixture(api));
    catalog = new FieldCatalog([...standardFields, ...invoiceFields]);
    const ddl = sqlite
      ? 'CREATE TABLE invoice (id INTEGER PRIMARY KEY, contact_id INTEGER, amount REAL, paid INTEGER NOT NULL, due_on TEXT, issued_at INTEGER NOT NULL)'
      : 'CREATE TABLE invoice (id INTEGER PRIMARY KEY, contact_id INTEGER, amount DOUBLE PRECISION, paid BOOLEAN NOT NULL, due_on DATE, issued_at TIMESTAMPTZ NOT NULL)';
    await api.db.orm.em.getConnection().execute(ddl);
  });
  afterAll(async () => api?.close());

  const resolve = (tree: FilterGroup, members: string[]) =>
    resolveFilter(tree, {
      model,
      catalog,
      source: SegmentSource.CLIENTS,
      members,
      timeZone: 'Europe/Warsaw',
      now: NOW,
      limits: api.config.filterLimits,
      resolveValues: valueResolver(api.context().em),
    });

  const atLeastTwoPaid: FilterGroup = {
    combinator: Combinator.AND,
    rules: [
      {
        group: { combinator: Combinator.AND, scope: INVOICES, quantifier: Quantifier.AT_LEAST, threshold: 2, rules: [{ rule: { field: 'invoice.paid', operator: Op.EQ, value: { boolean: true } } }] },
      },
    ],
  };

  it('is validated like the CRM scopes: owners per member type, fields of the scope only, quantifiers naming it', async () => {
    expect((await resolve(atLeastTwoPaid, ['contact'])).problems).toEqual([]);
    const onCompanies = await resolve(atLeastTwoPaid, ['contact', 'company']);
    expect(onCompanies.problems.map((p) => [p.code, p.message])).toEqual([
      [UserErrorCode.SCOPE_MISMATCH, 'company records have no invoices.'],
      [UserErrorCode.SCOPE_MISMATCH, 'invoice.paid does not apply to these records.'],
    ]);
    const wrongField: FilterGroup = {
      combinator: Combinator.AND,
      rules: [{ group: { combinator: Combinator.AND, scope: INVOICES, rules: [{ rule: { field: 'deal.amount', operator: Op.GT, value: { number: 1 } } }] } }],
    };
    expect((await resolve(wrongField, ['contact'])).problems.map((p) => p.code)).toEqual([UserErrorCode.SCOPE_MISMATCH]);
    const quantifierWithoutScope: FilterGroup = { combinator: Combinator.AND, quantifier: Quantifier.NONE, rules: [{ rule: { field: 'client.city', operator: Op.IS_EMPTY } }] };
    expect((await resolve(quantifierWithoutScope, ['contact'])).problems.map((p) => p.message)).toEqual(['A quantifier needs a scope (DEALS, PURCHASES, ORDERS, ACTIVITIES or INVOICES).']);
  });

  it('compiles to a semi-join on its table and agrees with the oracle over random data and trees', async () => {
    const contacts = 12;
    await fc.assert(
      fc.asyncProperty(
        datasetArbitrary(keys),
        invoicesArbitrary(contacts),
        fc.array(treeArbitrary(catalog, SegmentSource.CLIENTS, listed, [INVOICES]), { minLength: 1, maxLength: 4 }),
        async (data, invoices, trees) => {
          await loadDataset(api.db, data);
          const connection = api.db.orm.em.getConnection();
          await connection.execute('DELETE FROM invoice');
          const known = new Set(data.contact.map((c) => c.id));
          const rows = invoices.map((r): Invoice => ({ ...r, contact_id: r.contact_id !== null && known.has(r.contact_id) ? r.contact_id : null }));
          for (const r of rows) {
            const values = sqlite ? [r.id, r.contact_id, r.amount, r.paid ? 1 : 0, r.due_on, r.issued_at] : [r.id, r.contact_id, r.amount, r.paid, r.due_on, new Date(r.issued_at)];
            await connection.execute('INSERT INTO invoice (id, contact_id, amount, paid, due_on, issued_at) VALUES (?, ?, ?, ?, ?, ?)', values);
          }
          const oracle = new Oracle(model, { ...data, invoice: rows });
          for (const tree of trees) {
            const resolved = await resolve(tree, ['contact']);
            expect(resolved.problems, JSON.stringify(tree)).toEqual([]);
            const predicate = compileMemberPredicate(model, resolved.ir!, 'contact', dialectFor(api.db.kind));
            const statement = idPageStatement({ table: memberTable(model, 'contact'), predicate }, null, 100_000);
            const found = (await connection.execute(statement.sql, statement.params)) as Array<{ id: number | string }>;
            expect(
              found.map((r) => Number(r.id)).sort((a, b) => a - b),
              JSON.stringify(tree),
            ).toEqual(oracle.members(resolved.ir!, 'contact'));
          }
        },
      ),
      { numRuns: 30, seed: Number(process.env.FILTER_PROPERTY_SEED ?? 20261206), endOnFailure: true },
    );
  }, 240_000);

  it('writes its SQL from the registration: the table and owner column it was given', async () => {
    const resolved = await resolve(atLeastTwoPaid, ['contact']);
    const predicate = compileMemberPredicate(model, resolved.ir!, 'contact', dialectFor(api.db.kind));
    expect(predicate.sql).toContain('SELECT r.contact_id FROM invoice r WHERE r.contact_id IS NOT NULL');
    expect(predicate.sql).toContain('GROUP BY r.contact_id HAVING COUNT(*) >= ?');
  });
});
