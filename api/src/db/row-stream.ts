import { Worker } from 'node:worker_threads';
import type { Database } from './orm';
import { sqliteParams } from './sqlite-reader';

/**
 * Rows of one long read, in batches, in constant memory (CSV exports): the consumer pulls the
 * next batch only when it has written the previous one.
 *
 * PostgreSQL: a server-side cursor on a connection of its own (DECLARE … FETCH n). SQLite: a
 * dedicated worker thread iterating the statement, so the event loop never runs the query.
 */
export async function* streamRows<T = Record<string, unknown>>(db: Database, sql: string, params: unknown[], batchSize = 2000): AsyncGenerator<T[]> {
  if (db.kind === 'postgresql') yield* postgresCursor<T>(db, sql, params, batchSize);
  else yield* sqliteIterator<T>(db, sql, params, batchSize);
}

async function* postgresCursor<T>(db: Database, sql: string, params: unknown[], batchSize: number): AsyncGenerator<T[]> {
  const knex = (db.orm.em.getConnection() as unknown as { getKnex(): { client: { acquireConnection(): Promise<PgClient>; releaseConnection(c: PgClient): Promise<void> } } }).getKnex();
  const client = await knex.client.acquireConnection();
  let open = false;
  try {
    await client.query('BEGIN READ ONLY');
    open = true;
    // The values are written into the statement by MikroORM, as for every other query of the app
    // (counts, pages): bound as $n parameters instead, PostgreSQL typed them from the column, and a
    // filter comparing an integer column with 2.5 failed the export while its count worked (found
    // by the attack tests).
    await client.query(`DECLARE export_cursor NO SCROLL CURSOR FOR ${db.orm.em.getPlatform().formatQuery(sql, params)}`);
    // One batch ahead: the database fetches the next while the consumer writes this one.
    const fetch = () => {
      const query = client.query(`FETCH ${Math.floor(batchSize)} FROM export_cursor`);
      // If the consumer stops early, the batch fetched ahead is never awaited: no unhandled rejection.
      query.catch(() => undefined);
      return query;
    };
    let next = fetch();
    for (;;) {
      const { rows } = await next;
      if (!rows.length) break;
      next = fetch();
      yield rows as T[];
    }

    await client.query('COMMIT');
    open = false;
  } finally {
    // Also when the consumer stops early (client went away): end the transaction, free the connection.
    if (open) await client.query('ROLLBACK').catch(() => undefined);
    await knex.client.releaseConnection(client);
  }
}

interface PgClient {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
const iterator = db.prepare(workerData.sql).iterate(...workerData.params);
parentPort.on('message', () => {
  try {
    const rows = [];
    for (let i = 0; i < workerData.batchSize; i++) {
      const next = iterator.next();
      if (next.done) break;
      rows.push(next.value);
    }
    parentPort.postMessage({ rows, done: rows.length < workerData.batchSize });
  } catch (error) {
    parentPort.postMessage({ error: error.message });
  }
});
`;

async function* sqliteIterator<T>(db: Database, sql: string, rawParams: unknown[], batchSize: number): AsyncGenerator<T[]> {
  const file = db.sqliteFile;
  if (!file) {
    // An in-memory database has no file a worker could open: read it at once (tests only).
    yield await db.read<T>(sql, rawParams);
    return;
  }
  const params = sqliteParams(rawParams);
  const worker = new Worker(WORKER_SOURCE, { eval: true, execArgv: [], workerData: { file, driver: require.resolve('better-sqlite3'), sql, params, batchSize } });
  type Reply = { rows?: T[]; done?: boolean; error?: string };
  let waiting: { resolve: (reply: Reply) => void; reject: (error: Error) => void } | null = null;
  worker.on('message', (reply: Reply) => waiting?.resolve(reply));
  worker.on('error', (error) => waiting?.reject(error));
  // A worker that stops without an error (terminated, out of memory) answers nothing more: without
  // this the export waited forever with the download open (found by the attack tests). After the
  // last batch the promise is already settled and this does nothing.
  worker.on('exit', (code) => waiting?.reject(new Error(`The export worker stopped (exit code ${code}).`)));
  const next = () => {
    const reply = new Promise<Reply>((resolve, reject) => {
      waiting = { resolve, reject };
      worker.postMessage('next');
    });
    reply.catch(() => undefined);
    return reply;
  };
  try {
    // One batch ahead, as on PostgreSQL: the worker reads while the consumer writes.
    let pending = next();
    for (;;) {
      const message = await pending;
      if (message.error) throw new Error(message.error);
      if (!message.done) pending = next();
      if (message.rows?.length) yield message.rows;
      if (message.done) break;
    }
  } finally {
    await worker.terminate();
  }
}
