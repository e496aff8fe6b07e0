/**
 * `npm run bench -- --scale S [--runs N] [--only cases,segments,audiences,import,export]`: times
 * operations through the GraphQL API (over HTTP, as a client calls it) next to the hand-written SQL
 * that answers the same question through the same driver, and prints medians and the ratio against
 * the budget API ≤ 1.3 × SQL + 5 ms; then the static import (< 5 s for 100,000 lines) and the CSV
 * export (> 50,000 rows/s, API process under 300 MB). Seeds DATABASE_URL at scale S first when it
 * has no contacts. Exits with 1 when a figure misses its budget or an answer differs.
 */
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { createApp } from '../src/app';
import { TOKEN_SCOPES } from '../src/auth/actor';
import { issueApiToken } from '../src/auth/api-token.service';
import { loadConfig } from '../src/config';
import { Contact } from '../src/contacts/contact.entity';
import { migrate, openDatabase } from '../src/db/orm';
import { ensureDefaults } from '../src/seed/defaults';
import { seedDemoData } from '../src/seed/generate';
import { benchAudiences } from './audience-bench';
import { benchCases } from './cases';
import { benchExport } from './export-bench';
import { postJson, useApiToken } from './http';
import { benchImport } from './import-bench';
import { benchSegments } from './segment-bench';
import { median, printHeader, timeIt } from './timing';

const PARTS = ['cases', 'segments', 'audiences', 'import', 'export'];

function parseArgs(argv: string[]): { scale: number; runs: number; only: string[] } {
  const args = { scale: 0.01, runs: 7, only: PARTS };
  const usage = () => new Error(`Usage: bench [--scale S] [--runs N] [--only ${PARTS.join(',')}] (got "${argv.join(' ')}")`);
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
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
  const config = loadConfig();
  const { scale, runs, only } = parseArgs(process.argv.slice(2));
  const db = await openDatabase(config.databaseUrl);
  await migrate(db);
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

  console.log(`engine ${db.kind}, median of ${runs} runs per figure after up to 10 warm-up runs (2 s)`);
  let over = 0;
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
      [bench.name.padEnd(34), String(apiTimes.result).padStart(9), sqlMs.toFixed(2).padStart(9), apiMs.toFixed(2).padStart(9), (apiMs / sqlMs).toFixed(2).padStart(7), within ? ' ok' : ' OVER'].join(' '),
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

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
