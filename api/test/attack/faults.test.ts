import http from 'node:http';
import type { Worker } from 'node:worker_threads';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { count, report, startAttackApi, watchServerLog, type AttackApi } from './harness';

vi.setConfig({ testTimeout: 120_000 });

/**
 * Faults on PostgreSQL, with the server kept running throughout: the backend of a large import is
 * terminated mid-transaction, then the backend streaming a CSV export. The import must fail as a
 * whole with a typed code and store nothing of its batch, the download must end in an error (never
 * a clean end of a cut file), and without a restart the same import and export must then succeed
 * and /healthz answer 200.
 */

const LINES = 100_000;
const JOB = 'id state totalLines processedLines error errorCode report { imported alreadyPresent invalidCount lines }';

export const bigImport = (n = LINES) => Array.from({ length: n }, (_, i) => `user${i}@example.com;User ${i}`).join('\n');

/** Waits for a condition, polling. */
export async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 60_000, everyMs = 5): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** Downloads a URL; resolves how it ended: complete (a clean end) or aborted, with the bytes seen. */
export function download(url: string, onFirstChunk?: (response: http.IncomingMessage) => Promise<void>): Promise<{ status: number; complete: boolean; error: string | null; body: string }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let first = true;
    let settled = false;
    const done = (complete: boolean, error: string | null, status: number) => {
      if (settled) return;
      settled = true;
      resolve({ status, complete, error, body: Buffer.concat(chunks).toString('utf8') });
    };
    const request = http.get(url, (response) => {
      response.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        if (first && onFirstChunk) {
          first = false;
          response.pause();
          void onFirstChunk(response).then(() => response.resume());
        }
      });
      response.on('end', () => done(response.complete, null, response.statusCode ?? 0));
      response.on('aborted', () => done(false, 'aborted', response.statusCode ?? 0));
      response.on('error', (error) => done(false, error.message, response.statusCode ?? 0));
      response.on('close', () => done(response.complete, response.complete ? null : 'closed before the end', response.statusCode ?? 0));
    });
    request.on('error', (error) => done(false, error.message, 0));
  });
}

describe('faults on postgresql', () => {
  let api: AttackApi;
  let admin: Client;
  let database: string;
  let segmentId: string;
  let log: ReturnType<typeof watchServerLog>;

  const exec = (query: string, variables?: Record<string, unknown>) => api.exec(query, variables);
  const entries = async () => (await exec(`query($id: ID!) { segment(id: $id) { entries(first: 0) { totalCount } } }`, { id: segmentId })).segment.entries.totalCount as number;
  const health = async () => (await fetch(`${api.base}/healthz`)).status;
  /** The backends of the app's database other than ours, as pg_stat_activity shows them. */
  const backends = async () =>
    (await admin.query(`SELECT pid, state, query, backend_xid IS NOT NULL AS wrote FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [database])).rows as Array<{
      pid: number;
      state: string;
      query: string;
      wrote: boolean;
    }>;
  const terminate = async (pid: number) => (await admin.query('SELECT pg_terminate_backend($1) AS ok', [pid])).rows[0].ok as boolean;

  beforeAll(async () => {
    api = await startAttackApi('postgresql', {}, 0);
    database = new URL(api.url).pathname.slice(1);
    admin = new Client({ connectionString: api.url });
    await admin.connect();
    segmentId = (await exec(`mutation { createSegment(input: { name: "Faults", kind: STATIC }) { segment { id } } }`)).createSegment.segment.id;
    // Members from before: they must survive every fault.
    await exec(`mutation($id: ID!) { importStaticSegment(id: $id, text: "kept1@example.com\\nkept2@example.com") { imported } }`, { id: segmentId });
    log = watchServerLog();
  });
  afterAll(async () => {
    log?.restore();
    report('faults on postgresql');
    await admin?.end();
    await api?.close();
  });

  it('the connection of a 100,000-line import is terminated mid-transaction: the job FAILS typed, nothing of it is stored, the same import then succeeds', async () => {
    const text = bigImport();
    const started = await exec(`mutation($id: ID!, $t: String!) { startStaticSegmentImport(id: $id, text: $t) { job { ${JOB} } errors { code } } }`, { id: segmentId, t: text });
    const jobId = started.startStaticSegmentImport.job.id;
    const poll = async () => (await exec(`query($id: ID!) { staticImportJob(id: $id) { ${JOB} } }`, { id: jobId })).staticImportJob;

    // Mid-transaction: some chunks stored (uncommitted), not all.
    const progress = await until('the import to be part-way', async () => {
      const job = await poll();
      return job.processedLines >= 10_000 && job.state === 'RUNNING' ? job : null;
    });
    expect(progress.processedLines).toBeLessThan(LINES);
    const victim = await until('the import backend', async () => (await backends()).find((b) => b.wrote));
    expect(await terminate(victim.pid)).toBe(true);
    count('backends terminated mid-import');

    const failed = await until('the job to end', async () => {
      const job = await poll();
      return job.state !== 'RUNNING' ? job : null;
    });
    expect(failed).toMatchObject({ state: 'FAILED', errorCode: 'WRITE_FAILED', report: null, error: expect.stringMatching(/nothing was stored/) });
    expect(
      log.lines.some((l) => /static import .* failed/.test(l)),
      'the failure is logged',
    ).toBe(true);
    // All or nothing: only the two members from before.
    expect(await entries()).toBe(2);

    // No restart: the very next requests work (the pool does not hand out the dead connection),
    // even many at once (every pooled connection is used), and so does the same import.
    expect(await health()).toBe(200);
    const many = await Promise.all(Array.from({ length: 30 }, () => api.execRaw(`{ segments(first: 1) { totalCount } }`)));
    expect(many.filter((r) => r.errors)).toEqual([]);
    const again = (await exec(`mutation($id: ID!, $t: String!) { startStaticSegmentImport(id: $id, text: $t) { job { id } } }`, { id: segmentId, t: text })).startStaticSegmentImport.job.id;
    const done = await until('the second import', async () => {
      const job = (await exec(`query($id: ID!) { staticImportJob(id: $id) { ${JOB} } }`, { id: again })).staticImportJob;
      return job.state !== 'RUNNING' ? job : null;
    });
    expect(done).toMatchObject({ state: 'DONE', errorCode: null, report: { imported: LINES, alreadyPresent: 0, invalidCount: 0, lines: LINES } });
    expect(await entries()).toBe(LINES + 2);
  });

  it('every pooled connection is terminated while idle (a database restart or failover): the next requests succeed', async () => {
    await Promise.all(Array.from({ length: 10 }, () => api.execRaw(`{ segments(first: 1) { totalCount } }`)));
    const idle = await backends();
    expect(idle.length).toBeGreaterThan(0);
    for (const b of idle) await terminate(b.pid);
    count('idle backends terminated', idle.length);
    expect(await health()).toBe(200);
    const many = await Promise.all(Array.from({ length: 30 }, () => api.execRaw(`{ segments(first: 1) { totalCount } }`)));
    expect(many.filter((r) => r.errors)).toEqual([]);
  });

  it('the connection streaming a CSV export is terminated: the download is cut with an error, the server logs it, the next export is whole', async () => {
    const url = async () => `${api.base}${(await exec(`query($id: ID!) { segment(id: $id) { exportUrl(channel: EMAIL) } }`, { id: segmentId })).segment.exportUrl}`;
    log.clear();
    let killed = false;
    const cut = await download(await url(), async () => {
      // The client has the first bytes; the server holds its cursor open, waiting for the client.
      const victim = await until('the export backend', async () => (await backends()).find((b) => /export_cursor/i.test(b.query)));
      killed = await terminate(victim.pid);
      count('backends terminated mid-export');
    });
    expect(killed).toBe(true);
    expect(cut.complete, 'a cut download never ends cleanly').toBe(false);
    expect(cut.error).not.toBeNull();
    expect(cut.body.split('\r\n').length - 2).toBeLessThan(LINES + 2);
    expect(
      log.lines.some((l) => l.includes('export failed')),
      'the server logs the failed export',
    ).toBe(true);

    expect(await health()).toBe(200);
    const many = await Promise.all(Array.from({ length: 30 }, () => api.execRaw(`{ segments(first: 1) { totalCount } }`)));
    expect(many.filter((r) => r.errors)).toEqual([]);
    const whole = await download(await url());
    expect(whole).toMatchObject({ status: 200, complete: true, error: null });
    const rows = whole.body.split('\r\n');
    expect(rows[0]).toBe('address,channel,name,owner_type,owner_id');
    expect(rows.at(-1)).toBe('');
    expect(rows.length - 2).toBe(LINES + 2);
  });
});

/**
 * The same faults where SQLite has them: the disk fills mid-import (max_page_count, the limit
 * SQLite reports as "database or disk is full"), and the worker thread streaming an export or
 * running a count dies. No restart in between.
 */
describe('faults on sqlite', () => {
  let api: AttackApi;
  let segmentId: string;
  let log: ReturnType<typeof watchServerLog>;
  const workers: Worker[] = [];
  let restoreWorker: () => void;

  const exec = (query: string, variables?: Record<string, unknown>) => api.exec(query, variables);
  const entries = async () => (await exec(`query($id: ID!) { segment(id: $id) { entries(first: 0) { totalCount } } }`, { id: segmentId })).segment.entries.totalCount as number;
  const health = async () => (await fetch(`${api.base}/healthz`)).status;
  const pragma = async (sql: string) => api.db.orm.em.getConnection().execute<Array<Record<string, number>>>(sql);
  const runJob = async (text: string) => {
    const id = (await exec(`mutation($id: ID!, $t: String!) { startStaticSegmentImport(id: $id, text: $t) { job { id } } }`, { id: segmentId, t: text })).startStaticSegmentImport.job.id;
    let furthest = 0;
    const job = await until('the import job', async () => {
      const state = (await exec(`query($id: ID!) { staticImportJob(id: $id) { ${JOB} } }`, { id })).staticImportJob;
      furthest = Math.max(furthest, state.processedLines);
      return state.state !== 'RUNNING' ? state : null;
    });
    return { job, furthest };
  };

  beforeAll(async () => {
    restoreWorker = captureWorkers(workers);
    api = await startAttackApi('sqlite', {}, 0);
    segmentId = (await exec(`mutation { createSegment(input: { name: "Faults", kind: STATIC }) { segment { id } } }`)).createSegment.segment.id;
    await exec(`mutation($id: ID!) { importStaticSegment(id: $id, text: "kept1@example.com\\nkept2@example.com") { imported } }`, { id: segmentId });
    log = watchServerLog();
  });
  afterAll(async () => {
    log?.restore();
    restoreWorker?.();
    report('faults on sqlite');
    await api?.close();
  });

  it('the disk fills mid-import: the job FAILS typed, nothing of it is stored, the same import then succeeds', async () => {
    const [{ page_count: pages }] = await pragma('PRAGMA page_count');
    // Room for a few chunks of 2,000 lines, not for 100,000 (about 1.5 MB in 4 KB pages).
    await pragma(`PRAGMA max_page_count = ${pages + 400}`);
    const { job, furthest } = await runJob(bigImport());
    expect(furthest, 'some chunks were stored before the disk filled').toBeGreaterThan(0);
    expect(job).toMatchObject({ state: 'FAILED', errorCode: 'WRITE_FAILED', report: null });
    count('disk-full imports');
    expect(await entries()).toBe(2);
    expect(await health()).toBe(200);

    await pragma('PRAGMA max_page_count = 1073741823');
    const again = await runJob(bigImport());
    expect(again.job).toMatchObject({ state: 'DONE', report: { imported: LINES, lines: LINES } });
    expect(await entries()).toBe(LINES + 2);
  });

  it('the worker thread streaming an export dies: the download is cut with an error, the server logs it, the next export is whole', async () => {
    const url = async () => `${api.base}${(await exec(`query($id: ID!) { segment(id: $id) { exportUrl(channel: EMAIL) } }`, { id: segmentId })).segment.exportUrl}`;
    log.clear();
    const cut = await download(await url(), async () => {
      const exporter = workers.find((w) => (w as unknown as { exporting?: boolean }).exporting);
      expect(exporter, 'the export worker').toBeDefined();
      await exporter!.terminate();
      count('export workers killed');
    });
    expect(cut.complete).toBe(false);
    expect(
      log.lines.some((l) => l.includes('export failed')),
      'the server logs the failed export',
    ).toBe(true);
    const whole = await download(await url());
    expect(whole).toMatchObject({ status: 200, complete: true });
    expect(whole.body.split('\r\n').length - 2).toBe(LINES + 2);
  });

  it('a worker thread running counts dies: the counts waiting on it fail typed, the next ones answer', async () => {
    const COUNT = `{ previewSegment(input: { filter: { rules: [{ rule: { field: "client.city", operator: IS_EMPTY } }] } }) { memberCount { value } } }`;
    expect((await api.exec(COUNT)).previewSegment.memberCount.value).toBe(0);
    const readers = workers.filter((w) => !(w as unknown as { exporting?: boolean }).exporting);
    expect(readers.length).toBeGreaterThan(0);
    await Promise.all(readers.map((w) => w.terminate()));
    count('count workers killed', readers.length);
    const answers = await Promise.all(Array.from({ length: 10 }, () => api.execRaw(COUNT)));
    for (const answer of answers) expect(answer.errors?.filter((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR') ?? [], JSON.stringify(answer)).toEqual([]);
    expect(answers.every((a) => a.data?.previewSegment?.memberCount?.value === 0)).toBe(true);
  });
});

/**
 * Keeps every worker thread the app starts (to kill one mid-work, the fault under test): Node's
 * builtin ESM exports follow the CommonJS module after syncBuiltinESMExports.
 */
function captureWorkers(into: Worker[]): () => void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const threads = require('node:worker_threads') as typeof import('node:worker_threads');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { syncBuiltinESMExports } = require('node:module') as typeof import('node:module');
  const Original = threads.Worker;
  class Captured extends Original {
    exporting: boolean;
    constructor(...args: ConstructorParameters<typeof Original>) {
      super(...args);
      this.exporting = Boolean((args[1]?.workerData as { batchSize?: number } | undefined)?.batchSize);
      into.push(this);
    }
  }
  threads.Worker = Captured;
  syncBuiltinESMExports();
  return () => {
    threads.Worker = Original;
    syncBuiltinESMExports();
  };
}
