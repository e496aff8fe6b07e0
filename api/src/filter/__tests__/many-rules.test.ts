import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/api';
import { engines } from '../../../test/databases';
import { FENCE_AFTER, fenceSubqueries } from '../sql/plan-fence';

/**
 * Filters with many rules on related records (found by the attack tests): on PostgreSQL, 150
 * rules on a contact's company took over a minute to plan (the semi-joins made one huge join
 * problem). Past a dozen subqueries they are fenced; the answer stays the same.
 */
describe.each(engines)('many rules on related records on %s', (engine) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(engine);
    const companies = Array.from({ length: 30 }, (_, i) => ({ externalId: `co${i}`, title: `Co ${i}`, revenue: i, typeCode: i % 3 ? 'CUSTOMER' : null }));
    await api.exec(`mutation($rows: [CompanyInput!]!) { upsertCompanies(rows: $rows) { failed } }`, { rows: companies });
    const contacts = Array.from({ length: 90 }, (_, i) => ({ externalId: `c${i}`, lastName: `C ${i}`, companyExternalId: i % 4 ? `co${i % 30}` : null }));
    await api.exec(`mutation($rows: [ContactInput!]!) { upsertContacts(rows: $rows) { failed } }`, { rows: contacts });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('150 rules on the company answer within seconds, and the count is right', async () => {
    const rules = [
      ...Array.from({ length: 120 }, () => ({ rule: { field: 'company.type', operator: 'IS_NOT_EMPTY' } })),
      ...Array.from({ length: 30 }, (_, i) => ({ rule: { field: 'company.revenue', operator: 'NEQ', value: { number: 100 + i } } })),
      { rule: { field: 'company.revenue', operator: 'LT', value: { number: 20 } } },
    ];
    const started = Date.now();
    const result = await api.exec(`query($f: FilterGroupInput) { contacts(filter: $f, first: 500) { totalCount edges { node { lastName } } } }`, { f: { rules } });
    expect(Date.now() - started).toBeLessThan(5000);
    // Contacts with a company whose type is set and whose revenue is under 20.
    const [row] = await api.db.orm.em
      .getConnection()
      .execute<Array<{ n: number | string }>>(`SELECT COUNT(*) AS n FROM contact m JOIN company c ON c.id = m.company_id WHERE c.type_id IS NOT NULL AND c.revenue < 20`);
    expect(result.contacts.totalCount).toBe(Number(row.n));
    expect(result.contacts.edges).toHaveLength(Number(row.n));
    expect(Number(row.n)).toBeGreaterThan(0);
  });
});

describe('fencing subqueries', () => {
  const semi = (i: number) => `m.id IN (SELECT v.record_id FROM v WHERE v.x = ${i} AND v.s LIKE ? ESCAPE '\\')`;
  it('leaves a dozen alone, fences more, and is idempotent', () => {
    const few = Array.from({ length: FENCE_AFTER }, (_, i) => semi(i)).join(' AND ');
    expect(fenceSubqueries(few)).toBe(few);
    const many = `${Array.from({ length: FENCE_AFTER + 1 }, (_, i) => semi(i)).join(' AND ')} AND NOT EXISTS (SELECT 1 FROM r WHERE r.a IN (SELECT b FROM t))`;
    const fenced = fenceSubqueries(many);
    expect(fenced.match(/OFFSET 0\)/g)).toHaveLength(FENCE_AFTER + 3);
    expect(fenced).toContain(`ESCAPE '\\' OFFSET 0)`);
    expect(fenceSubqueries(fenced)).toBe(fenced);
  });
});
