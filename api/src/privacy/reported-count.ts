import type { Context } from '../request/context';
import { seesPersonalData } from './personal-fields';

/** A count as it leaves the API: exact, or (value null) "fewer than `fewerThan`". */
export interface ReportedCount {
  value: number | null;
  fewerThan: number | null;
}

/**
 * Small counts name people: "1 member" after "city = X and age = 34" is a person. Callers without
 * crm:read get every value in 0..k-1 (0 too: "nobody" also answers the question) as "fewer than
 * k", k = MIN_REPORTED_COUNT; with crm:read they could read the records anyway, so they get the
 * exact number.
 */
export function reportCount<T extends ReportedCount>(ctx: Pick<Context, 'actor' | 'config'>, count: T): T {
  const k = ctx.config.minReportedCount;
  if (count.value === null || count.value >= k || seesPersonalData(ctx.actor)) return count;
  return { ...count, value: null, fewerThan: k };
}
