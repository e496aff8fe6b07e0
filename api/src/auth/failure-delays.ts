import { RateLimiterMemory } from 'rate-limiter-flexible';

/** Failures of one subject are remembered this long after the first (a fixed window). */
export const FAILURE_WINDOW_SECONDS = 15 * 60;

export interface DelaySettings {
  firstSeconds: number;
  maxSeconds: number;
}

/** The wait after the n-th failure (n ≥ 1): first, doubled per failure, capped (1, 2, 4 … 60 s). */
export function delayAfterFailures(failures: number, settings: DelaySettings): number {
  if (failures <= 0) return 0;
  return Math.min(settings.firstSeconds * 2 ** Math.min(failures - 1, 30), settings.maxSeconds);
}

/** What a caller may do now: try (and say how it went), or wait. */
export type Attempt = { allowed: true; finish(succeeded: boolean): Promise<void> } | { allowed: false; retryAfterSeconds: number };

/**
 * Progressive delays for password guesses at one subject (an e-mail, a user), instead of a
 * lockout. Every failure for the subject, from anywhere, makes the next wait longer; but the wait
 * holds only the client that failed (subject + client address). A hard lock per subject let
 * anyone lock anyone out (staff e-mails are visible to viewers); here an attacker failing from
 * other addresses never holds the owner back for longer than the capped delay of the owner's own
 * last mistake. One client runs one attempt per subject at a time, so parallel requests cannot
 * slip guesses in before the first failure is counted. Guessing from many addresses is bounded by
 * the per-address budget (SignInLimits) and the doubling: each address gets about 20 tries per
 * subject in the window at a 60 s cap.
 */
export class FailureDelays {
  /** Failures per subject in the window: how long the next hold is. */
  private readonly failures = new RateLimiterMemory({ points: Number.MAX_SAFE_INTEGER, duration: FAILURE_WINDOW_SECONDS });
  /** Subject + client pairs held until their delay has passed. */
  private readonly holds = new RateLimiterMemory({ points: 1, duration: FAILURE_WINDOW_SECONDS });
  private readonly inFlight = new Set<string>();

  constructor(private readonly settings: DelaySettings) {}

  /** Milliseconds this client must still wait before trying this subject again (0: may try now). */
  async waitMs(subject: string, client: string): Promise<number> {
    const hold = await this.holds.get(pairKey(subject, client));
    return hold ? Math.max(hold.msBeforeNext, 0) : 0;
  }

  async begin(subject: string, client: string): Promise<Attempt> {
    const pair = pairKey(subject, client);
    const waitMs = await this.waitMs(subject, client);
    // Another attempt of this pair is still being checked: its outcome decides the wait.
    if (waitMs > 0 || this.inFlight.has(pair)) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
    this.inFlight.add(pair);
    return {
      allowed: true,
      finish: async (succeeded) => {
        try {
          if (succeeded) await this.holds.delete(pair);
          else await this.failed(subject, pair);
        } finally {
          this.inFlight.delete(pair);
        }
      },
    };
  }

  private async failed(subject: string, pair: string): Promise<void> {
    const { consumedPoints } = await this.failures.penalty(subject, 1);
    await this.holds.block(pair, delayAfterFailures(consumedPoints, this.settings));
  }
}

function pairKey(subject: string, client: string): string {
  return `${subject}\u0000${client}`;
}
