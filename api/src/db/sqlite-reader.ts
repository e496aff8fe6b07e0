import { Worker } from 'node:worker_threads';

/**
 * Read-only SQLite statements on worker threads. better-sqlite3 is synchronous: a 2-second count
 * on the main thread would stall every other request and the health check. Each worker holds its
 * own read-only connection (WAL mode lets it read beside the writer) and runs one statement at a
 * time; the main thread only waits for a message.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
parentPort.on('message', ({ id, sql, params }) => {
  try {
    parentPort.postMessage({ id, rows: db.prepare(sql).all(...params) });
  } catch (error) {
    parentPort.postMessage({ id, error: { message: error.message, code: error.code } });
  }
});
`;

interface Pending {
  resolve: (rows: unknown[]) => void;
  reject: (error: Error) => void;
  worker: Worker;
}

export class SqliteReader {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private readonly busy = new Map<Worker, number>();
  private nextId = 1;
  private closing = false;

  constructor(
    private readonly file: string,
    size = 2,
  ) {
    for (let i = 0; i < size; i++) this.spawn();
  }

  private spawn(): void {
    const worker = new Worker(WORKER_SOURCE, { eval: true, execArgv: [], workerData: { file: this.file, driver: require.resolve('better-sqlite3') } });
    worker.on('message', (message: { id: number; rows?: unknown[]; error?: { message: string; code?: string } }) => {
      this.busy.set(worker, (this.busy.get(worker) ?? 1) - 1);
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (!waiting) return;
      if (message.error) waiting.reject(Object.assign(new Error(message.error.message), { code: message.error.code }));
      else waiting.resolve(message.rows ?? []);
    });
    // A worker that dies (terminated, out of memory, a crash) is replaced, and the statements it
    // held fail instead of waiting forever; before, they and every later statement sent to it hung
    // (found by the attack tests). 'error' comes before 'exit' when there is one.
    worker.on('error', () => undefined);
    worker.on('exit', (code) => this.replace(worker, code));
    worker.unref();
    this.workers.push(worker);
    this.busy.set(worker, 0);
  }

  private replace(worker: Worker, code: number): void {
    const index = this.workers.indexOf(worker);
    if (index >= 0) this.workers.splice(index, 1);
    this.busy.delete(worker);
    for (const [id, waiting] of this.pending) {
      if (waiting.worker !== worker) continue;
      this.pending.delete(id);
      waiting.reject(new Error(`The SQLite reader stopped (exit code ${code}) while running a statement.`));
    }
    if (!this.closing) this.spawn();
  }

  /** Runs a read-only statement on the least busy worker. */
  all<T = Record<string, unknown>>(sql: string, rawParams: unknown[] = []): Promise<T[]> {
    const params = sqliteParams(rawParams);
    const worker = this.workers.reduce((a, b) => ((this.busy.get(a) ?? 0) <= (this.busy.get(b) ?? 0) ? a : b));
    const id = this.nextId++;
    this.busy.set(worker, (this.busy.get(worker) ?? 0) + 1);
    return new Promise<T[]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (rows: unknown[]) => void, reject, worker });
      worker.postMessage({ id, sql, params });
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
    for (const waiting of this.pending.values()) waiting.reject(new Error('The database is closing.'));
    this.pending.clear();
  }
}

/** Values bound as this app stores them in SQLite: instants as epoch ms, booleans as 0/1. */
export function sqliteParams(params: unknown[]): unknown[] {
  return params.map((p) => (p instanceof Date ? p.getTime() : typeof p === 'boolean' ? (p ? 1 : 0) : p));
}
