import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { Config } from '../config';

const WINDOW_SECONDS = 15 * 60;

/**
 * Failed sign-ins are counted per e-mail and client address (a person mistyping gets several
 * tries; a guesser gets few), and per client address over all e-mails (password spraying).
 * In process memory: with several API processes each counts its own share, which still bounds
 * guessing; a shared store (rate-limiter-flexible's Redis or PostgreSQL limiters) would make it exact.
 */
export class SignInLimits {
  private readonly perAccount: RateLimiterMemory;
  private readonly perClient: RateLimiterMemory;

  constructor(config: Config) {
    this.perAccount = new RateLimiterMemory({ points: config.auth.signInAttempts, duration: WINDOW_SECONDS });
    this.perClient = new RateLimiterMemory({ points: config.auth.signInAttempts * 10, duration: WINDOW_SECONDS });
  }

  /** Seconds until another attempt is allowed, or 0 when one is allowed now. */
  async waitSeconds(ip: string, email: string): Promise<number> {
    const [account, client] = await Promise.all([this.perAccount.get(`${ip}|${email}`), this.perClient.get(ip)]);
    const blocked = [
      account && account.consumedPoints >= this.perAccount.points ? account.msBeforeNext : 0,
      client && client.consumedPoints >= this.perClient.points ? client.msBeforeNext : 0,
    ];
    return Math.ceil(Math.max(...blocked) / 1000);
  }

  async failed(ip: string, email: string): Promise<void> {
    await Promise.all([this.perAccount.penalty(`${ip}|${email}`, 1), this.perClient.penalty(ip, 1)]);
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
