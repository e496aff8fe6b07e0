import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { Config } from '../config';

const WINDOW_SECONDS = 15 * 60;

/**
 * Failed sign-ins are counted per e-mail and client address (a person mistyping gets several
 * tries; a guesser gets few), per client address over all e-mails (password spraying), and per
 * e-mail over all addresses (5× the first budget): the client address comes from
 * X-Forwarded-For, which a client reaching the web server directly can make up, so the per-e-mail
 * count still bounds guessing at one account.
 * In process memory: with several API processes each counts its own share, which still bounds
 * guessing; a shared store (rate-limiter-flexible's Redis or PostgreSQL limiters) would make it exact.
 */
export class SignInLimits {
  private readonly perAccount: RateLimiterMemory;
  private readonly perClient: RateLimiterMemory;
  private readonly perEmail: RateLimiterMemory;

  constructor(config: Config) {
    this.perAccount = new RateLimiterMemory({ points: config.auth.signInAttempts, duration: WINDOW_SECONDS });
    this.perClient = new RateLimiterMemory({ points: config.auth.signInAttempts * 10, duration: WINDOW_SECONDS });
    this.perEmail = new RateLimiterMemory({ points: config.auth.signInAttempts * 5, duration: WINDOW_SECONDS });
  }

  /** Seconds until another attempt is allowed, or 0 when one is allowed now. */
  async waitSeconds(ip: string, email: string): Promise<number> {
    const counters = [
      [this.perAccount, `${ip}|${email}`],
      [this.perClient, ip],
      [this.perEmail, email],
    ] as const;
    const blocked = await Promise.all(
      counters.map(async ([limiter, key]) => {
        const state = await limiter.get(key);
        return state && state.consumedPoints >= limiter.points ? state.msBeforeNext : 0;
      }),
    );
    return Math.ceil(Math.max(...blocked) / 1000);
  }

  async failed(ip: string, email: string): Promise<void> {
    await Promise.all([this.perAccount.penalty(`${ip}|${email}`, 1), this.perClient.penalty(ip, 1), this.perEmail.penalty(email, 1)]);
  }

  async succeeded(ip: string, email: string): Promise<void> {
    await this.perAccount.delete(`${ip}|${email}`);
  }
}

const byConfig = new WeakMap<Config, SignInLimits>();

/** One set of counters per configuration (per app; tests get their own). */
export function signInLimits(config: Config): SignInLimits {
  let limits = byConfig.get(config);
  if (!limits) byConfig.set(config, (limits = new SignInLimits(config)));
  return limits;
}
