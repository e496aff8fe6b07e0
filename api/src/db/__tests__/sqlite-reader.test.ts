import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstRow, itemAt } from '../../lib/indexed';
import { migrate, type Database } from '../orm';
import { openDatabase } from '../../database';
import { SqliteReader } from '../sqlite-reader';

describe('SQLite reads off the main thread', () => {
  let db: Database;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'segmenta-reader-'));
    db = await openDatabase(`sqlite:${path.join(dir, 'r.sqlite')}`);
    await migrate(db);
  });
  afterAll(async () => {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('returns the rows of a bound statement, including data written a moment ago', async () => {
    await db.orm.em.getConnection().execute(`INSERT INTO pipeline (name, sort, is_default, created_at, updated_at) VALUES ('P', 1, 1, 0, 0)`);
    expect(await db.read<{ name: string }>('SELECT name FROM pipeline WHERE sort = ?', [1])).toEqual([{ name: 'P' }]);
  });

  it('keeps the event loop turning while a long statement runs', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const started = Date.now();
    // A statement that keeps SQLite busy for a while (a recursive count to two million).
    const row = firstRow(await db.read<{ n: number }>('WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 2000000) SELECT count(*) AS n FROM c', []));
    const elapsed = Date.now() - started;
    clearInterval(timer);
    expect(row.n).toBe(2_000_000);
    // Were the statement on the main thread, no tick could fire until it ended.
    expect(elapsed).toBeGreaterThan(100);
    expect(ticks).toBeGreaterThanOrEqual(Math.floor(elapsed / 10 / 4));
  });

  it('replaces a worker that dies: the statement it held fails, the next ones run (they hung before)', async () => {
    const reader = new SqliteReader(db.sqliteFile!, 1);
    try {
      const { worker } = itemAt((reader as unknown as { slots: Array<{ worker: { terminate(): Promise<number> } }> }).slots, 0);
      const held = reader.all('WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 5000000) SELECT count(*) AS n FROM c');
      await new Promise((resolve) => setTimeout(resolve, 20));
      await worker.terminate();
      await expect(held).rejects.toThrow(/reader stopped/);
      expect(await reader.all<{ one: number }>('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await reader.close();
    }
  });

  it('reports a bad statement as an error, and the next statement still runs', async () => {
    await expect(db.read('SELECT nope FROM nowhere', [])).rejects.toThrow(/no such table/);
    expect(await db.read<{ one: number }>('SELECT 1 AS one', [])).toEqual([{ one: 1 }]);
  });
});
