import { randomUUID } from 'node:crypto';
import { createContext, type Context } from '../request/context';
import { toGlobalId } from '../common/global-id';
import { UserErrorCode, type UserError } from '../common/user-error';
import { Segment } from './definition/segment.entity';
import { parseImport } from './static-import';
import { importProblems, linesOf, store, type ImportOutcome } from './static-members.service';

export enum StaticImportJobState {
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}

export interface StaticImportJobRecord {
  id: string;
  /** Global id of the segment. */
  segmentId: string;
  state: StaticImportJobState;
  totalLines: number;
  /**
   * Lines settled so far: rejected and repeated lines as soon as the text is read, valid lines
   * as the chunk holding them is inserted. Reaches totalLines when the job is DONE.
   */
  processedLines: number;
  report: ImportOutcome | null;
  error: string | null;
  /** Why the job FAILED, typed: a client branches on it (the message is English prose). */
  errorCode: UserErrorCode | null;
  startedAt: Date;
  finishedAt: Date | null;
}

/** How long a finished job can still be read. */
export const JOB_TTL_MS = 60 * 60 * 1000;

const FAILED_MESSAGE = 'The import failed and nothing was stored; the error has been logged. Try again.';

/** Lets waiting requests (progress polls) in between two statements; SQLite's driver is synchronous. */
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Imports into static segments that run after the mutation has answered, so a client can poll
 * their progress. Jobs live in this process's memory only: a restart forgets them (the rows a
 * finished job stored stay; a running one's transaction is rolled back), and with several API
 * processes a poll must reach the process that started the job. A finished job is kept for
 * JOB_TTL_MS, then dropped when the store is next used.
 */
export class StaticImportJobs {
  private readonly jobs = new Map<string, StaticImportJobRecord>();

  constructor(
    private readonly ttlMs = JOB_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Checks and reads the text now (so the job knows its line count), stores it in the background.
   * Problems that stop the whole import come back as errors and start no job.
   */
  start(ctx: Context, segment: Segment, text: string): { job: StaticImportJobRecord | null; errors: UserError[] } {
    this.sweep();
    const errors = importProblems(ctx, segment, text);
    if (errors.length) return { job: null, errors };
    const parsed = parseImport(text, ctx.config.defaultPhoneRegion);
    const job: StaticImportJobRecord = {
      id: randomUUID(),
      segmentId: toGlobalId('Segment', segment.key),
      state: StaticImportJobState.RUNNING,
      totalLines: linesOf(parsed),
      processedLines: parsed.invalid.length + parsed.duplicates,
      report: null,
      error: null,
      errorCode: null,
      startedAt: new Date(this.now()),
      finishedAt: null,
    };
    this.jobs.set(job.id, job);
    // A context of its own: the request's ends with the answer, the job goes on.
    const jobCtx = createContext(ctx.db, ctx.config, ctx.actor);
    void store(jobCtx, segment, parsed, async (lines) => {
      job.processedLines += lines;
      await yieldToOthers();
    }).then(
      (report) => this.finish(job, { state: StaticImportJobState.DONE, report, processedLines: job.totalLines }),
      (error: unknown) => {
        console.error(`[static import ${job.id}] failed:`, error);
        // The transaction rolled back (the database connection dropped, the disk filled…): nothing stored.
        this.finish(job, { state: StaticImportJobState.FAILED, error: FAILED_MESSAGE, errorCode: UserErrorCode.WRITE_FAILED });
      },
    );
    return { job, errors: [] };
  }

  /** The job, or null when no job has this id (never started here, or expired). */
  get(id: string): StaticImportJobRecord | null {
    this.sweep();
    return this.jobs.get(id) ?? null;
  }

  /** When a finished job stops being readable. */
  expiresAt(job: StaticImportJobRecord): Date | null {
    return job.finishedAt ? new Date(job.finishedAt.getTime() + this.ttlMs) : null;
  }

  /** Resolves when the job is no longer RUNNING (tests and callers that want to wait). */
  async settled(id: string): Promise<StaticImportJobRecord | null> {
    for (;;) {
      const job = this.jobs.get(id);
      if (job?.state !== StaticImportJobState.RUNNING) return job ?? null;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  private finish(job: StaticImportJobRecord, outcome: Partial<StaticImportJobRecord>): void {
    Object.assign(job, outcome, { finishedAt: new Date(this.now()) });
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, job] of this.jobs) {
      if (job.finishedAt && job.finishedAt.getTime() + this.ttlMs <= now) this.jobs.delete(id);
    }
  }
}

/** The API process's jobs. */
export const staticImportJobs = new StaticImportJobs();
