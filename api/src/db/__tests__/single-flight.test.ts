import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDatabase } from '../../../test/databases';
import type { Database } from '../orm';

/** Identical reads asked at the same time run once; each caller gets its own rows; nothing is cached after. */
describe.each(engines)('single-flight reads on %s', (engine) => {
  let db: Database;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    ({ db, drop } = await freshDatabase(engine));
  });
  afterAll(async () => drop());

  it('shares a read that is already running, and only that', async () => {
    const sql = 'SELECT random() AS r';
    const [a, b] = await Promise.all([db.read<{ r: number }>(sql, []), db.read<{ r: number }>(sql, [])]);
    expect(a[0].r).toBe(b[0].r);
    // Each caller has its own copy of the rows.
    a[0].r = 42;
    expect(b[0].r).not.toBe(42);
    // Not a cache: the next read runs again.
    const [c] = await db.read<{ r: number }>(sql, []);
    expect(c.r).not.toBe(b[0].r);
    // Different parameters are different reads.
    const [[d], [e]] = await Promise.all([db.read<{ r: number }>('SELECT random() + ? AS r', [0]), db.read<{ r: number }>('SELECT random() + ? AS r', [1])]);
    expect(e.r - d.r).not.toBe(1);
  });
});
