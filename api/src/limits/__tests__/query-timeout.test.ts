import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/api';
import { engines } from '../../../test/databases';
import { firstRow } from '../../lib/indexed';
import { migrate } from '../../db/orm';
import { openDatabase } from '../../database';
import { SqliteReader } from '../../db/sqlite-reader';
import { seedDemoData } from '../../seed/generate';

/** A statement that runs for a while: SQLite counts to 3 million (0.7-3 s, by the machine's load); PostgreSQL sleeps 5 s. */
const SLOW = {
  sqlite: { sql: 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000) SELECT count(*) AS n FROM c', params: [] },
  postgresql: { sql: 'SELECT pg_sleep(?) AS n', params: [5] },
};
/** About 0.4-1 s on either engine: longer than 100 ms, far shorter than SLOW. */
// SQLite: a recursive count, about half a second on these machines (a million rows was 0.14 s).
const SLOWISH_ROWS = 3_000_000;
const SLOWISH = {
  sqlite: { sql: `WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < ${SLOWISH_ROWS}) SELECT count(*) AS n FROM c`, params: [] },
  postgresql: { sql: 'SELECT count(*) AS n FROM pg_sleep(?)', params: [0.4] },
};

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value?: T; error?: unknown }> {
  const started = performance.now();
  try {
    const value = await work();
    return { ms: performance.now() - started, value };
  } catch (error) {
    return { ms: performance.now() - started, error };
  }
}

describe.each(engines)('statement timeout on counts and pages on %s', (engine) => {
  let api: TestApi;
  let base: string;
  let segmentId: string;
  const RECIPIENT_COUNTS = `query($id: ID!) { segment(id: $id) { recipientCounts { channel value } } }`;

  beforeAll(async () => {
    // The default limit; each test tightens it for the step it is about. Other steps keep it generous:
    // on SQLite an abandoned statement keeps one of the machine's cores busy for a while.
    api = await startTestApi(engine, { queryTimeoutMs: 15_000 });
    await new Promise<void>((resolve) => api.app.httpServer.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(api.app.httpServer.address() as AddressInfo).port}`;
    // 10,000 contacts and their companies, deals, communications: counts take a few ms, not microseconds.
    await seedDemoData(api.db, { scale: 0.01, seed: 7, now: new Date('2026-11-01T00:00:00Z') });
    segmentId = (await api.exec(`mutation { createSegmentFromTemplate(template: "HAS_EMAIL_AND_PHONE") { segment { id } } }`)).createSegmentFromTemplate.segment.id;
  });
  afterAll(async () => {
    await new Promise((resolve) => api.app.httpServer.close(resolve));
    await api?.close();
  });

  it('stops a slow count with QUERY_TIMEOUT, and the server keeps answering', async () => {
    api.config.queryTimeoutMs = 200;
    const slow = await timed(() => api.context().db.read(SLOW[engine].sql, SLOW[engine].params));
    api.config.queryTimeoutMs = 15_000;
    expect(slow.error).toBeInstanceOf(GraphQLError);
    expect((slow.error as GraphQLError).extensions).toEqual({ code: 'QUERY_TIMEOUT', timeoutMs: 200 });
    expect((slow.error as GraphQLError).message).toMatch(/longer than 0\.2 s.*QUERY_TIMEOUT_MS/);
    expect(slow.ms).toBeGreaterThanOrEqual(195);
    expect(slow.ms).toBeLessThan(1500);
    const ctx = api.context();

    // At once, while SQLite's abandoned statement may still be running on its retired thread.
    const quick = await timed(() => ctx.db.read<{ one: number | string }>('SELECT 1 AS one', []));
    expect(quick.value?.map((r) => Number(r.one))).toEqual([1]);
    expect(quick.ms).toBeLessThan(2000);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    // More reads than PostgreSQL's pool has connections: none was left in an aborted transaction.
    const many = await Promise.all(Array.from({ length: 15 }, (_, i) => ctx.db.read<{ n: number | string }>('SELECT ? + 1 AS n', [i])));
    expect(many.map((rows) => Number(firstRow(rows).n))).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    const counts = await api.execRaw(RECIPIENT_COUNTS, { id: segmentId });
    expect(counts.errors).toBeUndefined();
    expect(counts.data.segment.recipientCounts.find((c: any) => c.channel === 'EMAIL').value).toBeGreaterThan(100);

    if (engine === 'postgresql') {
      // The server cancelled the statement: it is not still sleeping.
      const { running } = firstRow(
        await api.db.read<{ running: number | string }>(`SELECT count(*) AS running FROM pg_stat_activity WHERE query LIKE '%pg_sleep(5)%' AND state = 'active' AND pid <> pg_backend_pid()`, []),
      );
      expect(Number(running)).toBe(0);
    }
  });

  it('answers a real segment count over GraphQL with QUERY_TIMEOUT when the limit is tiny, and the value when it is not', async () => {
    const normal = api.config.queryTimeoutMs;
    try {
      api.config.queryTimeoutMs = 1;
      const answer = await api.execRaw(RECIPIENT_COUNTS, { id: segmentId });
      expect(answer.errors?.map((e) => [e.extensions?.code, e.path])).toEqual([['QUERY_TIMEOUT', ['segment', 'recipientCounts']]]);
      expect(JSON.stringify(answer)).not.toMatch(/SELECT|statement|sqlite|postgres/i);
    } finally {
      api.config.queryTimeoutMs = normal;
    }
    const after = await api.execRaw(RECIPIENT_COUNTS, { id: segmentId });
    expect(after.errors).toBeUndefined();
    expect(after.data.segment.recipientCounts).toHaveLength(3);
  });

  it('bounds only request reads: a read without a timeout and the CSV export run as long as they need', async () => {
    api.config.queryTimeoutMs = 100;
    const bounded = await timed(() => api.context().db.read(SLOWISH[engine].sql, SLOWISH[engine].params));
    expect((bounded.error as GraphQLError).extensions?.code).toBe('QUERY_TIMEOUT');
    api.config.queryTimeoutMs = 15_000;
    const unbounded = await timed(() => api.db.read<{ n: number | string }>(SLOWISH[engine].sql, SLOWISH[engine].params));
    expect(unbounded.error).toBeUndefined();
    expect(unbounded.ms).toBeGreaterThan(150);

    const normal = api.config.queryTimeoutMs;
    try {
      api.config.queryTimeoutMs = 1;
      const url = (await api.exec(`query($id: ID!) { segment(id: $id) { exportUrl(channel: EMAIL) } }`, { id: segmentId })).segment.exportUrl;
      const csv = await fetch(`${base}${url}`);
      expect(csv.status).toBe(200);
      const lines = (await csv.text()).trim().split('\r\n');
      expect(lines[0]).toBe('address,channel,name,owner_type,owner_id');
      expect(lines.length).toBeGreaterThan(100);
    } finally {
      api.config.queryTimeoutMs = normal;
    }
  });

  it('costs the fast path next to nothing (measured, printed)', async () => {
    const ctx = api.context();
    const rounds = 300;
    const measure = async (read: () => Promise<unknown>) => {
      for (let i = 0; i < 30; i++) await read();
      const started = performance.now();
      for (let i = 0; i < rounds; i++) await read();
      return (performance.now() - started) / rounds;
    };
    const statement = 'SELECT count(*) AS n FROM contact WHERE id < ?';
    const plain = await measure(() => api.db.read(statement, [100]));
    const bounded = await measure(() => ctx.db.read(statement, [100]));
    console.info(`[${engine}] small count: ${plain.toFixed(3)} ms without the timeout, ${bounded.toFixed(3)} ms with it (${(bounded - plain).toFixed(3)} ms per statement)`);
    // Loose: the machine is shared; the printed figure is the measurement.
    expect(bounded - plain).toBeLessThan(2);
  });
});

describe('SQLite reader: a statement timing out in the queue or while running', () => {
  it('abandons the running statement with its worker, drops a queued one, and serves the next at once', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'segmenta-timeout-'));
    const file = path.join(dir, 't.sqlite');
    const db = await openDatabase(`sqlite:${file}`);
    await migrate(db);
    const reader = new SqliteReader(file, 1);
    try {
      const running = timed(() => reader.all(SLOW.sqlite.sql, [], 150));
      // One worker, busy: this one waits in the queue and times out there.
      const queued = timed(() => reader.all('SELECT 1 AS one', [], 100));
      const [r, q] = await Promise.all([running, queued]);
      expect((r.error as GraphQLError).extensions?.code).toBe('QUERY_TIMEOUT');
      expect((q.error as GraphQLError).extensions?.code).toBe('QUERY_TIMEOUT');
      expect(q.ms).toBeLessThan(r.ms);
      expect(reader.abandoned).toBe(1);
      // The replacement worker answers while the abandoned statement still runs.
      const next = await timed(() => reader.all<{ one: number }>('SELECT 1 AS one', [], 1000));
      expect(next.value).toEqual([{ one: 1 }]);
      expect(next.ms).toBeLessThan(1000);
      // The retired thread exits once SQLite hands control back: none is left behind.
      await vi.waitFor(() => expect(reader.abandoned).toBe(0), { timeout: 30_000, interval: 50 });
      // Without a timeout, a long statement simply finishes.
      expect(await reader.all<{ n: number }>(SLOWISH.sqlite.sql, [])).toEqual([{ n: SLOWISH_ROWS }]);
    } finally {
      await reader.close();
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
