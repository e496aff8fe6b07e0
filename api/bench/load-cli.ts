/**
 * `npm run loadtest -- [--engine sqlite|postgresql] [--scale 0.1] [--seconds 30] [--connections 50]`:
 * a bounded load test on loopback. Seeds a CRM at scale S (a temporary SQLite file, or a throwaway
 * PostgreSQL server from the machine's binaries unless DATABASE_URL is given), starts the API as
 * `npm start` does (its own process, rate limits set above the test's rate), and keeps N
 * connections busy with the web editor's live count (`previewSegment` member count and recipient
 * counts per channel) over the reference segments, for the given time. Each connection is one
 * person with an API token of their own: the per-credential caps (HEAVY_READS_PER_CREDENTIAL,
 * the evaluation budget) hold each of them, not all of them as one integrator. Meanwhile `/healthz` is
 * polled every 250 ms. Prints requests, p50/p99 latency, errors and the health check's worst
 * answer; exits with 1 on any error, any failed health check, or no completed request.
 */
import 'reflect-metadata';
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { Scope } from '../src/auth/actor';
import { ApiToken } from '../src/auth/api-token.entity';
import { issueApiToken } from '../src/auth/api-token.service';
import { itemAt } from '../src/lib/indexed';
import { Contact } from '../src/contacts/contact.entity';
import { openDatabase, prepareDatabase } from '../src/database';
import { ensureDefaults } from '../src/seed/defaults';
import { seedDemoData } from '../src/seed/generate';
import { startThrowawayPostgres } from '../test/postgres-server';
import { startApiProcess } from './api-process';
import { referenceSegments } from './segments';

interface Args {
  engine: 'sqlite' | 'postgresql';
  scale: number;
  seconds: number;
  connections: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { engine: 'sqlite', scale: 0.1, seconds: 30, connections: 50 };
  for (let i = 0; i < argv.length; i++) {
    const [flag = '', inline] = itemAt(argv, i).split('=', 2);
    const raw = inline ?? argv[++i] ?? '';
    if (flag === '--engine' && (raw === 'sqlite' || raw === 'postgresql')) args.engine = raw;
    else if (['--scale', '--seconds', '--connections'].includes(flag) && Number(raw) > 0) (args as any)[flag.slice(2)] = Number(raw);
    else throw new Error(`Usage: loadtest [--engine sqlite|postgresql] [--scale S] [--seconds T] [--connections N] (got "${argv.join(' ')}")`);
  }
  return args;
}

/** Polls /healthz until stopped; records every answer's time and every failure. */
function watchHealth(base: string) {
  const times: number[] = [];
  let failures = 0;
  let stopped = false;
  const once = () =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      const request = http.get(`${base}/healthz`, { timeout: 5000 }, (response) => {
        response.resume();
        response.on('end', () => {
          times.push(performance.now() - started);
          if (response.statusCode !== 200) failures++;
          resolve();
        });
      });
      request.on('timeout', () => request.destroy(new Error('timeout')));
      request.on('error', () => {
        failures++;
        resolve();
      });
    });
  const loop = (async () => {
    while (!stopped) {
      await once();
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      const sorted = [...times].sort((a, b) => a - b);
      return { checks: times.length, failures, p99: sorted[Math.floor(sorted.length * 0.99)] ?? NaN, max: sorted[sorted.length - 1] ?? NaN };
    },
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'segmenta-load-'));
  const postgres = args.engine === 'postgresql' && !process.env.DATABASE_URL ? await startThrowawayPostgres('segmenta_load') : null;
  const databaseUrl = process.env.DATABASE_URL || postgres?.url || `sqlite:${path.join(temp, 'load.sqlite')}`;
  const db = await openDatabase(databaseUrl);
  try {
    await prepareDatabase(db);
    const adminKey = await ensureDefaults(db);
    if ((await db.fork().count(Contact, {})) === 0) {
      console.log(`seeding scale ${args.scale} into ${db.kind}…`);
      await seedDemoData(db, { scale: args.scale });
    }
    const secrets: string[] = [];
    for (let i = 0; i < args.connections; i++) {
      secrets.push((await issueApiToken(db.fork(), adminKey, { name: `load test ${i + 1}`, scopes: [Scope.CRM_READ, Scope.SEGMENTS_READ] })).secret);
    }
    const segments = await referenceSegments(db, new Date());
    // The API under test: its own process, limits above what this test sends.
    process.env.RATE_LIMIT_POINTS = String(10_000_000);
    const api = await startApiProcess(databaseUrl);
    try {
      const query = 'query($input: SegmentDefinitionInput!) { previewSegment(input: $input) { errors { code } memberCount { value } recipientCounts { channel value } } }';
      let graphqlErrors = 0;
      let firstError = '';
      const onResponse = (status: number, body: string) => {
        if (status === 200 && !body.includes('"errors":[]')) {
          graphqlErrors++;
          firstError ||= body.slice(0, 300);
        }
      };
      /** The reference segments' live counts in turn, as the person holding `secret` asks them. */
      const requestsOf = (secret: string) =>
        segments.map((segment) => ({
          method: 'POST' as const,
          path: '/graphql',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
          body: JSON.stringify({ query, variables: { input: { source: segment.list === 'leads' ? 'LEADS' : 'CLIENTS', filter: segment.filter } } }),
          onResponse,
        }));
      let connectionsSetUp = 0;
      const health = watchHealth(api.base);
      console.log(`${db.kind}, scale ${args.scale}: ${args.connections} connections for ${args.seconds} s, live counts of ${segments.length} reference segments in turn…`);
      const result = await autocannon({
        url: api.base,
        connections: args.connections,
        duration: args.seconds,
        // Longer than the server's own limit (QUERY_TIMEOUT_MS, 15 s): every request gets the
        // server's answer, a count or a typed QUERY_TIMEOUT (counted as an error), never a client give-up.
        timeout: 30,
        requests: requestsOf(itemAt(secrets, 0)),
        // Each connection (autocannon's client) gets its own token, so its own requests.
        setupClient: (client: { setRequests(requests: unknown[]): void }) => client.setRequests(requestsOf(itemAt(secrets, connectionsSetUp++ % secrets.length))),
      });
      const healthReport = await health.stop();
      // Each token made a request (its lastUsedAt is written on first use): one credential per connection.
      const tokensUsed = await db.fork().count(ApiToken, { name: { $like: 'load test %' }, lastUsedAt: { $ne: null } });
      const summary = {
        engine: db.kind,
        scale: args.scale,
        connections: args.connections,
        tokens: secrets.length,
        tokensUsed,
        seconds: args.seconds,
        requests: result.requests.total,
        perSecond: Math.round(result.requests.average),
        latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
        errors: result.errors + result.timeouts + result.non2xx + graphqlErrors,
        healthz: healthReport,
        apiPeakMb: Math.round(api.memory().hwmMb),
      };
      console.log(JSON.stringify(summary, null, 2));
      if (firstError) console.log(`first error: ${firstError}`);
      const failed = summary.errors > 0 || healthReport.failures > 0 || summary.requests === 0 || tokensUsed < secrets.length;
      process.exitCode = failed ? 1 : 0;
    } finally {
      await api.stop();
    }
  } finally {
    await db.close();
    postgres?.stop();
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
