import fc from 'fast-check';
import { itemAt } from '../src/lib/indexed';
import type { Database } from '../src/db/orm';
import type { Row } from '../src/filter/oracle/oracle';

/** The CRM's tables as the oracle reads them (the engine's Snapshot with the tables named). */
export type Snapshot = Record<'contact' | 'company' | 'lead' | 'deal' | 'crm_order' | 'activity' | 'product_row' | 'communication' | 'custom_field_value', Row[]>;
import { fold } from '../src/filter/language/fold';

/**
 * Small random CRMs for the compiler-vs-oracle property tests: few distinct values so rules match
 * sometimes, NULLs everywhere they are allowed, every kind of related record.
 */
export const NOW = new Date('2026-06-15T10:30:00Z');
const DAY = 86_400_000;

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 4 });
const instant = fc.integer({ min: -400, max: 30 }).map((d) => NOW.getTime() + d * DAY + 3_600_000 * (d % 7));
const day = fc.integer({ min: -40 * 365, max: 20 }).map((d) => new Date(NOW.getTime() + d * DAY).toISOString().slice(0, 10));
const text = fc.constantFrom('Łódź', 'łódź', 'Москва', 'Hà Nội', 'São Paulo', 'Berlin', '', 'a_b%c');

export interface FixtureKeys {
  users: number[];
  sources: number[];
  contactTypes: number[];
  pipelines: number[];
  stages: Array<{ id: number; pipeline: number; semantic: string }>;
  products: number[];
  customFields: Record<string, { id: number; type: string; options: number[] }>;
}

export interface Dataset {
  rows: Partial<Snapshot>;
}

export function datasetArbitrary(keys: FixtureKeys): fc.Arbitrary<Snapshot> {
  const fk = (list: number[]) => maybe(fc.constantFrom(...list));
  return fc
    .record({
      companies: fc.array(
        fc.record({
          title: text,
          city: maybe(text),
          revenue: maybe(fc.integer({ min: 0, max: 5 })),
          source_id: fk(keys.sources),
          responsible_id: fk(keys.users),
          created_at: instant,
          last_activity_at: maybe(instant),
        }),
        { minLength: 1, maxLength: 6 },
      ),
      contacts: fc.array(
        fc.record({
          first_name: maybe(text),
          city: maybe(text),
          birthdate: maybe(day),
          gender: maybe(fc.constantFrom('MALE', 'FEMALE')),
          type_id: fk(keys.contactTypes),
          source_id: fk(keys.sources),
          responsible_id: fk(keys.users),
          company: maybe(fc.nat(5)),
          created_at: instant,
          last_activity_at: maybe(instant),
        }),
        { minLength: 1, maxLength: 12 },
      ),
      leads: fc.array(
        fc.record({
          title: text,
          status_semantic: fc.constantFrom('IN_PROGRESS', 'CONVERTED', 'JUNK'),
          converted: fc.boolean(),
          amount: maybe(fc.integer({ min: 0, max: 5 })),
          source_id: fk(keys.sources),
          contact: maybe(fc.nat(11)),
          created_at: instant,
        }),
        { maxLength: 6 },
      ),
      deals: fc.array(
        fc.record({
          stage: fc.nat(keys.stages.length - 1),
          amount: maybe(fc.integer({ min: 0, max: 5 })),
          currency: maybe(fc.constantFrom('EUR', 'PLN')),
          contact: maybe(fc.nat(11)),
          company: maybe(fc.nat(5)),
          created_at: instant,
          closed_at: maybe(instant),
        }),
        { maxLength: 14 },
      ),
      orders: fc.array(fc.record({ contact: maybe(fc.nat(11)), company: maybe(fc.nat(5)), paid: fc.boolean(), total: fc.integer({ min: 0, max: 5 }), created_at: instant }), { maxLength: 8 }),
      rows: fc.array(
        fc.record({ product: fc.nat(keys.products.length - 1), owner: fc.nat(21), onDeal: fc.boolean(), quantity: fc.integer({ min: 1, max: 3 }), price: fc.integer({ min: 0, max: 5 }) }),
        { maxLength: 12 },
      ),
      activities: fc.array(
        fc.record({
          type: fc.constantFrom('CALL', 'EMAIL', 'MEETING', 'TASK'),
          completed: fc.boolean(),
          contact: maybe(fc.nat(11)),
          company: maybe(fc.nat(5)),
          lead: maybe(fc.nat(5)),
          created_at: instant,
        }),
        { maxLength: 10 },
      ),
      comms: fc.array(fc.record({ channel: fc.constantFrom('EMAIL', 'PHONE', 'IM'), owner: fc.constantFrom('contact', 'company', 'lead'), index: fc.nat(11) }), { maxLength: 20 }),
      custom: fc.array(fc.record({ field: fc.constantFrom(...Object.keys(keys.customFields)), record: fc.nat(13), pick: fc.nat(1000) }), { maxLength: 30 }),
    })
    .map((raw) => build(raw, keys));
}

function build(raw: any, keys: FixtureKeys): Snapshot {
  const company: Row[] = raw.companies.map((c: any, i: number) => ({
    id: i + 1,
    title: c.title || 'x',
    title_folded: fold(c.title || 'x'),
    city: c.city,
    city_folded: fold(c.city),
    country_folded: null,
    revenue: c.revenue,
    employees: null,
    type_id: null,
    industry_id: null,
    source_id: c.source_id,
    responsible_id: c.responsible_id,
    created_at: c.created_at,
    updated_at: c.created_at,
    last_activity_at: c.last_activity_at,
  }));
  const pickCompany = (n: number | null) => (n === null || n >= company.length ? null : n + 1);
  const contact: Row[] = raw.contacts.map((c: any, i: number) => ({
    id: i + 1,
    first_name: c.first_name,
    first_name_folded: fold(c.first_name),
    last_name_folded: null,
    city: c.city,
    city_folded: fold(c.city),
    country_folded: null,
    birthdate: c.birthdate,
    birth_month_day: c.birthdate ? Number(c.birthdate.slice(5, 7)) * 100 + Number(c.birthdate.slice(8, 10)) : null,
    gender: c.gender,
    type_id: c.type_id,
    source_id: c.source_id,
    responsible_id: c.responsible_id,
    company_id: pickCompany(c.company),
    created_at: c.created_at,
    updated_at: c.created_at,
    last_activity_at: c.last_activity_at,
  }));
  const pickContact = (n: number | null) => (n === null || n >= contact.length ? null : n + 1);
  const lead: Row[] = raw.leads.map((l: any, i: number) => ({
    id: i + 1,
    title: l.title || 'x',
    title_folded: fold(l.title || 'x'),
    status_semantic: l.status_semantic,
    converted: l.converted,
    amount: l.amount,
    source_id: l.source_id,
    contact_id: pickContact(l.contact),
    company_id: null,
    city_folded: null,
    created_at: l.created_at,
    updated_at: l.created_at,
    last_activity_at: null,
  }));
  const deal: Row[] = raw.deals.map((d: any, i: number) => {
    const stage = itemAt(keys.stages, d.stage);
    return {
      id: i + 1,
      title: 'd',
      title_folded: 'd',
      pipeline_id: stage.pipeline,
      stage_id: stage.id,
      stage_semantic: stage.semantic,
      amount: d.amount,
      currency: d.currency,
      contact_id: pickContact(d.contact),
      company_id: pickCompany(d.company),
      type_id: null,
      responsible_id: null,
      created_at: d.created_at,
      updated_at: d.created_at,
      closed_at: d.closed_at,
    };
  });
  const crm_order: Row[] = raw.orders.map((o: any, i: number) => ({
    id: i + 1,
    contact_id: pickContact(o.contact),
    company_id: pickCompany(o.company),
    paid: o.paid,
    total: o.total,
    created_at: o.created_at,
    updated_at: o.created_at,
  }));
  const product_row: Row[] = raw.rows
    .map((r: any) => {
      const owners = r.onDeal ? deal : crm_order;
      if (owners.length === 0) return null;
      const owner = itemAt(owners, r.owner % owners.length).id;
      return { product_id: keys.products[r.product], deal_id: r.onDeal ? owner : null, order_id: r.onDeal ? null : owner, quantity: r.quantity, price: r.price };
    })
    .filter(Boolean)
    .map((r: Row, i: number) => ({ id: i + 1, ...r }));
  const activity: Row[] = raw.activities.map((a: any, i: number) => ({
    id: i + 1,
    type: a.type,
    completed: a.completed,
    contact_id: pickContact(a.contact),
    company_id: pickCompany(a.company),
    lead_id: a.lead !== null && a.lead < lead.length ? a.lead + 1 : null,
    deal_id: null,
    created_at: a.created_at,
    updated_at: a.created_at,
  }));
  const tables = { contact, company, lead };
  const communication: Row[] = raw.comms
    .filter((c: any) => tables[c.owner as keyof typeof tables].length > 0)
    .map((c: any, i: number) => ({
      id: i + 1,
      channel: c.channel,
      value_type: 'WORK',
      value: `v${i}`,
      normalized: `v${i}`,
      contact_id: c.owner === 'contact' ? (c.index % contact.length) + 1 : null,
      company_id: c.owner === 'company' ? (c.index % company.length) + 1 : null,
      lead_id: c.owner === 'lead' ? (c.index % lead.length) + 1 : null,
      created_at: NOW.getTime(),
    }));
  const seen = new Set<string>();
  const custom_field_value: Row[] = [];
  for (const v of raw.custom) {
    const field = keys.customFields[v.field];
    if (!field) throw new Error(`the fixture keys have no custom field ${v.field}`);
    const owners = { contact, company, deal, lead }[v.field.split('.')[0] as 'contact'] ?? contact;
    if (owners.length === 0) continue;
    const record = (v.record % owners.length) + 1;
    const option = field.options.length ? field.options[v.pick % field.options.length] : null;
    const key = `${field.id}:${record}:${field.type === 'MULTI_LIST' ? option : ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const n = v.pick % 6;
    custom_field_value.push({
      id: custom_field_value.length + 1,
      field_id: field.id,
      record_id: record,
      string_value: field.type === 'STRING' ? ['Łódź', 'abc', 'Straße'][n % 3] : null,
      string_folded: field.type === 'STRING' ? fold(['Łódź', 'abc', 'Straße'][n % 3]) : null,
      number_value: field.type === 'NUMBER' ? n : null,
      date_value: field.type === 'DATE' ? new Date(NOW.getTime() - n * 30 * DAY).toISOString().slice(0, 10) : null,
      boolean_value: field.type === 'BOOLEAN' ? n % 2 === 0 : null,
      option_id: field.type === 'LIST' || field.type === 'MULTI_LIST' ? option : null,
    });
  }
  return { contact, company, lead, deal, crm_order, activity, product_row, communication, custom_field_value };
}

const INSERT_ORDER = ['company', 'contact', 'lead', 'deal', 'crm_order', 'product_row', 'activity', 'communication', 'custom_field_value'] as const;
const DATETIME = new Set(['created_at', 'updated_at', 'last_activity_at', 'closed_at']);
const BOOLEAN = new Set(['converted', 'paid', 'completed', 'boolean_value']);

/** A snapshot's value of `column` as the engine stores it (instants are ms in snapshots, booleans booleans). */
export function storedValue(db: Database, column: string, v: unknown): unknown {
  const sqlite = db.kind === 'sqlite';
  if (v === null || v === undefined) return null;
  if (DATETIME.has(column)) return sqlite ? v : new Date(v as number);
  if (BOOLEAN.has(column)) return sqlite ? (v ? 1 : 0) : v;
  return v;
}

/** Replaces the CRM rows with the dataset (reference data, users, fields stay). */
export async function loadDataset(db: Database, data: Snapshot): Promise<void> {
  const connection = db.orm.em.getConnection();
  for (const table of [...INSERT_ORDER].reverse()) await connection.execute(`DELETE FROM ${table}`);
  for (const table of INSERT_ORDER) {
    for (const row of data[table]) {
      const columns = Object.keys(row);
      const values = columns.map((c) => storedValue(db, c, row[c]));
      await connection.execute(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`, values);
    }
  }
}
