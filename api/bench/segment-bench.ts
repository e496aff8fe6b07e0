import { firstRow } from '../src/lib/indexed';
import type { Database } from '../src/db/orm';
import { postJson } from './http';
import { referenceSegments } from './segments';
import { median, timeIt } from './timing';

/** Count and first page of each reference segment: API over HTTP next to the hand-written SQL. */
export async function benchSegments(db: Database, url: string, runs: number): Promise<number> {
  const connection = db.orm.em.getConnection();
  const now = new Date();
  let over = 0;
  console.log(['segment'.padEnd(46), 'what'.padEnd(6), 'matches'.padStart(9), 'SQL ms'.padStart(9), 'API ms'.padStart(9), 'ratio'.padStart(7), ' budget'].join(' '));
  for (const segment of await referenceSegments(db, now)) {
    const table = segment.list === 'contacts' ? 'contact' : 'lead';
    const sqlCount = async () => Number(firstRow((await connection.execute(`SELECT COUNT(*) AS n FROM ${table} c WHERE ${segment.sql}`, segment.params)) as Array<{ n: number }>).n);
    const sqlPage = async () => ((await connection.execute(`SELECT * FROM ${table} c WHERE ${segment.sql} ORDER BY c.id LIMIT 51`, segment.params)) as unknown[]).length;
    const api = (query: string, pick: (data: any) => number) => async () => {
      const body = (await postJson(url, { query, variables: { filter: segment.filter } })) as { data?: any; errors?: unknown[] };
      if (body.errors) throw new Error(`${segment.name}: ${JSON.stringify(body.errors)}`);
      return pick(body.data[segment.list]);
    };
    const apiCount = api(`query($filter: FilterGroupInput) { ${segment.list}(first: 0, filter: $filter) { totalCount } }`, (d) => d.totalCount);
    const apiPage = api(`query($filter: FilterGroupInput) { ${segment.list}(first: 50, filter: $filter) { edges { node { id createdAt } } } }`, (d) => d.edges.length);
    for (const [what, sql, viaApi] of [
      ['count', sqlCount, apiCount],
      ['page', sqlPage, apiPage],
    ] as const) {
      const s = await timeIt(sql, runs);
      const a = await timeIt(viaApi, runs);
      const [sqlMs, apiMs] = [median(s.ms), median(a.ms)];
      const same = what === 'count' ? s.result === a.result : Math.min(s.result, 50) === a.result;
      const within = apiMs <= 1.3 * sqlMs + 5;
      if (!within || !same) over++;
      console.log(
        [
          segment.name.padEnd(46),
          what.padEnd(6),
          String(a.result).padStart(9),
          sqlMs.toFixed(1).padStart(9),
          apiMs.toFixed(1).padStart(9),
          (apiMs / sqlMs).toFixed(2).padStart(7),
          same ? (within ? ' ok' : ' OVER') : ` MISMATCH (SQL ${s.result})`,
        ].join(' '),
      );
    }
  }
  return over;
}
