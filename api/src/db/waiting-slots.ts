/**
 * A fixed number of slots with a bounded wait: `acquire` resolves with a release function as
 * soon as a slot is free, or rejects with SlotWaitTimeout after `waitMs` (or with the signal's
 * reason when the caller gives up first). Waiters are served in arrival order. The queue itself
 * is bounded by the callers (the export caps admit only so many).
 */
export class SlotWaitTimeout extends Error {
  constructor(readonly waitedMs: number) {
    super(`No slot came free within ${waitedMs} ms.`);
    this.name = 'SlotWaitTimeout';
  }
}

/** Why a wait was given up: the signal's reason (an AbortError unless the caller gave one). */
function abortReason(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason : new Error(typeof reason === 'string' ? reason : 'The wait was aborted.');
}

interface Waiter {
  grant: (release: () => void) => void;
  reject: (error: Error) => void;
}

export class WaitingSlots {
  private taken = 0;
  private readonly waiters: Waiter[] = [];

  constructor(readonly size: number) {
    if (!(size >= 1)) throw new Error('WaitingSlots needs at least one slot.');
  }

  /** Slots held now. */
  get inUse(): number {
    return this.taken;
  }

  /** Callers waiting for a slot now. */
  get waiting(): number {
    return this.waiters.length;
  }

  acquire(waitMs: number, signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (this.taken < this.size) {
      this.taken++;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      const leave = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        const index = this.waiters.indexOf(waiter);
        if (index >= 0) this.waiters.splice(index, 1);
      };
      const waiter: Waiter = {
        grant: (release) => {
          leave();
          resolve(release);
        },
        reject: (error) => {
          leave();
          reject(error);
        },
      };
      const timer = setTimeout(() => waiter.reject(new SlotWaitTimeout(waitMs)), waitMs);
      const onAbort = () => waiter.reject(abortReason(signal));
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }

  /** A release that works once: a second call (an error path after a finally) frees nothing more. */
  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiters[0];
      // The slot passes straight to the next waiter (never counted free in between).
      if (next) next.grant(this.releaser());
      else this.taken--;
    };
  }
}
