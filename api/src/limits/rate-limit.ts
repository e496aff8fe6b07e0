import type { RequestHandler } from 'express';
import { checkAsMiddleware, type ApiRequest, type RequestCheck } from '../common/http-request';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { LimitCode, sendLimitError } from '../errors/limit-error';

/**
 * Rate limits with rate-limiter-flexible, counted in this process's memory. With several API
 * processes behind one address each keeps its own count (a client gets up to N × the budget):
 * they would need a shared store instead, e.g. RateLimiterPostgres on the app's own database or
 * RateLimiterRedis, created here with the same options; the middleware stays as it is.
 */
export interface RateBudget {
  /** Points per window; 0 turns the limiter off. */
  points: number;
  windowSeconds: number;
}

export type RateLimiter = RateLimiterMemory;

/** A limiter for one kind of thing counted (`api` requests, `login` attempts per IP and e-mail…); null when off. */
export function createRateLimiter(budget: RateBudget, keyPrefix = 'api'): RateLimiter | null {
  if (!(budget.points > 0)) return null;
  return new RateLimiterMemory({ points: budget.points, duration: Math.max(1, budget.windowSeconds), keyPrefix });
}

export type RateDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

/**
 * Takes `points` from `key`'s budget. Reusable outside HTTP middleware, e.g. a login resolver:
 * `await consumeRate(loginLimiter, `${ip}|${email.toLowerCase()}`)`.
 */
export async function consumeRate(limiter: RateLimiter | null, key: string, points = 1): Promise<RateDecision> {
  if (!limiter) return { allowed: true, remaining: Infinity };
  try {
    const result = await limiter.consume(key, points);
    return { allowed: true, remaining: result.remainingPoints };
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)) };
    throw refusal;
  }
}

export interface RateLimitOptions {
  /**
   * Who is asking: the actor's subject (`user:3`, `token:7`), or null for a request without a
   * credential, which is then counted per client IP.
   */
  subjectOf: (req: ApiRequest) => string | null | undefined | Promise<string | null | undefined>;
  /** Points one request takes (/graphql: one per operation and per heavy read, request-weight.ts). Default 1. */
  pointsOf?: (req: ApiRequest) => number;
}

/** Over budget: HTTP 429, `Retry-After`, and the GraphQL error shape with code RATE_LIMITED. */
export function rateLimitCheck(limiter: RateLimiter | null, options: RateLimitOptions): RequestCheck {
  return async (req, res) => {
    if (!limiter) return true;
    const subject = (await options.subjectOf(req)) ?? `ip:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`;
    const decision = await consumeRate(limiter, subject, Math.max(1, options.pointsOf?.(req) ?? 1));
    if (decision.allowed) return true;
    res.setHeader('Retry-After', String(decision.retryAfterSeconds));
    sendLimitError(
      res,
      429,
      LimitCode.RATE_LIMITED,
      `Too many requests: the budget is ${limiter.points} per ${limiter.duration} s (each batched operation, and each count or page in it, counts one). Try again in ${decision.retryAfterSeconds} s.`,
      { retryAfterSeconds: decision.retryAfterSeconds },
    );
    return false;
  };
}

/** The same check as Express middleware (the CSV export route). */
export function rateLimitMiddleware(limiter: RateLimiter | null, options: RateLimitOptions): RequestHandler {
  return checkAsMiddleware(rateLimitCheck(limiter, options));
}
