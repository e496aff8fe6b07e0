/**
 * `npm run bench -- --scale S [--runs N]`: times operations through the GraphQL API (over HTTP,
 * as a client calls it) next to the hand-written SQL that answers the same question through the
 * same driver, and prints medians and the ratio against the budget API ≤ 1.3 × SQL + 5 ms.
 * Seeds DATABASE_URL at scale S first when it has no contacts. The filter engine adds its
 * reference segments to `cases.ts`.
 */
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { Contact } from '../src/contacts/contact.entity';
import { migrate, openDatabase } from '../src/db/orm';
import { ensureDefaults } from '../src/seed/defaults';
import { seedDemoData } from '../src/seed/generate';
import { benchCases } from './cases';
import { postJson } from './http';
import { benchSegments } from './segment-bench';
import { median, timeIt } from './timing';

function parseArgs(argv: string[]): { scale: number; runs: number } {
  const args = { scale: 0.01, runs: 7 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = Number(inline ?? argv[++i]);
    if (!['--scale', '--runs'].includes(flag) || !Number.isFinite(value) || value <= 0) {
      throw new Error(`Usage: bench [--scale S] [--runs N] (got "${argv.join(' ')}")`);
    }
    args[flag.slice(2) as 'scale' | 'runs'] = value;
  }
  return args;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const { scale, runs } = parseArgs(process.argv.slice(2));
  const db = await openDatabase(config.databaseUrl);
  await migrate(db);
  const adminKey = await ensureDefaults(db);
  if ((await db.fork().count(Contact, {})) === 0) {
    console.log(`seeding scale ${scale}…`);
    await seedDemoData(db, { scale });
  }
  const app = await createApp(db, config, adminKey);
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}/graphql`;
  const connection = db.orm.em.getConnection();

  console.log(`engine ${db.kind}, median of ${runs} runs per figure after up to 10 warm-up runs (2 s)`);
  console.log(['case'.padEnd(34), 'rows'.padStart(9), 'SQL ms'.padStart(9), 'API ms'.padStart(9), 'ratio'.padStart(7), ' budget'].join(' '));
  let over = 0;
  for (const bench of await benchCases(db)) {
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
  console.log('\nreference segments (count and first page of 50):');
  over += await benchSegments(db, url, runs);
  await app.apollo.stop();
  await db.close();
  if (over) console.log(`${over} figure(s) over the budget or mismatched`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
