import type { GraphQLError } from 'graphql';
import { itemAt } from '../lib/indexed';
import { LimitCode, limitError, queryTimeoutError } from '../errors/limit-error';

/**
 * Admission control for heavy reads (counts, pages, previews, membership checks, list totals).
 *
 * At most `capacity()` run at once in all (the heavy pool's connections, or SQLite's live readers,
 * so an admitted read never waits inside the pool, where the wait has no bound and answered
 * KnexTimeoutError), and at most `perCredential` for one user or token, kept below the capacity
 * so one credential never holds every connection or reader. The rest wait in arrival order, each
 * at most `queueMs` (and never past its own deadline): then SERVER_BUSY, or QUERY_TIMEOUT when the
 * statement's time limit came first. A read without a credential (internal work) counts in the
 * total only.
 */
export interface GateOptions {
  capacity: () => number;
  perCredential: number;
  queueMs: number;
}

interface Waiter {
  credential: string | null;
  admit: () => void;
}

export type Release = () => void;

/** A read's time limit: when it ends (performance.now() clock) and the QUERY_TIMEOUT_MS it came from. */
export interface TimeLimit {
  deadline: number;
  timeoutMs: number;
}

export class HeavyReadGate {
  private running = 0;
  private readonly byCredential = new Map<string, number>();
  private readonly waiting: Waiter[] = [];

  constructor(private readonly options: GateOptions) {}

  /** The cap for one credential: the configured one, below the capacity, at least 1. */
  perCredentialCap(): number {
    return Math.max(1, Math.min(this.options.perCredential, this.options.capacity() - 1));
  }

  /** Reads running now (tests and diagnostics). */
  get active(): number {
    return this.running;
  }

  /**
   * Waits for a place; resolves with the function that gives it back (call it exactly once).
   * `limit` (the statement's deadline on performance.now()'s clock, and the QUERY_TIMEOUT_MS it
   * came from) bounds the wait together with `queueMs`.
   */
  enter(credential: string | null, limit: TimeLimit | null = null): Promise<Release> {
    const deadline = limit?.deadline ?? Infinity;
    // Whoever waits does not fit (releases admit waiters synchronously, before any newcomer), so a
    // newcomer that fits takes no one's turn.
    if (this.fits(credential)) return Promise.resolve(this.take(credential));
    return new Promise<Release>((resolve, reject) => {
      const now = performance.now();
      const queueEnd = now + Math.max(0, this.options.queueMs);
      const until = Math.min(queueEnd, deadline);
      const waiter: Waiter = {
        credential,
        admit: () => {
          clearTimeout(timer);
          resolve(this.take(credential));
        },
      };
      const timer = setTimeout(
        () => {
          const index = this.waiting.indexOf(waiter);
          if (index < 0) return;
          this.waiting.splice(index, 1);
          reject(limit && deadline <= queueEnd ? queryTimeoutError(limit.timeoutMs) : this.busyError(credential));
        },
        Math.max(0, until - now),
      );
      this.waiting.push(waiter);
    });
  }

  /** Admits whoever now fits, in arrival order (a credential at its cap does not hold up others). */
  pump(): void {
    for (let i = 0; i < this.waiting.length;) {
      const waiter = itemAt(this.waiting, i);
      if (this.running >= this.options.capacity()) return;
      if (this.fits(waiter.credential)) {
        this.waiting.splice(i, 1);
        waiter.admit();
      } else i++;
    }
  }

  private fits(credential: string | null): boolean {
    if (this.running >= this.options.capacity()) return false;
    return credential === null || (this.byCredential.get(credential) ?? 0) < this.perCredentialCap();
  }

  private take(credential: string | null): Release {
    this.running++;
    if (credential !== null) this.byCredential.set(credential, (this.byCredential.get(credential) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running--;
      if (credential !== null) {
        const left = (this.byCredential.get(credential) ?? 1) - 1;
        if (left > 0) this.byCredential.set(credential, left);
        else this.byCredential.delete(credential);
      }
      this.pump();
    };
  }

  private busyError(credential: string | null): GraphQLError {
    const ownCap = this.perCredentialCap();
    const own = credential !== null && (this.byCredential.get(credential) ?? 0) >= ownCap;
    const seconds = Math.max(1, Math.ceil(this.options.queueMs / 1000));
    const why = own
      ? `You already have ${ownCap} counts or pages running (HEAVY_READS_PER_CREDENTIAL), and this one waited ${+(this.options.queueMs / 1000).toFixed(3)} s for them.`
      : `The server is running as many counts and pages as it can (HEAVY_READ_POOL_SIZE), and this one waited ${+(this.options.queueMs / 1000).toFixed(3)} s for a turn.`;
    return limitError(LimitCode.SERVER_BUSY, `${why} Try again in ${seconds} s.`, { details: { retryAfterSeconds: seconds } });
  }
}
