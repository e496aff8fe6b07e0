import { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/databases';
import { listenWhileCheckedOut } from '../checked-out';

/**
 * A checked-out pg client that emits 'error' with no statement running (its backend terminated
 * after the statement failed) must not throw: pg-pool removes its own listener while a client is
 * out, and an 'error' event without a listener is an uncaught exception that ends the process.
 */
describe('a checked-out PostgreSQL client', () => {
  let pool: Pool;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const fresh = await freshDatabase('postgresql');
    drop = fresh.drop;
    pool = new Pool({ connectionString: fresh.url, max: 2 });
    pool.on('error', () => undefined);
  });
  afterAll(async () => {
    await pool?.end();
    await drop?.();
  });

  it('without a listener of its own, ends the process on a late error (what the guard prevents)', async () => {
    const client = await pool.connect();
    try {
      expect(() => client.emit('error', new Error('late FATAL'))).toThrow('late FATAL');
    } finally {
      client.release(true);
    }
  });

  it('with one, survives its backend being terminated while no statement runs, and is given back as broken', async () => {
    const client = listenWhileCheckedOut(await pool.connect());
    const pid = (client as unknown as { processID: number }).processID;
    const ended = new Promise((resolve) => client.once('end', resolve));
    const other = await pool.connect();
    await other.query('SELECT pg_terminate_backend($1)', [pid]);
    other.release();
    await ended;
    expect(() => client.emit('error', new Error('late FATAL'))).not.toThrow();
    client.release(true);
    // A healthy client goes back without the extra listener (no pile-up across checkouts).
    const healthy = listenWhileCheckedOut(await pool.connect());
    const before = healthy.listenerCount('error');
    healthy.release();
    expect(healthy.listenerCount('error')).toBe(before);
  });
});
