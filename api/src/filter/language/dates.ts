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

/** Zones found valid, so a zone is checked once, not per request (luxon builds a formatter each time). */
const validZones = new Set<string>();
/** There are about 600 IANA zones; spelling variants beyond this are checked each time. */
const MAX_REMEMBERED_ZONES = 1000;

export function isValidZone(zone: string): boolean {
  if (validZones.has(zone)) return true;
  const valid = DateTime.now().setZone(zone).isValid;
  if (valid && validZones.size < MAX_REMEMBERED_ZONES) validZones.add(zone);
  return valid;
}

/** The instant (epoch ms) a calendar day 'YYYY-MM-DD' starts in the zone. */
export function startOfDay(day: string, zone: string): number {
  return DateTime.fromISO(day, { zone }).startOf('day').toMillis();
}

/** 'YYYY-MM-DD' plus n days (calendar arithmetic, no zone involved). */
export function addDays(day: string, n: number): string {
  return DateTime.fromISO(day, { zone: 'UTC' }).plus({ days: n }).toISODate()!;
}

/** Today's calendar day in the zone at `now`. */
export function today(now: Date, zone: string): string {
  return DateTime.fromJSDate(now).setZone(zone).toISODate()!;
}

/** The calendar day `amount` units before today (Jan 31 − 1 month = Dec 31; Mar 31 − 1 month = Feb 28/29). */
export function daysAgo(now: Date, zone: string, amount: number, unit: DateUnit): string {
  return DateTime.fromJSDate(now)
    .setZone(zone)
    .startOf('day')
    .minus({ [LUXON_UNIT[unit]]: amount })
    .toISODate()!;
}

/**
 * The same day `years` years before `day` (Feb 29 falls back to Feb 28). Years are capped at
 * ±20,000 (an age of 1e300 asked in a filter): far beyond the calendar, still a valid day.
 */
export function yearsBefore(day: string, years: number): string {
  const capped = Math.max(-20_000, Math.min(20_000, years));
  return DateTime.fromISO(day, { zone: 'UTC' }).minus({ years: capped }).toISODate()!;
}

/**
 * The days both engines store and compare: four-digit years. Calendar arithmetic near the edges
 * (ON 9999-12-31 needs the day after; WITHIN_LAST 10000 YEAR goes back to 7974 BC) yields days
 * luxon writes as '+010000-01-01' or '-007974-11-22', which PostgreSQL refuses and SQLite
 * compares as text, wrongly. Bounds outside are dropped or make the range empty instead.
 */
export const FIRST_DAY = '0001-01-01';
export const LAST_DAY = '9999-12-31';
export const FIRST_INSTANT = Date.parse('0001-01-01T00:00:00Z');
export const LAST_INSTANT = Date.parse('9999-12-31T23:59:59.999Z');

/** Where a computed 'YYYY-MM-DD' falls relative to the storable calendar. */
export function calendarSide(day: string): 'before' | 'within' | 'after' {
  if (day.startsWith('+')) return 'after';
  if (day.startsWith('-') || day < FIRST_DAY) return 'before';
  return 'within';
}

/** MMDD of a day, as stored in contact.birth_month_day. */
export function monthDay(day: string): number {
  return Number(day.slice(5, 7)) * 100 + Number(day.slice(8, 10));
}
