import { createHash } from 'node:crypto';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Context } from '../request/context';
import type { Config } from '../config/config';
import { LimitCode, limitError } from '../errors/limit-error';
import { seesPersonalData } from './personal-fields';

const HOUR_SECONDS = 3600;

/**
 * Distinct filters one credential may evaluate per hour. Each new filter is an experiment on
 * the data; re-running one already tried (a live preview refreshing, a page reloaded) tells
 * nothing new and is free. Counted in process memory like the request rate limit.
 */
export class EvaluationBudget {
  private readonly limiter: RateLimiterMemory;
  /** Per credential: filter hash -> when it stops being free (ms epoch) and the charge's outcome. */
  private readonly seen = new Map<string, Map<string, { expires: number; outcome: Promise<number | null> }>>();

  constructor(readonly perHour: number) {
    this.limiter = new RateLimiterMemory({ points: perHour, duration: HOUR_SECONDS, keyPrefix: 'filter-evaluations' });
  }

  /** null when allowed; else the seconds until the budget frees up. */
  charge(subject: string, hash: string, now = Date.now()): Promise<number | null> {
    let tried = this.seen.get(subject);
    if (!tried) this.seen.set(subject, (tried = new Map<string, { expires: number; outcome: Promise<number | null> }>()));
    const known = tried.get(hash);
    // The same filter again shares the first charge's outcome: aliases of one request charge
    // concurrently, and a repeat must neither cost twice nor slip past a refusal.
    if (known && known.expires > now) return known.outcome;
    // Forget expired entries so the map holds at most one hour's budget per credential.
    for (const [key, entry] of tried) if (entry.expires <= now) tried.delete(key);
    const entries = tried;
    const outcome = this.limiter.consume(subject, 1).then(
      () => null,
      (refusal: unknown) => {
        entries.delete(hash);
        if (refusal instanceof RateLimiterRes) return Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
        throw refusal;
      },
    );
    tried.set(hash, { expires: now + HOUR_SECONDS * 1000, outcome });
    return outcome;
  }
}

/** One budget per API instance (keyed by its configuration object, as the catalog cache is). */
const budgets = new WeakMap<Config, EvaluationBudget>();

function budgetOf(config: Config): EvaluationBudget | null {
  if (!(config.filterEvaluationsPerHour > 0)) return null;
  let budget = budgets.get(config);
  if (!budget) budgets.set(config, (budget = new EvaluationBudget(config.filterEvaluationsPerHour)));
  return budget;
}

/** Keys sorted at every level and empty values dropped: the same filter hashes the same however it was written. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== null && v !== undefined);
    return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

export function filterHash(what: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(what)))
    .digest('base64url');
}

/**
 * Charges one evaluation of a filter (the tree with its source, member types and zone) to the
 * caller, or throws RATE_LIMITED with retryAfterSeconds. Callers with crm:read are not counted:
 * they may read the records themselves, so counts teach them nothing a budget would protect.
 */
export async function chargeEvaluation(ctx: Pick<Context, 'actor' | 'config'>, filter: unknown): Promise<void> {
  if (seesPersonalData(ctx.actor)) return;
  const budget = budgetOf(ctx.config);
  if (!budget) return;
  const subject = ctx.actor?.subject ?? 'internal';
  const retryAfterSeconds = await budget.charge(subject, filterHash(filter));
  if (retryAfterSeconds === null) return;
  throw limitError(
    LimitCode.RATE_LIMITED,
    `Too many different filters: the budget is ${budget.perHour} distinct filters per hour for a role or token without "crm:read" (repeating one already tried is free). Try again in ${retryAfterSeconds} s.`,
    { details: { retryAfterSeconds } },
  );
}
