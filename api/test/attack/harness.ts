import { Client } from 'pg';
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { expect, vi } from 'vitest';
import type { DatabaseKind } from '../../src/db/orm.config';
import type { Database } from '../../src/db/orm';
import { seedDemoData } from '../../src/seed/generate';
import type { Config } from '../../src/config/config';
import { Scope } from '../../src/auth/actor';
import { LimitCode } from '../../src/errors/limit-error';
import { startTestApi, type TestApi } from '../api';

/**
 * Shared pieces of the attack suite: an API on a real database with a small demo CRM behind a
 * real HTTP port, the "never an internal error, never SQL text" check, and table snapshots that
 * prove stored data did not change.
 */

/** How many inputs each property tries; ATTACK_RUNS=<n> multiplies the defaults for a long run. */
export const RUN_FACTOR = Math.max(0.05, Number(process.env.ATTACK_RUNS || 1));
export const runs = (base: number): number => Math.max(1, Math.round(base * RUN_FACTOR));

/** A random seed unless ATTACK_SEED is set; a failure prints the seed (and path) that replays it. */
export const SEED = process.env.ATTACK_SEED ? Number(process.env.ATTACK_SEED) : undefined;

/** How long a vitest test of the suite may take: the default minute, scaled with ATTACK_RUNS. */
export const TEST_TIMEOUT = Math.max(60_000, Math.round(60_000 * RUN_FACTOR));

/**
 * fast-check options: the run count, the seed, and a time limit for the whole property (runs and
 * shrinking), counted as a failure so a slow server cannot pass by running fewer inputs.
 */
export function fcOptions(base: number) {
  return { numRuns: runs(base), seed: SEED, interruptAfterTimeLimit: TEST_TIMEOUT - 5_000, markInterruptAsFailure: true };
}

export interface AttackApi extends TestApi {
  /** http://127.0.0.1:<port> of the app's own HTTP server (express + Apollo + export route). */
  base: string;
  /** POSTs a GraphQL request over HTTP; the body is sent as given when it is a string. */
  http(body: unknown, headers?: Record<string, string>): Promise<{ status: number; json: any; text: string }>;
}

/** The API on a fresh database with the demo CRM at a tiny scale (200 contacts, deals, orders, custom fields…). */
export async function startAttackApi(engine: DatabaseKind, overrides: Partial<Config> = {}, scale = 0.0002): Promise<AttackApi> {
  // The rate limit has tests of its own; here it would only cut a long run (ATTACK_RUNS) short.
  const api = await startTestApi(engine, { defaultPhoneRegion: 'PL', rateLimit: { points: 1_000_000, windowSeconds: 60 }, ...overrides });
  // HTTP requests carry a token with every scope a token can have, so they get past the guards.
  const token = await api.createToken(Object.values(Scope).filter((scope) => scope !== Scope.ADMIN));
  if (scale > 0) await seedDemoData(api.db, { scale, seed: 7, now: new Date('2026-06-15T00:00:00Z') });
  await new Promise<void>((resolve) => api.app.httpServer.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(api.app.httpServer.address() as AddressInfo).port}`;
  // The test API's own close, kept before Object.assign below replaces it with one that calls it.
  const close = api.close.bind(api);
  return Object.assign(api, {
    base,
    async http(body: unknown, headers: Record<string, string> = {}) {
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', authorization: `Bearer ${token}`, ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await response.text();
      let json: unknown = null;
      try {
        json = JSON.parse(text);
      } catch {
        // Not JSON: the caller decides whether that is acceptable (e.g. a 400 from the body parser).
      }
      return { status: response.status, json, text };
    },
    async close() {
      api.app.httpServer.closeAllConnections();
      await new Promise((resolve) => api.app.httpServer.close(resolve));
      await close();
    },
  });
}

/**
 * SQL or driver text in a message means an internal error leaked through a typed path. Tuned on
 * what the two drivers actually say: statement fragments, SQLite's and PostgreSQL's error wording,
 * SQLSTATE codes, knex/MikroORM names, stack frames.
 */
export const LEAK =
  /\bselect\s+(\*|distinct\b|count\s*\(|[\w".]+\s*(,|\bas\b|\bfrom\b))|\binsert\s+into\b|\bupdate\s+"?\w+"?\s+set\b|\bdelete\s+from\b|\bwhere\s+"?\w+"?\.?"?\w*"?\s*(=|in\b|like\b|is\b)|sqlite|syntax error at or near|: syntax error|relation "|column "|sqlstate|knex|mikro-?orm|\bpg_|violates|constraint|duplicate key|invalid input syntax|out of range for type|no such (table|column)|near "|unterminated quoted|\bat [\w.<>]+ \(|node_modules|\.ts:\d+/i;

/** GraphQL error codes that mean "your input is bad", never "we broke". */
// Besides GraphQL's and the app's own: every refusal of the limits (QUERY_TIMEOUT, QUERY_TOO_DEEP…) and of the guards.
const TYPED_CODES = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'BAD_FILTER',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  ...Object.values(LimitCode),
]);

/** Every string inside a value (messages, paths, extensions), for the leak check. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => strings(v, out));
  return out;
}

/** Texts that echo the caller's own input may contain anything; only our own wording is checked. */
export interface LeakOptions {
  /** Strings the caller sent: a message quoting one of them is not a leak. */
  echoes?: string[];
}

/** Fails when a text of ours looks like SQL or driver output (the caller's own input removed first). */
export function expectNoLeak(texts: string[], where: string, { echoes = [] }: LeakOptions = {}): void {
  const forms = echoes.flatMap((e) => [e, JSON.stringify(e).slice(1, -1)]);
  const sorted = [...new Set(forms.filter((e) => e.length > 0))].sort((a, b) => b.length - a.length);
  for (const text of texts) {
    let ours = text;
    for (const echo of sorted) ours = ours.split(echo).join(' ');
    // Bounded echoes (the first N characters of a line) are still the caller's text.
    for (const echo of sorted) for (const cut of [100, 200]) if (echo.length > cut) ours = ours.split(echo.slice(0, cut)).join(' ');
    if (LEAK.test(ours)) throw new Error(`${where}: a message looks like SQL or driver text: ${JSON.stringify(text).slice(0, 400)}`);
  }
}

export interface Outcome {
  data?: any;
  errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown>; path?: ReadonlyArray<string | number> }>;
}

/**
 * The core property: the answer is data, payload errors with a UserErrorCode, or GraphQL errors
 * with a typed code; never INTERNAL_SERVER_ERROR, never SQL or driver text.
 */
export function expectTyped(result: Outcome, where: string, options: LeakOptions = {}): void {
  for (const error of result.errors ?? []) {
    const code = error.extensions?.code;
    if (code === 'INTERNAL_SERVER_ERROR' || typeof code !== 'string' || !TYPED_CODES.has(code)) {
      throw new Error(`${where}: untyped error ${JSON.stringify(error).slice(0, 600)}`);
    }
  }
  expectNoLeak(strings(result.errors ?? []), where, options);
  // Payload errors (UserError) and rejected lines are texts of ours too.
  expectNoLeak(strings(collect(result.data, 'errors')).concat(strings(collect(result.data, 'reason'))), where, options);
}

function collect(value: unknown, key: string, out: unknown[] = []): unknown[] {
  if (Array.isArray(value)) value.forEach((v) => collect(v, key, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === key) out.push(v);
      else collect(v, key, out);
    }
  }
  return out;
}

/**
 * Watches the server log: formatError logs every unexpected error, the export route its failures.
 * A property holds only if nothing unexpected was logged while it ran.
 */
export function watchServerLog() {
  const lines: string[] = [];
  const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    lines.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : String(a))).join(' '));
  });
  return {
    lines,
    expectQuiet(where: string) {
      const [first] = lines;
      if (first !== undefined) throw new Error(`${where}: the server logged an unexpected error: ${first.slice(0, 800)}`);
    },
    /** The first line logged, to append to a failure message ('' while the log is quiet). */
    note: () => (lines[0] === undefined ? '' : `\nserver log: ${lines[0].slice(0, 1500)}`),
    clear: () => void lines.splice(0),
    restore: () => spy.mockRestore(),
  };
}

/**
 * Tables whose rows change on their own or belong to the machinery, left out of snapshots: the
 * migrations, the audit log (it records what the attacks did, as it should), and the credentials'
 * bookkeeping (a token's or session's last use moves with every request).
 */
const NOT_SNAPSHOTTED = /^(sqlite_|mikro_orm_migrations$|api_token$|user_session$)|audit/i;

export async function tableNames(db: Database): Promise<string[]> {
  const connection = db.orm.em.getConnection();
  const rows =
    db.kind === 'sqlite'
      ? await connection.execute<Array<{ name: string }>>(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
      : await connection.execute<Array<{ name: string }>>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`);
  return rows.map((r: { name: string }) => r.name);
}

/** Every row of every table, as comparable strings (engine types made plain), per table. */
export type Snapshot = Map<string, string[]>;

export async function snapshot(db: Database, only?: string[]): Promise<Snapshot> {
  const connection = db.orm.em.getConnection();
  const result: Snapshot = new Map();
  for (const table of only ?? (await tableNames(db))) {
    if (NOT_SNAPSHOTTED.test(table)) continue;
    const rows = await connection.execute<Array<Record<string, unknown>>>(`SELECT * FROM "${table}"`);
    const plain = rows.map((row: Record<string, unknown>) =>
      JSON.stringify(
        Object.keys(row)
          .sort()
          .map((k) => {
            const v = row[k];
            return v instanceof Date ? v.getTime() : typeof v === 'bigint' ? String(v) : v;
          }),
      ),
    );
    result.set(table, plain.sort());
  }
  return result;
}

/** A short digest of a snapshot: rows and a hash per table. */
export function digest(snap: Snapshot): Record<string, string> {
  return Object.fromEntries([...snap].map(([table, rows]) => [table, `${rows.length}:${createHash('sha256').update(rows.join('\n')).digest('hex').slice(0, 12)}`]));
}

/** Nothing changed at all. */
export function expectUnchanged(before: Snapshot, after: Snapshot, where: string): void {
  for (const [table, rows] of before) {
    const now = after.get(table) ?? [];
    const gone = rows.filter((r) => !now.includes(r));
    const added = now.filter((r) => !rows.includes(r));
    if (gone.length || added.length) {
      throw new Error(`${where}: ${table} changed (${rows.length} → ${now.length} rows), e.g.\n  was: ${gone[0]?.slice(0, 400)}\n  now: ${added[0]?.slice(0, 400)}`);
    }
  }
  expect(digest(after), `${where}: stored data changed`).toEqual(digest(before));
}

/** Every row that existed before still exists, unchanged (new rows may have been added); tables kept. */
export function expectKept(before: Snapshot, after: Snapshot, where: string, { changed = [] as string[] } = {}): void {
  expect([...after.keys()], `${where}: the set of tables changed`).toEqual([...before.keys()]);
  for (const [table, rows] of before) {
    if (changed.includes(table)) continue;
    const now = new Set(after.get(table));
    const lost = rows.filter((r) => !now.has(r));
    const [example] = lost;
    if (example !== undefined) throw new Error(`${where}: ${lost.length} row(s) of ${table} changed or vanished, e.g. ${example.slice(0, 300)}`);
  }
}

/** Figures for the README: how many bad inputs each part tried, and notes on what they reached. */
const tried = new Map<string, number>();
const notes = new Map<string, number>();
export function count(part: string, n = 1): void {
  tried.set(part, (tried.get(part) ?? 0) + n);
}
/** A figure that is not an input of its own (e.g. how many of them validated and ran as SQL). */
export function note(what: string, n = 1): void {
  notes.set(what, (notes.get(what) ?? 0) + n);
}
export function report(title: string): void {
  const lines = [...tried].map(([part, n]) => `  ${part}: ${n}`);
  const extra = [...notes].map(([what, n]) => `  (${what}: ${n})`);
  const total = [...tried.values()].reduce((a, b) => a + b, 0);
  // Printed once per file: the README quotes these figures.
  console.log(`[attack] ${title}: ${total} inputs\n${[...lines, ...extra].join('\n')}`);
  tried.clear();
  notes.clear();
}

/**
 * Holds an ACCESS EXCLUSIVE lock on a PostgreSQL table from a connection of its own, until
 * `release()`: every statement reading it waits (planning included) until its time limit. Makes
 * statements slow deterministically, without spending CPU on a shared machine.
 */
export async function lockTable(databaseUrl: string, table: string): Promise<{ release(): Promise<void> }> {
  const lock = new Client({ connectionString: databaseUrl });
  await lock.connect();
  await lock.query('BEGIN');
  await lock.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
  return {
    async release() {
      await lock.query('ROLLBACK').catch(() => undefined);
      await lock.end();
    },
  };
}
