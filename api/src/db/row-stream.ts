import { Worker } from 'node:worker_threads';
import { sqliteParams } from './sqlite-reader';

/**
 * Rows of one long read, in batches, in constant memory (CSV exports): the consumer pulls the
 * next batch only when it has written the previous one, and one batch is read ahead meanwhile.
 * Where the connection or thread comes from, and how many there may be, is export-pool.ts's part.
 */

export interface PgCursorClient {
  query(sql: string): Promise<{ rows: unknown[] }>;
}

/**
 * PostgreSQL: a server-side cursor (DECLARE … FETCH n) on a connection the caller owns.
 * `statement` has its values written in (see export-pool.ts). When the consumer stops early the
 * transaction is left open: the owner destroys the connection, which ends it on the server.
 */
export async function* postgresCursor<T>(client: PgCursorClient, statement: string, batchSize: number): AsyncGenerator<T[]> {
  await client.query('BEGIN READ ONLY');
  await client.query(`DECLARE export_cursor NO SCROLL CURSOR FOR ${statement}`);
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

/**
 * SQLite: a worker thread of its own iterating the statement, so the event loop never runs the
 * query. The worker reads one batch per message and then waits: when the consumer stops taking
 * batches (a client that stopped reading), the worker stops reading too, so at most the batch in
 * hand and the one read ahead are in memory. The thread is terminated when the consumer is done.
 */
export async function* sqliteIterator<T>(file: string, sql: string, rawParams: unknown[], batchSize: number): AsyncGenerator<T[]> {
  const params = sqliteParams(rawParams);
  const worker = new Worker(WORKER_SOURCE, { eval: true, execArgv: [], workerData: { file, driver: require.resolve('better-sqlite3'), sql, params, batchSize } });
  interface Reply {
    rows?: T[];
    done?: boolean;
    error?: string;
  }
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
