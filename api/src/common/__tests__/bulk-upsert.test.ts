import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/databases';
import { startTestApi, type TestApi } from '../../../test/api';

const UPSERT = `mutation($rows: [ContactInput!]!) {
  upsertContacts(rows: $rows) {
    created updated failed
    results { index externalId status contact { id firstName lastName company { title } communications { normalized } } errors { path code message } }
  }
}`;

describe.each(engines)('bulk upsert on %s', (engine) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(engine, { defaultPhoneRegion: 'BR', maxBulkRows: 3000 });
    await api.exec(`mutation { upsertCompanies(rows: [{ externalId: "co-1", title: "Padaria São João" }]) { created } }`);
  });
  afterAll(async () => api?.close());

  it('stores the good rows and reports each bad row with its index, path and code', async () => {
    const rows = [
      { externalId: 'c-1', firstName: 'João', lastName: 'Silva', companyExternalId: 'co-1', communications: [{ channel: 'PHONE', value: '(11) 91234-5678' }] },
      { externalId: 'c-2', firstName: 'Maria', communications: [{ channel: 'EMAIL', value: 'maria@@example' }] },
      { firstName: 'No external id' },
      { externalId: 'c-4', lastName: 'Nguyễn', companyExternalId: 'missing-company' },
      { externalId: 'c-1', firstName: 'Duplicate in batch' },
      { externalId: 'c-6', firstName: 'Trần', lastName: 'Thị Hoa' },
    ];
    const { upsertContacts: result } = await api.exec(UPSERT, { rows });
    expect([result.created, result.updated, result.failed]).toEqual([2, 0, 4]);
    expect(result.results.map((r: { status: string }) => r.status)).toEqual(['CREATED', 'FAILED', 'FAILED', 'FAILED', 'FAILED', 'CREATED']);
    expect(result.results[0].contact).toMatchObject({ firstName: 'João', company: { title: 'Padaria São João' }, communications: [{ normalized: '+5511912345678' }] });
    const problems = result.results.flatMap((r: { errors: Array<{ path: string[]; code: string }> }) => r.errors.map((e) => [e.path.join('.'), e.code]));
    expect(problems).toEqual([
      ['rows.1.communications.0.value', 'INVALID_EMAIL'],
      ['rows.2.externalId', 'REQUIRED'],
      ['rows.3.companyExternalId', 'NOT_FOUND'],
      ['rows.4.externalId', 'DUPLICATE'],
    ]);
    const stored = await api.exec(`{ contacts(first: 10) { totalCount edges { node { externalId } } } }`);
    expect(stored.contacts.edges.map((e: { node: { externalId: string } }) => e.node.externalId)).toEqual(['c-1', 'c-6']);
  });

  it('updates rows matched on externalId, keeping what a row leaves out', async () => {
    const { upsertContacts: result } = await api.exec(UPSERT, {
      rows: [
        { externalId: 'c-1', lastName: 'Silva Santos' },
        { externalId: 'c-7', firstName: 'Piotr' },
      ],
    });
    expect([result.created, result.updated, result.failed]).toEqual([1, 1, 0]);
    expect(result.results[0].contact).toMatchObject({ firstName: 'João', lastName: 'Silva Santos', communications: [{ normalized: '+5511912345678' }] });
  });

  it('takes thousands of rows in one call', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => ({
      externalId: `bulk-${i}`,
      firstName: `Name ${i}`,
      companyExternalId: 'co-1',
      communications: [{ channel: 'EMAIL', value: `person${i}@example.com` }],
    }));
    const { upsertContacts: result } = await api.exec(`mutation($rows: [ContactInput!]!) { upsertContacts(rows: $rows) { created updated failed } }`, { rows });
    expect(result).toEqual({ created: 2000, updated: 0, failed: 0 });
    const count = await api.exec(`{ contacts(first: 0) { totalCount } }`);
    expect(count.contacts.totalCount).toBe(2003);
  });

  it('replaces the children of every row of a batch, and only of the rows that give them', async () => {
    await api.exec(`mutation { createCustomField(input: { entity: CONTACT, code: "UF_TIER", label: "Tier", type: STRING }) { errors { code } } }`);
    await api.exec(`mutation { upsertContacts(rows: [
      { externalId: "k-1", lastName: "Um", communications: [{ channel: EMAIL, value: "um@example.com" }], customFields: [{ code: "UF_TIER", string: "gold" }] },
      { externalId: "k-2", lastName: "Dois", communications: [{ channel: EMAIL, value: "dois@example.com" }], customFields: [{ code: "UF_TIER", string: "silver" }] },
      { externalId: "k-3", lastName: "Três", communications: [{ channel: EMAIL, value: "tres@example.com" }] }
    ]) { created } }`);
    const { upsertContacts: result } = await api.exec(`mutation { upsertContacts(rows: [
      { externalId: "k-1", communications: [{ channel: PHONE, value: "+5511912340000" }] },
      { externalId: "k-2", communications: [], customFields: [{ code: "UF_TIER" }] },
      { externalId: "k-3", lastName: "Tres" }
    ]) { updated results { contact { lastName communications { normalized } customFields { code string } } } } }`);
    expect(result.updated).toBe(3);
    expect(result.results.map((r: any) => r.contact)).toEqual([
      { lastName: 'Um', communications: [{ normalized: '+5511912340000' }], customFields: [{ code: 'UF_TIER', string: 'gold' }] },
      { lastName: 'Dois', communications: [], customFields: [] },
      { lastName: 'Tres', communications: [{ normalized: 'tres@example.com' }], customFields: [] },
    ]);
  });

  it('refuses a batch over the configured size with a typed error', async () => {
    const rows = Array.from({ length: 3001 }, (_, i) => ({ externalId: `x-${i}`, firstName: 'X' }));
    const { upsertContacts: result } = await api.exec(UPSERT, { rows });
    expect(result.results[0].errors[0]).toMatchObject({ code: 'TOO_MANY', path: ['rows'] });
  });

  it('upserts deals into a pipeline stage by code, copying the stage semantic', async () => {
    const data = await api.exec(`mutation {
      upsertDeals(rows: [
        { externalId: "d-1", title: "Membership", contactExternalId: "c-1", stageCode: "WON", amount: 1200, currency: "brl" },
        { externalId: "d-2", title: "Bad stage", contactExternalId: "c-1", stageCode: "NOPE" }
      ]) { created failed results { deal { stageSemantic currency stage { code } pipeline { isDefault } } errors { path code } } }
    }`);
    expect(data.upsertDeals.created).toBe(1);
    expect(data.upsertDeals.results[0].deal).toEqual({ stageSemantic: 'WON', currency: 'BRL', stage: { code: 'WON' }, pipeline: { isDefault: true } });
    expect(data.upsertDeals.results[1].errors).toEqual([{ path: ['rows', '1', 'stageCode'], code: 'NOT_FOUND' }]);
  });
});
