import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Config } from '../config/config';
import { FAILURE_WINDOW_SECONDS, FailureDelays, type Attempt } from './failure-delays';

/**
 * Limits on password guessing (the README's "Access" section):
 * - per e-mail (sign-in) and per user (changePassword): progressive delays, held per client
 *   address (failure-delays.ts), so failing for someone's e-mail never locks its owner out;
 * - per client address over all e-mails and users: a budget of wrong passwords in 15 minutes
 *   (password spraying from one address). An attempt takes a point when it starts (so parallel
 *   attempts cannot overdraw it) and gives it back when the password was right.
 * The client address is the socket's, or X-Forwarded-For from a trusted proxy (TRUST_PROXY).
 * In process memory: with several API processes each counts its own share, which still bounds
 * guessing; a shared store (rate-limiter-flexible's Redis or PostgreSQL limiters) would make it exact.
 */
export class SignInLimits {
  private readonly perEmail: FailureDelays;
  private readonly perUser: FailureDelays;
  private readonly perClient: RateLimiterMemory;

  constructor(config: Config) {
    this.perEmail = new FailureDelays(config.auth.failureDelay);
    this.perUser = new FailureDelays(config.auth.failureDelay);
    this.perClient = new RateLimiterMemory({ points: config.auth.clientFailures, duration: FAILURE_WINDOW_SECONDS });
  }

  /** A sign-in attempt for an e-mail (known or not: the answer is the same either way). */
  signIn(ip: string, email: string): Promise<Attempt> {
    return this.begin(this.perEmail, email, ip);
  }

  /** A check of a signed-in user's current password (changePassword). */
  passwordCheck(ip: string, userKey: number): Promise<Attempt> {
    return this.begin(this.perUser, `user:${userKey}`, ip);
  }

  private async begin(delays: FailureDelays, subject: string, ip: string): Promise<Attempt> {
    const client = await this.takeClientPoint(ip);
    if (!client.allowed) return client;
    const attempt = await delays.begin(subject, ip);
    if (!attempt.allowed) {
      await this.perClient.reward(ip, 1);
      return attempt;
    }
    return {
      allowed: true,
      finish: async (succeeded) => {
        if (succeeded) await this.perClient.reward(ip, 1);
        await attempt.finish(succeeded);
      },
    };
  }

  private async takeClientPoint(ip: string): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
    try {
      await this.perClient.consume(ip, 1);
      return { allowed: true };
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)) };
    }
  }
}

const byConfig = new WeakMap<Config, SignInLimits>();

/** One set of counters per configuration (per app; tests get their own). */
export function signInLimits(config: Config): SignInLimits {
  let limits = byConfig.get(config);
  if (!limits) byConfig.set(config, (limits = new SignInLimits(config)));
  return limits;
}
