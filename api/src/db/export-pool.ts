import { Pool, type PoolClient } from 'pg';
import type { Database } from './orm';
import { postgresCursor, sqliteIterator } from './row-stream';
import { listenWhileCheckedOut } from './checked-out';
import { SlotWaitTimeout, WaitingSlots } from './waiting-slots';

/**
 * Where CSV exports read, apart from everything else. A download lasts as long as its client
 * takes to read it; on the ORM's pool, ten slow (or stalled) downloads held every connection and
 * sign-in, writes and /healthz waited behind them (issue 12). Here:
 *
 * - PostgreSQL: a pg pool of its own, EXPORT_POOL_SIZE connections named `segmenta-export` in
 *   pg_stat_activity; the ORM's pool never serves an export.
 * - SQLite: at most EXPORT_POOL_SIZE export worker threads at once (each is a V8 isolate of its
 *   own, tens of MB: twenty at once took 845 MB).
 *
 * A download waits at most `waitMs` for a connection or thread, then gets ExportPoolBusy.
 * A cursor read to its end returns its connection to the pool; one stopped early (the client went
 * away or stalled, or the read failed) destroys it, which also ends its transaction on the server.
 */
export class ExportPoolBusy extends Error {
  constructor(readonly waitedMs: number) {
    super(`Every export connection stayed busy for ${waitedMs} ms.`);
    this.name = 'ExportPoolBusy';
  }
}

export interface StreamOptions {
  batchSize?: number;
  /** Stops waiting for a connection when the download is abandoned first. */
  signal?: AbortSignal;
}

export interface ExportPool {
  /** The statement's rows in batches; the first `next()` waits for a connection (or throws ExportPoolBusy). */
  stream<T>(sql: string, params: unknown[], options?: StreamOptions): AsyncGenerator<T[]>;
  /** Connections (or threads) held by exports now. */
  readonly inUse: number;
  close(): Promise<void>;
}

/** application_name of the export connections: how pg_stat_activity tells them apart. */
export const EXPORT_APPLICATION_NAME = 'segmenta-export';

export function createExportPool(db: Database, options: { size: number; waitMs: number }): ExportPool {
  const slots = new WaitingSlots(options.size);
  let pg: Pool | null = null;
  // Opened on the first export: most processes never export, and tests open many databases.
  const pgPool = (): Pool => {
    if (!pg) {
      pg = new Pool({
        connectionString: db.orm.config.get('clientUrl'),
        max: options.size,
        application_name: EXPORT_APPLICATION_NAME,
        idleTimeoutMillis: 10_000,
        allowExitOnIdle: true,
      });
      // An idle connection the server ends (restart, failover, pg_terminate_backend) is dropped by
      // the pool; without a listener the pool's 'error' event would end the process.
      pg.on('error', (error) => console.error('export pool: an idle connection failed', error.message));
    }
    return pg;
  };

  async function* fromPostgres<T>(sql: string, params: unknown[], batchSize: number): AsyncGenerator<T[]> {
    const client: PoolClient = listenWhileCheckedOut(await pgPool().connect());
    let whole = false;
    try {
      // The values are written into the statement by MikroORM, as for every other query of the app
      // (counts, pages): bound as $n parameters instead, PostgreSQL typed them from the column, and a
      // filter comparing an integer column with 2.5 failed the export while its count worked (found
      // by the attack tests).
      yield* postgresCursor<T>(client, db.orm.em.getPlatform().formatQuery(sql, params), batchSize);
      whole = true;
    } finally {
      client.release(whole ? undefined : true);
    }
  }

  async function* fromSqlite<T>(sql: string, params: unknown[], batchSize: number): AsyncGenerator<T[]> {
    if (!db.sqliteFile) {
      // An in-memory database has no file a worker could open: read it at once (tests only).
      yield await db.read<T>(sql, params);
      return;
    }
    yield* sqliteIterator<T>(db.sqliteFile, sql, params, batchSize);
  }

  return {
    get inUse() {
      return slots.inUse;
    },
    async *stream<T>(sql: string, params: unknown[], { batchSize = 2000, signal }: StreamOptions = {}) {
      let release: () => void;
      try {
        release = await slots.acquire(options.waitMs, signal);
      } catch (error) {
        throw error instanceof SlotWaitTimeout ? new ExportPoolBusy(error.waitedMs) : error;
      }
      try {
        if (db.kind === 'postgresql') yield* fromPostgres<T>(sql, params, batchSize);
        else yield* fromSqlite<T>(sql, params, batchSize);
      } finally {
        release();
      }
    },
    async close() {
      const pool = pg;
      pg = null;
      await pool?.end();
    },
  };
}
