import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config';
import { migrate } from '../orm';
import { openDatabase } from '../../database';
import { SqliteReader } from '../sqlite-reader';

/** A statement that keeps a reader busy for a while (a recursive count; 0.3-2 s, by the machine's load). */
const SLOW = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1500000) SELECT count(*) AS n FROM c';
/** Longer (0.5-3 s): an abandoned statement that is certainly still running while the test looks. */
const LONG = SLOW.replace('1500000', '3000000');
const codeOf = (error: unknown) => (error as GraphQLError).extensions?.code;
const until = async (condition: () => boolean, ms = 30_000) => {
  const end = Date.now() + ms;
  while (!condition() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 20));
  return condition();
};

describe('SQLite readers: abandoned statements and one credential are capped (issue 12)', () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'segmenta-caps-'));
    file = path.join(dir, 'caps.sqlite');
    const db = await openDatabase(`sqlite:${file}`);
    await migrate(db);
    await db.close();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('does not start another thread once SQLITE_MAX_ABANDONED abandoned statements still run; the place comes back when one ends', async () => {
    const reader = new SqliteReader(file, 2, { maxAbandoned: 1 });
    try {
      // Both workers up (a statement sent to a worker still starting would end with it at once).
      await Promise.all([reader.all('SELECT 1'), reader.all('SELECT 1')]);
      const timedOut = await Promise.all([reader.all(LONG, [], 50).catch(codeOf), reader.all(LONG, [], 50).catch(codeOf)]);
      expect(timedOut).toEqual(['QUERY_TIMEOUT', 'QUERY_TIMEOUT']);
      // The first abandoned worker was replaced; the second was not: 1 live worker, not 2 (nor 4 threads).
      expect(reader.abandoned).toBe(2);
      expect(reader.capacity).toBe(1);
      // The live worker still serves.
      expect(await reader.all<{ one: number }>('SELECT 1 AS one')).toEqual([{ one: 1 }]);
      // When the abandoned statements end, the reader is whole again.
      expect(await until(() => reader.abandoned === 0)).toBe(true);
      expect(reader.capacity).toBe(2);
    } finally {
      await reader.close();
    }
  });

  it('answers SERVER_BUSY instead of starting threads when every reader is withheld, and serves again after', async () => {
    const settings = { ...loadConfig({}).heavyReads, poolSize: 1, sqliteMaxAbandoned: 0, queueMs: 20 };
    const db = await openDatabase(`sqlite:${file}`, {}, settings);
    try {
      await db.read('SELECT 1', []); // the reader up before its statement is abandoned
      expect(codeOf(await db.read(LONG, [], { timeoutMs: 50 }).catch((e) => e))).toBe('QUERY_TIMEOUT');
      // The only worker is abandoned and not replaced: a new read waits its bounded time, then SERVER_BUSY.
      const busy = (await db.read('SELECT 2 AS two', [], { timeoutMs: 5000, credential: 'user:1' }).catch((e) => e)) as GraphQLError;
      expect(codeOf(busy)).toBe('SERVER_BUSY');
      expect(busy.extensions.retryAfterSeconds).toBe(1);
      // Once the abandoned statement ends, a reader is started again and reads are served.
      const attempt = async (): Promise<unknown> => {
        const result = await db.read('SELECT 3 AS three', [], { timeoutMs: 30_000 }).catch((e) => e);
        if (codeOf(result) !== 'SERVER_BUSY') return result;
        await new Promise((resolve) => setTimeout(resolve, 50));
        return attempt();
      };
      expect(await attempt()).toEqual([{ three: 3 }]);
    } finally {
      await db.close();
    }
  });

  it('one credential cannot occupy every reader: another user is served while its second statement waits', async () => {
    const db = await openDatabase(`sqlite:${file}`, {}, { ...loadConfig({}).heavyReads, poolSize: 2, perCredential: 2 });
    try {
      expect(db.gate.perCredentialCap()).toBe(1);
      const finished: string[] = [];
      const read = (credential: string, name: string, sql = SLOW) => db.read(sql, [name], { timeoutMs: 30_000, credential }).then(() => void finished.push(name));
      // Different parameters: three statements, not one shared (single flight).
      const a1 = read('user:1', 'a1', `${SLOW} WHERE ? IS NOT NULL`);
      const a2 = read('user:1', 'a2', `${SLOW} WHERE ? IS NOT NULL`);
      await new Promise((resolve) => setTimeout(resolve, 30));
      const b = read('user:2', 'b', 'SELECT ? AS quick');
      await Promise.all([a1, a2, b]);
      // Before, user:1's two statements took both readers and user:2 waited behind them.
      expect(finished.indexOf('b')).toBeLessThan(finished.indexOf('a2'));
      expect(finished[0]).toBe('b');
    } finally {
      await db.close();
    }
  });
});
