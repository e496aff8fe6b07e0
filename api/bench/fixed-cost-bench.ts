import fs from 'node:fs';
import { keyOf } from '../src/common/global-id';
import { firstRow, itemAt } from '../src/lib/indexed';
import type { Database } from '../src/db/orm';
import type { Window } from './cpu-profile';
import { postJson } from './http';
import { median, medianDifference, timeInterleaved } from './timing';

/**
 * The fixed cost of a request: what the API adds to the SQL for questions the database answers in
 * about a millisecond, where everything but the SQL is overhead (credential, limits, cost
 * analysis, single flight, ORM, resolvers, serialisation, HTTP). Two such questions, each asked
 * of the API over HTTP (production build, real API token, every limit on), of the hand-written
 * SQL through the same driver, of the HTTP floor (http-floor.js: Node's http server and pg, running
 * the same SQL, on PostgreSQL), and optionally of PostGraphile + connection-filter on the same
 * database; interleaved round by round.
 *
 * Budget: what the API adds beyond the floor ≤ 2 ms (median of the round-by-round differences),
 * and ahead of PostGraphile when it runs. The floor is measured, not assumed: on these machines a
 * bare Node server answering the same SQL over loopback HTTP already takes 1.5–2 ms more than the
 * SQL alone (two HTTP stacks and a round trip on 2 shared cores), which no server avoids. Where
 * there is no floor (SQLite), the budget is API ≤ SQL + 2 ms. Beside the wall times, each server's CPU
 * time per request (the cost that load elsewhere on shared cores does not inflate).
 */
export const FIXED_COST_BUDGET_MS = 2;

interface Question {
  name: string;
  api: { query: string; variables?: Record<string, unknown>; answer(data: any): string };
  sql: { text: string; params: unknown[]; answer(rows: Array<Record<string, unknown>>): string };
  postgraphile: { query: string; answer(data: any): string };
}

/**
 * Rounds before the timed ones (see timeInterleaved). After 200, V8 was still optimising the API's
 * code: its compiler threads used 0.29 ms of CPU per request over the next 3,000 requests and 0.05
 * after, which the CPU column counted as the cost of a request (PostGraphile, with less code, was
 * warm sooner). A server that has been up for a minute is past that.
 */
export const WARM_ROUNDS = 2000;

const PAGE_FIELDS = 'id firstName lastName city createdAt';

/** A first page of 50 contacts in id order, and the `city = Kraków` preview count. */
export const QUESTIONS: Question[] = [
  {
    name: 'first page of 50 contacts',
    api: {
      query: `{ contacts(first: 50) { edges { cursor node { ${PAGE_FIELDS} } } pageInfo { hasNextPage endCursor } } }`,
      answer: (data) => data.contacts.edges.map((e: any) => keyOf(e.node.id, 'Contact')).join(','),
    },
    sql: {
      text: 'select id, first_name, last_name, city, created_at from contact order by id limit 51',
      params: [],
      answer: (rows) =>
        rows
          .slice(0, 50)
          .map((r) => String(r.id))
          .join(','),
    },
    postgraphile: {
      query: `{ allContacts(first: 50, orderBy: PRIMARY_KEY_ASC) { edges { cursor node { ${PAGE_FIELDS} } } pageInfo { hasNextPage endCursor } } }`,
      answer: (data) => data.allContacts.edges.map((e: any) => String(e.node.id)).join(','),
    },
  },
  {
    name: 'count city = Kraków (preview)',
    api: {
      query: 'query($input: SegmentDefinitionInput!) { previewSegment(input: $input) { errors { code } memberCount { value } } }',
      variables: { input: { source: 'CLIENTS', clientType: 'CONTACT', filter: { combinator: 'AND', rules: [{ rule: { field: 'client.city', operator: 'EQ', value: { string: 'Kraków' } } }] } } },
      answer: (data) => String(data.previewSegment.memberCount?.value ?? JSON.stringify(data.previewSegment.errors)),
    },
    sql: { text: 'select count(*) as n from contact c where c.city_folded = ?', params: ['kraków'], answer: (rows) => String(firstRow(rows).n) },
    postgraphile: { query: '{ allContacts(filter: { cityFolded: { equalTo: "kraków" } }) { totalCount } }', answer: (data) => String(data.allContacts.totalCount) },
  },
  {
    name: 'count city = Kraków (list)',
    api: {
      query: '{ contacts(first: 0, filter: { rules: [{ rule: { field: "client.city", operator: EQ, value: { string: "Kraków" } } }] }) { totalCount } }',
      answer: (data) => String(data.contacts.totalCount),
    },
    sql: { text: 'select count(*) as n from contact c where c.city_folded = ?', params: ['kraków'], answer: (rows) => String(firstRow(rows).n) },
    postgraphile: { query: '{ allContacts(filter: { cityFolded: { equalTo: "kraków" } }) { totalCount } }', answer: (data) => String(data.allContacts.totalCount) },
  },
];

/** A server process as the table measures it: where it answers and how much CPU it has used. */
export interface Server {
  url: string;
  pid: number;
}

/**
 * CPU seconds a process has used (user + system, all threads), from /proc/<pid>/stat. On shared
 * cores a request's wall time includes waiting for a core; its CPU time does not, so the CPU per
 * request is the steadier figure of the fixed cost.
 */
function cpuSeconds(pid: number): number {
  // Fields after the command (which may contain spaces): state is the 3rd, utime the 14th, stime the 15th.
  const fields = fs
    .readFileSync(`/proc/${pid}/stat`, 'utf8')
    .replace(/^.*\) /s, '')
    .split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function ask(url: string, query: string, variables: Record<string, unknown> | undefined, anonymous: boolean): Promise<any> {
  const body = (await postJson(url, { query, variables }, { anonymous })) as { data?: unknown; errors?: unknown[] };
  if (body.errors) throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** Prints the table; returns how many questions miss the budget, lose to PostGraphile or answer differently. */
export async function benchFixedCost(db: Database, api: Server, rounds: number, postgraphile: Server | null, floor: Server | null): Promise<number> {
  const connection = db.orm.em.getConnection();
  const head = ['question'.padEnd(32), 'answer'.padStart(8), 'SQL ms'.padStart(8)];
  if (floor) head.push('floor ms'.padStart(8));
  head.push('API ms'.padStart(8), 'API−SQL'.padStart(8));
  if (floor) head.push('API−floor'.padStart(9));
  head.push('API CPU'.padStart(8));
  if (postgraphile) head.push('PostGraphile'.padStart(12), 'PG−SQL'.padStart(8), 'PG CPU'.padStart(8));
  console.log([...head, ' budget'].join(' '));
  let over = 0;
  for (const question of QUESTIONS) {
    const fns: Record<string, () => Promise<string>> = {
      sql: async () => question.sql.answer((await connection.execute(question.sql.text, question.sql.params)) as Array<Record<string, unknown>>),
      api: async () => question.api.answer(await ask(api.url, question.api.query, question.api.variables, false)),
    };
    if (floor)
      fns.floor = async () =>
        question.sql.answer(((await postJson(floor.url, { sql: question.sql.text, params: question.sql.params }, { anonymous: true })) as { rows: Array<Record<string, unknown>> }).rows);
    if (postgraphile) fns.postgraphile = async () => question.postgraphile.answer(await ask(postgraphile.url, question.postgraphile.query, undefined, true));
    // CPU is read for the API and PostGraphile (the floor's is not a figure of the table).
    const servers = [api, ...(postgraphile ? [postgraphile] : [])];
    let cpuBefore: number[] = [];
    const timed = await timeInterleaved(fns, rounds, WARM_ROUNDS, () => (cpuBefore = servers.map((s) => cpuSeconds(s.pid))));
    // Over the timed rounds only (warm-up compiles code on V8's other threads).
    const cpuMs = servers.map((s, i) => ((cpuSeconds(s.pid) - itemAt(cpuBefore, i)) * 1000) / rounds);
    const { sql: bySql, api: byApi } = timed;
    if (!bySql || !byApi) throw new Error(`${question.name}: the SQL or the API was not timed`);
    const answers = Object.values(timed).map((t) => t.result);
    const answer = bySql.result;
    const same = answers.every((a) => a === answer);
    const [sqlMs, apiMs] = [median(bySql.ms), median(byApi.ms)];
    const overSql = medianDifference(byApi.ms, bySql.ms);
    const overFloor = timed.floor ? medianDifference(byApi.ms, timed.floor.ms) : null;
    const row = [question.name.padEnd(32), (answer.includes(',') ? `${answer.split(',').length} rows` : answer).padStart(8), sqlMs.toFixed(2).padStart(8)];
    if (timed.floor) row.push(median(timed.floor.ms).toFixed(2).padStart(8));
    row.push(apiMs.toFixed(2).padStart(8), overSql.toFixed(2).padStart(8));
    if (overFloor !== null) row.push(overFloor.toFixed(2).padStart(9));
    row.push(itemAt(cpuMs, 0).toFixed(2).padStart(8));
    let ahead = true;
    if (timed.postgraphile) {
      const pgMs = median(timed.postgraphile.ms);
      ahead = apiMs < pgMs;
      row.push(pgMs.toFixed(2).padStart(12), medianDifference(timed.postgraphile.ms, bySql.ms).toFixed(2).padStart(8), itemAt(cpuMs, 1).toFixed(2).padStart(8));
    }
    const within = (overFloor ?? overSql) <= FIXED_COST_BUDGET_MS;
    const verdict = !same
      ? ` MISMATCH (${Object.entries(timed)
          .map(([k, t]) => `${k} ${t.result.slice(0, 40)}`)
          .join('; ')})`
      : !within
        ? ' OVER'
        : !ahead
          ? ' BEHIND PostGraphile'
          : ' ok';
    if (!same || !within || !ahead) over++;
    console.log([...row, verdict].join(' '));
  }
  return over;
}

/**
 * For a CPU profile of the API: asks it each question back to back for `ms` (one connection, as
 * the table does) and returns the time windows, on the clock V8's profiles use (cpu-profile.ts).
 */
export async function hammerEach(apiUrl: string, ms: number): Promise<Window[]> {
  const windows: Window[] = [];
  const nowUs = () => Number(process.hrtime.bigint() / 1000n);
  for (const question of QUESTIONS) {
    const fromUs = nowUs();
    let requests = 0;
    while (nowUs() - fromUs < ms * 1000) {
      question.api.answer(await ask(apiUrl, question.api.query, question.api.variables, false));
      requests++;
    }
    windows.push({ label: question.name, fromUs, toUs: nowUs(), requests });
  }
  return windows;
}
