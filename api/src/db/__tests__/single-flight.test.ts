import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDatabase } from '../../../test/databases';
import { firstRow } from '../../lib/indexed';
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
    expect(firstRow(a).r).toBe(firstRow(b).r);
    // Each caller has its own copy of the rows.
    firstRow(a).r = 42;
    expect(firstRow(b).r).not.toBe(42);
    // Not a cache: the next read runs again.
    const c = firstRow(await db.read<{ r: number }>(sql, []));
    expect(c.r).not.toBe(firstRow(b).r);
    // Different parameters are different reads.
    const [d, e] = await Promise.all([db.read<{ r: number }>('SELECT random() + ? AS r', [0]), db.read<{ r: number }>('SELECT random() + ? AS r', [1])]);
    expect(firstRow(e).r - firstRow(d).r).not.toBe(1);
  });
});
