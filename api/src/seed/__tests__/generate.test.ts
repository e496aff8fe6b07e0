import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDatabase } from '../../../test/databases';
import { fold } from '../../filter/language/fold';
import { firstRow } from '../../lib/indexed';
import { normalizeEmail, normalizeHandle, normalizePhone } from '../../communications/normalize';
import { Contact } from '../../contacts/contact.entity';
import type { Database } from '../../db/orm';
import { ensureDefaults, PARTIAL } from '../defaults';
import { seedCounts, seedDemoData } from '../generate';

const SCALE = 0.001;
const NOW = new Date('2026-11-01T00:00:00Z');
type Rows = Array<Record<string, unknown>>;
/** A reference item's or a stage's code and semantic (both text columns). */
interface Coded {
  code: string;
  semantic: string;
}

const sql = <R extends object = Rows[number]>(db: Database, query: string): Promise<R[]> => db.fork().getConnection().execute<R[]>(query);
const count = async (db: Database, query: string): Promise<number> => Number(firstRow(await sql(db, query)).n);

/** A hash of the first rows of a table, with engine types (Date, bigint strings) made comparable. */
async function fingerprint(db: Database, table: string): Promise<string> {
  const rows = await sql(db, `SELECT * FROM "${table}" ORDER BY id LIMIT 100`);
  const plain = rows.map((row) => Object.values(row).map((v) => (v instanceof Date ? v.getTime() : v)));
  return createHash('sha256').update(JSON.stringify(plain)).digest('hex');
}

describe.each(engines)('demo data on %s', (engine) => {
  describe('ensureDefaults', () => {
    let db: Database;
    let drop: () => Promise<void>;
    beforeAll(async () => ({ db, drop } = await freshDatabase(engine)));
    afterAll(async () => drop?.());

    it('creates the administrator, reference lists and default pipeline once', async () => {
      const tables = ['app_user', 'reference_item', 'pipeline', 'stage'];
      const first = await ensureDefaults(db);
      const counts = await Promise.all(tables.map((t) => count(db, `SELECT COUNT(*) AS n FROM ${t}`)));
      expect(await ensureDefaults(db)).toBe(first);
      expect(await Promise.all(tables.map((t) => count(db, `SELECT COUNT(*) AS n FROM ${t}`)))).toEqual(counts);
      expect(counts).toEqual([1, 4 + 5 + 5 + 11 + 11 + 5, 1, 7]);
      const statuses = await sql<Coded>(db, `SELECT code, semantic FROM reference_item WHERE list = 'LEAD_STATUS' ORDER BY sort`);
      expect(statuses.map((s) => `${s.code}:${s.semantic}`)).toEqual(['NEW:IN_PROGRESS', 'IN_PROCESS:IN_PROGRESS', 'PROCESSED:IN_PROGRESS', 'CONVERTED:CONVERTED', 'JUNK:JUNK']);
      const stages = await sql<Coded>(db, `SELECT code, semantic FROM stage ORDER BY sort`);
      expect(stages.filter((s) => s.semantic !== 'IN_PROGRESS').map((s) => `${s.code}:${s.semantic}`)).toEqual(['WON:WON', 'LOSE:LOST']);
    });
  });

  describe(`seedDemoData at S=${SCALE}`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    beforeAll(async () => {
      ({ db, drop } = await freshDatabase(engine));
      await seedDemoData(db, { scale: SCALE, seed: 42, now: NOW });
    });
    afterAll(async () => drop?.());

    it('creates the scaled number of rows', async () => {
      const c = seedCounts(SCALE);
      const expected: Record<string, number> = {
        contact: c.contacts,
        company: c.companies,
        deal: c.deals,
        communication: c.communications,
        lead: c.leads,
        product_row: c.productRows,
        crm_order: c.orders,
        activity: c.activities,
        product: c.products,
        app_user: c.users + 1,
        pipeline: 3,
      };
      expect(expected.contact).toBe(1000);
      for (const [table, n] of Object.entries(expected)) expect(await count(db, `SELECT COUNT(*) AS n FROM ${table}`), table).toBe(n);
    });

    it('fills every folded column with fold() of the original', async () => {
      const pairs: Array<[string, string]> = [
        ['contact', 'first_name'],
        ['contact', 'last_name'],
        ['contact', 'city'],
        ['contact', 'country'],
        ['company', 'title'],
        ['company', 'city'],
        ['company', 'country'],
        ['lead', 'title'],
        ['lead', 'first_name'],
        ['lead', 'last_name'],
        ['lead', 'city'],
        ['deal', 'title'],
        ['product', 'name'],
        ['app_user', 'name'],
      ];
      for (const [table, column] of pairs) {
        const rows = await sql(db, `SELECT ${column} AS v, ${column}_folded AS f FROM ${table}`);
        expect(
          rows.filter((r) => r.f !== fold(r.v as string | null)),
          `${table}.${column}`,
        ).toEqual([]);
      }
      const strings = await sql(db, `SELECT string_value AS v, string_folded AS f FROM custom_field_value WHERE string_value IS NOT NULL`);
      expect(strings.length).toBeGreaterThan(0);
      expect(strings.filter((r) => r.f !== fold(r.v as string))).toEqual([]);
    });

    it('writes text in several scripts', async () => {
      const names = (await sql(db, `SELECT last_name AS v FROM contact`)).map((r) => r.v as string).join(' ');
      expect(names).toMatch(/[а-яё]/i);
      expect(names).toMatch(/[łśżźćńąę]/i);
      expect(names).toMatch(/[ễạộũặđ]/i);
    });

    it('keeps the copied semantics of deals and leads in step with their stage and status', async () => {
      expect(await count(db, `SELECT COUNT(*) AS n FROM deal d JOIN stage s ON s.id = d.stage_id WHERE d.stage_semantic <> s.semantic OR s.pipeline_id <> d.pipeline_id`)).toBe(0);
      expect(await count(db, `SELECT COUNT(*) AS n FROM lead l JOIN reference_item r ON r.id = l.status_id WHERE l.status_semantic <> r.semantic`)).toBe(0);
      expect(await count(db, `SELECT COUNT(*) AS n FROM lead WHERE status_id IS NULL`)).toBe(0);
      expect(await count(db, `SELECT COUNT(*) AS n FROM deal WHERE contact_id IS NULL AND company_id IS NULL`)).toBe(0);
      const semantics = await sql(db, `SELECT DISTINCT stage_semantic AS s FROM deal ORDER BY 1`);
      expect(semantics.map((r) => r.s)).toEqual(['IN_PROGRESS', 'LOST', 'WON']);
    });

    it('derives the birthday MMDD from the birthdate', async () => {
      const rows = await sql(db, `SELECT birthdate AS b, birth_month_day AS md FROM contact`);
      const withDate = rows.filter((r) => r.b !== null);
      expect(withDate.length / rows.length).toBeGreaterThan(0.7);
      for (const r of rows) {
        const text = r.b instanceof Date ? r.b.toISOString().slice(0, 10) : (r.b as string | null);
        expect(r.md === null ? null : Number(r.md)).toBe(text === null ? null : Number(text.slice(5, 7)) * 100 + Number(text.slice(8, 10)));
      }
    });

    it('stores addresses with the normalised form the API would compute', async () => {
      const rows = await sql(db, `SELECT channel, value, normalized FROM communication`);
      const expected = (r: Rows[number]) => {
        const raw = r.value as string;
        const result = r.channel === 'PHONE' ? normalizePhone(raw, 'US') : r.channel === 'EMAIL' ? normalizeEmail(raw) : normalizeHandle(raw);
        return result.ok ? result.value : `invalid: ${raw}`;
      };
      expect(rows.filter((r) => expected(r) !== r.normalized)).toEqual([]);
      expect(rows.filter((r) => r.channel === 'PHONE').every((r) => /^\+[1-9]\d{7,14}$/.test(r.normalized as string))).toBe(true);
      expect(new Set(rows.map((r) => r.channel))).toEqual(new Set(['EMAIL', 'PHONE', 'IM']));
      expect(rows.some((r) => r.value !== r.normalized)).toBe(true);
    });

    it('shares some addresses between different records and stops about 1% of them', async () => {
      const shared = await count(db, `SELECT COUNT(*) AS n FROM (SELECT channel, normalized FROM communication GROUP BY channel, normalized HAVING COUNT(*) > 1) d`);
      expect(shared).toBeGreaterThan(0);
      const stopped = await count(db, `SELECT COUNT(*) AS n FROM stop_list_entry s WHERE EXISTS (SELECT 1 FROM communication c WHERE c.channel = s.channel AND c.normalized = s.address)`);
      expect(stopped).toBe(await count(db, `SELECT COUNT(*) AS n FROM stop_list_entry`));
      expect(stopped).toBeGreaterThan(10);
      expect(await count(db, `SELECT COUNT(DISTINCT reason) AS n FROM stop_list_entry`)).toBeGreaterThan(1);
    });

    it('gives segments something to find: companies, clients without deals, repeat leads, inactive contacts', async () => {
      const share = async (where: string, table = 'contact') => (await count(db, `SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`)) / (await count(db, `SELECT COUNT(*) AS n FROM ${table}`));
      expect(await share('company_id IS NOT NULL')).toBeGreaterThan(0.6);
      expect(await share('company_id IS NOT NULL')).toBeLessThan(0.8);
      expect(await share('id NOT IN (SELECT contact_id FROM deal WHERE contact_id IS NOT NULL)')).toBeGreaterThan(0.1);
      const cutoff = db.kind === 'sqlite' ? String(NOW.getTime() - 90 * 86_400_000) : `'${new Date(NOW.getTime() - 90 * 86_400_000).toISOString()}'`;
      expect(await share(`last_activity_at < ${cutoff}`)).toBeGreaterThan(0.15);
      expect(await share('contact_id IS NOT NULL OR company_id IS NOT NULL', 'lead')).toBeGreaterThan(0.05);
      expect(await share('id NOT IN (SELECT lead_id FROM communication WHERE lead_id IS NOT NULL)', 'lead')).toBeGreaterThan(0.03);
      expect(await count(db, `SELECT COUNT(DISTINCT field_id) AS n FROM custom_field_value`)).toBe(7);
      expect(await count(db, `SELECT COUNT(DISTINCT responsible_id) AS n FROM contact`)).toBeGreaterThan(2);
    });

    it('refuses to seed a CRM that has data, and leaves the ORM able to add records', async () => {
      await expect(seedDemoData(db, { scale: SCALE, now: NOW })).rejects.toThrow(/not empty/);
      const em = db.fork();
      const contact = em.create(Contact, { firstName: 'Zoë', lastName: 'Ng', createdAt: NOW, updatedAt: NOW }, PARTIAL);
      await em.flush();
      expect(contact.key).toBe(1001);
    });

    it('generates the same data for the same seed, and other data for another', async () => {
      const tables = ['contact', 'company', 'communication', 'deal', 'lead', 'custom_field_value'];
      const ours = await Promise.all(tables.map((t) => fingerprint(db, t)));
      for (const seed of [42, 7]) {
        const other = await freshDatabase(engine);
        try {
          await seedDemoData(other.db, { scale: SCALE, seed, now: NOW });
          const theirs = await Promise.all(tables.map((t) => fingerprint(other.db, t)));
          if (seed === 42) expect(theirs).toEqual(ours);
          else theirs.forEach((hash, i) => expect(hash, tables[i]).not.toBe(ours[i]));
        } finally {
          await other.drop();
        }
      }
    });
  });
});
