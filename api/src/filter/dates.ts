import { DateTime } from 'luxon';
import { DateUnit } from './filter.enums';

/**
 * Calendar arithmetic in the evaluation time zone, done once in JavaScript when a query runs and
 * bound as plain values, so SQLite, PostgreSQL and the oracle agree to the millisecond.
 */
const LUXON_UNIT: Record<DateUnit, 'days' | 'weeks' | 'months' | 'years'> = {
  [DateUnit.DAY]: 'days',
  [DateUnit.WEEK]: 'weeks',
  [DateUnit.MONTH]: 'months',
  [DateUnit.YEAR]: 'years',
};

export function isValidZone(zone: string): boolean {
  return DateTime.now().setZone(zone).isValid;
}

/** The instant (epoch ms) a calendar day 'YYYY-MM-DD' starts in the zone. */
export function startOfDay(day: string, zone: string): number {
  return DateTime.fromISO(day, { zone }).startOf('day').toMillis();
}

/** 'YYYY-MM-DD' plus n days (calendar arithmetic, no zone involved). */
export function addDays(day: string, n: number): string {
  return DateTime.fromISO(day, { zone: 'UTC' }).plus({ days: n }).toISODate() as string;
}

/** Today's calendar day in the zone at `now`. */
export function today(now: Date, zone: string): string {
  return DateTime.fromJSDate(now).setZone(zone).toISODate() as string;
}

/** The calendar day `amount` units before today (Jan 31 − 1 month = Dec 31; Mar 31 − 1 month = Feb 28/29). */
export function daysAgo(now: Date, zone: string, amount: number, unit: DateUnit): string {
  return DateTime.fromJSDate(now).setZone(zone).startOf('day').minus({ [LUXON_UNIT[unit]]: amount }).toISODate() as string;
}

/** The same day `years` years before `day` (Feb 29 falls back to Feb 28). */
export function yearsBefore(day: string, years: number): string {
  return DateTime.fromISO(day, { zone: 'UTC' }).minus({ years }).toISODate() as string;
}

/** MMDD of a day, as stored in contact.birth_month_day. */
export function monthDay(day: string): number {
  return Number(day.slice(5, 7)) * 100 + Number(day.slice(8, 10));
}
