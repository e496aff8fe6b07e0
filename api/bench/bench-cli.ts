/**
 * `npm run bench -- --scale S [--runs N] [--only fixed,cases,segments,audiences,import,export]
 * [--postgraphile] [--profile]`: first the fixed cost of a request (fixed-cost-bench.ts: a cheap
 * page and a cheap count, API over HTTP as `npm start` runs it against the SQL, interleaved;
 * `--postgraphile` adds PostGraphile on PostgreSQL, `--profile` a CPU profile of the API while it
 * answers them), then times operations through the GraphQL API (over HTTP, as a client calls it) next to the hand-written SQL
 * that answers the same question through the same driver, and prints medians and the ratio against
 * the budget API ≤ 1.3 × SQL + 5 ms; then the static import (< 5 s for 100,000 lines) and the CSV
 * export (> 50,000 rows/s, API process under 300 MB). Seeds DATABASE_URL at scale S first when it
 * has no contacts. Exits with 1 when a figure misses its budget or an answer differs.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../src/app';
import { TOKEN_SCOPES } from '../src/auth/actor';
import { issueApiToken } from '../src/auth/api-token.service';
import { itemAt } from '../src/lib/indexed';
import { loadConfig } from '../src/config/config';
import { Contact } from '../src/contacts/contact.entity';
import type { Database } from '../src/db/orm';
import { openDatabase, prepareDatabase } from '../src/database';
import { ensureDefaults } from '../src/seed/defaults';
import { seedDemoData } from '../src/seed/generate';
import { startApiProcess } from './api-process';
import { benchMembership } from './membership-bench';
import { benchMaintainedWrites } from './maintained-writes-bench';
import { benchAudiences } from './audience-bench';
import { benchCases } from './cases';
import { summariseProfile } from './cpu-profile';
import { benchExport } from './export-bench';
import { benchFixedCost, FIXED_COST_BUDGET_MS, hammerEach, WARM_ROUNDS } from './fixed-cost-bench';
import { postJson, useApiToken } from './http';
import { benchImport } from './import-bench';
import { startHttpFloor } from './http-floor-process';
import { startPostGraphile } from './postgraphile';
import { benchSegments } from './segment-bench';
import { median, printHeader, timeIt } from './timing';

const PARTS = ['fixed', 'cases', 'segments', 'audiences', 'membership', 'writes', 'import', 'export'];

interface Args {
  scale: number;
  runs: number;
  only: string[];
  postgraphile: boolean;
  profile: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { scale: 0.01, runs: 7, only: PARTS, postgraphile: false, profile: false };
  const usage = () => new Error(`Usage: bench [--scale S] [--runs N] [--only ${PARTS.join(',')}] [--postgraphile] [--profile] (got "${argv.join(' ')}")`);
  for (let i = 0; i < argv.length; i++) {
    const [flag = '', inline] = itemAt(argv, i).split('=', 2);
    if ((flag === '--postgraphile' || flag === '--profile') && inline === undefined) {
      args[flag.slice(2) as 'postgraphile' | 'profile'] = true;
      continue;
    }
    const raw = inline ?? argv[++i] ?? '';
    if (flag === '--only') {
      args.only = raw.split(',');
      if (!args.only.every((part) => PARTS.includes(part))) throw usage();
      continue;
    }
    const value = Number(raw);
    if (!['--scale', '--runs'].includes(flag) || !Number.isFinite(value) || value <= 0) throw usage();
    args[flag.slice(2) as 'scale' | 'runs'] = value;
  }
  return args;
}

async function main(): Promise<void> {
  // Every figure is asked with one token, thousands of times: the bench measures the API, not its
  // rate limit (which still counts each request, as in the fixed-cost part's own process).
  const config = loadConfig({ RATE_LIMIT_POINTS: String(1_000_000_000), ...process.env });
  const { scale, runs, only, postgraphile, profile } = parseArgs(process.argv.slice(2));
  const db = await openDatabase(config.databaseUrl);
  await prepareDatabase(db);
  const adminKey = await ensureDefaults(db);
  if ((await db.fork().count(Contact, {})) === 0) {
    console.log(`seeding scale ${scale}…`);
    await seedDemoData(db, { scale });
  }
  const app = await createApp(db, config);
  useApiToken((await issueApiToken(db.fork(), adminKey, { name: 'bench', scopes: TOKEN_SCOPES })).secret);
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}/graphql`;
  const connection = db.orm.em.getConnection();

  let over = 0;
  if (only.includes('fixed')) {
    console.log(
      `engine ${db.kind}: fixed cost of a request, ${fixedCostRounds(runs)} interleaved rounds after ${WARM_ROUNDS} warm-up rounds (API as \`npm start\` runs it; budget API − HTTP floor (PostgreSQL; SQLite: API − SQL) ≤ ${FIXED_COST_BUDGET_MS} ms${postgraphile ? ', and ahead of PostGraphile' : ''}):`,
    );
    over += await runFixedCost(db, config.databaseUrl, runs, { postgraphile, profile });
  }
  if (only.some((part) => part !== 'fixed')) console.log(`\nengine ${db.kind}, median of ${runs} runs per figure after up to 10 warm-up runs (2 s)`);
  if (only.includes('cases')) console.log(['case'.padEnd(34), 'rows'.padStart(9), 'SQL ms'.padStart(9), 'API ms'.padStart(9), 'ratio'.padStart(7), ' budget'].join(' '));
  for (const bench of only.includes('cases') ? await benchCases(db) : []) {
    const sql = async () => (await connection.execute(bench.sql, bench.params)).length;
    const api = async () => {
      const body = (await postJson(url, { query: bench.query, variables: bench.variables })) as { data?: unknown; errors?: unknown[] };
      if (body.errors) throw new Error(`${bench.name}: ${JSON.stringify(body.errors)}`);
      return bench.rowsOf(body.data);
    };
    const sqlTimes = await timeIt(sql, runs);
    const apiTimes = await timeIt(api, runs);
    const sqlMs = median(sqlTimes.ms);
    const apiMs = median(apiTimes.ms);
    const within = apiMs <= 1.3 * sqlMs + 5;
    if (!within) over++;
    console.log(
      [bench.name.padEnd(34), String(apiTimes.result).padStart(9), sqlMs.toFixed(2).padStart(9), apiMs.toFixed(2).padStart(9), (apiMs / sqlMs).toFixed(2).padStart(7), within ? ' ok' : ' OVER'].join(
        ' ',
      ),
    );
  }
  if (only.includes('segments')) {
    console.log('\nreference segments (count and first page of 50):');
    over += await benchSegments(db, url, runs);
  }
  if (only.includes('audiences')) {
    console.log('\nreference segments saved (createSegment), member and e-mail recipient pages of 50 (p1000: after the 49,950th):');
    printHeader();
    over += await benchAudiences(db, url, runs);
  }
  if (only.includes('membership')) {
    console.log('\nmaintained membership (each reference segment saved and built; counts and page 1 read from it, next to live: true and the hand-written SQL):');
    over += await benchMembership(db, config, url, runs);
  }
  if (only.includes('writes')) {
    console.log('\nwrites with maintained segments (bulk upserts over HTTP; the maintainer runs beside, as npm start runs it):');
    over += await benchMaintainedWrites(db, config, url);
  }
  if (only.includes('import')) {
    console.log('\nstatic import (importStaticSegment, one call over HTTP, fresh segment each run):');
    over += await benchImport(url, config.defaultPhoneRegion, 3);
  }
  await app.apollo.stop();
  if (only.includes('export')) {
    console.log('\nCSV export of all client e-mail recipients (Segment.exportUrl; the API built and started as a process of its own):');
    over += await benchExport(db, config.databaseUrl, runs);
  }
  await db.close();
  if (over) {
    console.log(`${over} figure(s) over the budget or mismatched`);
    process.exitCode = 1;
  }
}

/** Cheap questions are timed over many rounds: a millisecond figure needs many samples on shared cores. */
const fixedCostRounds = (runs: number) => Math.max(runs, 300);

/**
 * The fixed-cost part: the API built and started as its own process, as in production
 * (NODE_ENV=production; the bench process is only the client), every limit on. Its rate limit budget is raised above what the bench
 * sends (the limiter still counts every request, so its cost is measured).
 */
async function runFixedCost(db: Database, databaseUrl: string, runs: number, options: { postgraphile: boolean; profile: boolean }): Promise<number> {
  if (options.postgraphile && db.kind !== 'postgresql') throw new Error('--postgraphile needs a PostgreSQL DATABASE_URL');
  const profileDir = options.profile ? fs.mkdtempSync(path.join(os.tmpdir(), 'segmenta-profile-')) : null;
  const api = await startApiProcess(databaseUrl, {
    // NODE_ENV as a deployment sets it (graphql-js checks every instanceof twice in development).
    env: { NODE_ENV: 'production', RATE_LIMIT_POINTS: String(1_000_000_000) },
    nodeArgs: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
  });
  const postGraphile = options.postgraphile ? await startPostGraphile(databaseUrl) : null;
  const floor = db.kind === 'postgresql' ? await startHttpFloor(databaseUrl) : null;
  try {
    const over = await benchFixedCost(db, { url: `${api.base}/graphql`, pid: api.pid }, fixedCostRounds(runs), postGraphile, floor);
    const windows = profileDir ? await hammerEach(`${api.base}/graphql`, 10_000) : [];
    await api.stop();
    if (profileDir) summariseProfile(profileDir, api.buildDir, windows);
    return over;
  } finally {
    await api.stop();
    await postGraphile?.stop();
    await floor?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
