import { Worker } from 'node:worker_threads';
import { queryTimeoutError } from '../errors/limit-error';

/**
 * Read-only SQLite statements on worker threads. better-sqlite3 is synchronous: a 2-second count
 * on the main thread would stall every other request and the health check. Each worker holds its
 * own read-only connection (WAL mode lets it read beside the writer) and runs one statement at a
 * time; statements wait in a queue on the main thread until a worker is free.
 *
 * Timeouts: better-sqlite3 has no way to interrupt a running statement (no sqlite3_interrupt, no
 * progress handler). When a statement outlives its timeout the caller gets QUERY_TIMEOUT at once,
 * and its worker is retired and replaced by a fresh one, so later statements are served as usual.
 * The abandoned statement still runs to its end on the retired thread (one core busy, and its read
 * snapshot holds back WAL checkpoints meanwhile); Worker.terminate() takes effect as soon as
 * SQLite hands control back, and the thread then exits. Process exit waits for such a thread.
 *
 * Abandoned statements are capped (SQLITE_MAX_ABANDONED): once `maxAbandoned` retired threads are
 * still running, the next worker retired is not replaced, so the reader has fewer live
 * workers (`capacity`) and new statements wait (the heavy-read gate in front answers SERVER_BUSY)
 * instead of starting ever more threads; each abandoned thread that ends gives its place back.
 * Before, every timed-out count left one more thread at 100 % CPU (found by the red team).
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

interface Job {
  id: number;
  sql: string;
  params: unknown[];
  resolve: (rows: unknown[]) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout | null;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  retired: boolean;
}

interface Reply {
  id: number;
  rows?: unknown[];
  error?: { message: string; code?: string };
}

export class SqliteReader {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private readonly driver = require.resolve('better-sqlite3');
  private nextId = 1;
  private closed = false;
  /** Retired workers whose abandoned statement has not finished yet (tests and diagnostics read it). */
  abandoned = 0;
  private readonly maxAbandoned: number;
  private readonly onCapacity: () => void;

  constructor(
    private readonly file: string,
    private readonly size = 2,
    options: { maxAbandoned?: number; onCapacity?: () => void } = {},
  ) {
    this.maxAbandoned = options.maxAbandoned ?? Infinity;
    this.onCapacity = options.onCapacity ?? (() => undefined);
    for (let i = 0; i < size; i++) this.slots.push(this.startSlot());
  }

  /** Live workers: statements that can run at once now (fewer than `size` while abandoned statements are capped). */
  get capacity(): number {
    return this.slots.length;
  }

  /** Runs a read-only statement on the next free worker; `timeoutMs` > 0 bounds the whole wait (queue + run). */
  all<T = Record<string, unknown>>(sql: string, rawParams: unknown[] = [], timeoutMs = 0): Promise<T[]> {
    if (this.closed) return Promise.reject(new Error('The database is closing.'));
    return new Promise<T[]>((resolve, reject) => {
      const job: Job = { id: this.nextId++, sql, params: sqliteParams(rawParams), resolve: resolve as Job['resolve'], reject, timer: null };
      if (timeoutMs > 0) job.timer = setTimeout(() => this.expire(job, timeoutMs), timeoutMs);
      this.queue.push(job);
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const running = this.slots.map((slot) => slot.worker);
    for (const job of [...this.queue, ...this.slots.flatMap((slot) => (slot.job ? [slot.job] : []))]) {
      this.settle(job, () => job.reject(new Error('The database is closing.')));
    }
    this.queue.length = 0;
    await Promise.all(running.map((worker) => worker.terminate()));
  }

  private startSlot(): Slot {
    const worker = new Worker(WORKER_SOURCE, { eval: true, execArgv: [], workerData: { file: this.file, driver: this.driver } });
    const slot: Slot = { worker, job: null, retired: false };
    worker.on('message', (reply: Reply) => {
      const job = slot.job;
      if (job?.id !== reply.id) return;
      slot.job = null;
      this.settle(job, () => (reply.error ? job.reject(Object.assign(new Error(reply.error.message), { code: reply.error.code })) : job.resolve(reply.rows ?? [])));
      this.dispatch();
    });
    // A worker that dies (it should not) fails its statement and is replaced.
    worker.on('error', (error) => {
      if (slot.retired) return;
      const job = slot.job;
      if (job) this.settle(job, () => job.reject(error));
      this.replace(slot);
    });
    // One that stops without an error (terminated from outside, out of memory) too: before, its
    // statement and every later one sent to it waited forever (found by the attack tests).
    worker.on('exit', (code) => {
      if (slot.retired || this.closed) return;
      slot.retired = true;
      const job = slot.job;
      if (job) this.settle(job, () => job.reject(new Error(`The SQLite reader stopped (exit code ${code}) while running a statement.`)));
      this.slots[this.slots.indexOf(slot)] = this.startSlot();
      this.dispatch();
    });
    worker.unref();
    return slot;
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (!this.queue.length) return;
      if (slot.job) continue;
      const job = this.queue.shift()!;
      slot.job = job;
      slot.worker.postMessage({ id: job.id, sql: job.sql, params: job.params });
    }
  }

  /** The timeout: a queued statement leaves the queue; a running one is abandoned with its worker. */
  private expire(job: Job, timeoutMs: number): void {
    job.timer = null;
    const queued = this.queue.indexOf(job);
    if (queued >= 0) this.queue.splice(queued, 1);
    const slot = this.slots.find((s) => s.job === job);
    if (slot) this.replace(slot);
    job.reject(queryTimeoutError(timeoutMs));
  }

  private replace(slot: Slot): void {
    slot.retired = true;
    const retired = slot.worker;
    retired.removeAllListeners('message');
    this.abandoned++;
    retired.once('exit', () => {
      this.abandoned--;
      this.refill();
    });
    void retired.terminate().catch(() => undefined);
    const fresh = this.closed || this.abandoned > this.maxAbandoned ? null : this.startSlot();
    const index = this.slots.indexOf(slot);
    if (fresh) this.slots[index] = fresh;
    else this.slots.splice(index, 1);
    this.dispatch();
  }

  /** Workers withheld while too many abandoned statements ran come back as those end. */
  private refill(): void {
    if (this.closed || this.slots.length >= this.size || this.abandoned > this.maxAbandoned) return;
    this.slots.push(this.startSlot());
    this.dispatch();
    this.onCapacity();
  }

  private settle(job: Job, outcome: () => void): void {
    if (job.timer) clearTimeout(job.timer);
    job.timer = null;
    outcome();
  }
}

/** Values bound as this app stores them in SQLite: instants as epoch ms, booleans as 0/1. */
export function sqliteParams(params: unknown[]): unknown[] {
  return params.map((p) => (p instanceof Date ? p.getTime() : typeof p === 'boolean' ? (p ? 1 : 0) : p));
}
