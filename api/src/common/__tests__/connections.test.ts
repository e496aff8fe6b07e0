import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/databases';
import { startTestApi, type TestApi } from '../../../test/api';

const PAGE = `query($first: Int, $after: String, $last: Int, $before: String, $orderBy: CompanyOrder) {
  companies(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {
    totalCount
    edges { cursor node { title } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

interface Page {
  totalCount: number;
  edges: Array<{ cursor: string; node: { title: string } }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string; endCursor: string };
}

describe.each(engines)('connections on %s', (engine) => {
  let api: TestApi;
  const titles = ['Żabka', 'alpha', 'Ångström', 'Bravo', 'charlie', 'Delta', 'echo'];
  const page = async (vars: Record<string, unknown>): Promise<Page> => (await api.exec(PAGE, vars)).companies;

  beforeAll(async () => {
    api = await startTestApi(engine);
    const rows = titles.map((title, i) => ({ externalId: `co-${i}`, title, createdAt: new Date(Date.UTC(2024, 0, 10 - (i % 3))).toISOString() }));
    await api.exec(`mutation($rows: [CompanyInput!]!) { upsertCompanies(rows: $rows) { created } }`, { rows });
  });
  afterAll(async () => api?.close());

  it('pages forward by keyset to the end, with totalCount and page info', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const result: Page = await page({ first: 3, after });
      expect(result.totalCount).toBe(7);
      seen.push(...result.edges.map((e) => e.node.title));
      expect(result.pageInfo.hasPreviousPage).toBe(after !== null);
      pages++;
      if (!result.pageInfo.hasNextPage) break;
      after = result.pageInfo.endCursor;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(titles);
  });

  it('pages backward with last/before', async () => {
    const end = await page({ last: 2 });
    expect(end.edges.map((e) => e.node.title)).toEqual(['Delta', 'echo']);
    expect(end.pageInfo.hasPreviousPage).toBe(true);
    const before = await page({ last: 2, before: end.pageInfo.startCursor });
    expect(before.edges.map((e) => e.node.title)).toEqual(['Bravo', 'charlie']);
    expect(before.pageInfo.hasNextPage).toBe(true);
  });

  it('sorts by folded title and by date with the id breaking ties, in both directions', async () => {
    const byTitle = await page({ first: 10, orderBy: { field: 'TITLE', direction: 'ASC' } });
    expect(byTitle.edges.map((e) => e.node.title)).toEqual(['alpha', 'Bravo', 'charlie', 'Delta', 'echo', 'Ångström', 'Żabka']);
    const desc = await page({ first: 4, orderBy: { field: 'CREATED_AT', direction: 'DESC' } });
    const rest = await page({ first: 4, after: desc.pageInfo.endCursor, orderBy: { field: 'CREATED_AT', direction: 'DESC' } });
    // created: the 10th for rows 0, 3, 6; the 9th for 1, 4; the 8th for 2, 5. DESC by date, then id DESC.
    expect([...desc.edges, ...rest.edges].map((e) => e.node.title)).toEqual(['echo', 'Bravo', 'Żabka', 'charlie', 'alpha', 'Delta', 'Ångström']);
  });

  it('keeps cursors stable while rows are inserted before them', async () => {
    const first = await page({ first: 2 });
    await api.exec(`mutation { createCompany(input: { title: "Newcomer" }) { errors { code } } }`);
    const next = await page({ first: 2, after: first.pageInfo.endCursor });
    expect(next.edges.map((e) => e.node.title)).toEqual(['Ångström', 'Bravo']);
  });

  it('answers a forged cursor of the wrong kind for the sort, or with a key out of range, with a typed error (was an internal error)', async () => {
    const forge = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const cases: Array<[unknown, string]> = [
      [["'", 1], 'CREATED_AT'], // a text where a timestamp is sorted: PostgreSQL refused it
      [[1e308, 1], 'UPDATED_AT'], // beyond the Date range: SQLite got NaN in its SQL
      [[5, 1], 'TITLE'],
      [['x', 2147483648], 'TITLE'], // a key beyond PostgreSQL's integer
      [[1, -2147483649], 'ID'],
    ];
    for (const [cursor, field] of cases) {
      const result = await api.execRaw(PAGE, { first: 2, after: forge(cursor), orderBy: { field, direction: 'DESC' } });
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(cursor)).toBe('BAD_USER_INPUT');
      expect((result.errors?.[0]?.extensions as any).problems).toEqual([{ path: ['after'], code: 'INVALID', message: expect.stringMatching(/not a cursor/) }]);
    }
    // A cursor the list gave out still works.
    const first = await page({ first: 1, orderBy: { field: 'CREATED_AT', direction: 'DESC' } });
    expect((await page({ first: 1, after: first.pageInfo.endCursor, orderBy: { field: 'CREATED_AT', direction: 'DESC' } })).edges).toHaveLength(1);
  });

  it('answers a bad cursor or page size with a typed error, not a crash', async () => {
    const bad = await api.execRaw(PAGE, { first: 2, after: 'garbage' });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ path: ['after'], code: 'INVALID' }] });
    const big = await api.execRaw(PAGE, { first: 100000 });
    expect(big.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ path: ['first'], code: 'INVALID' }] });
    expect(JSON.stringify(big.errors)).not.toMatch(/stack|select|SQL/i);
  });
});
