import type { FieldDef } from '../model/catalog';
import { addDays, calendarSide, daysAgo, FIRST_INSTANT, LAST_DAY, LAST_INSTANT, monthDay, startOfDay, today, yearsBefore } from '../language/dates';
import { FieldValueType as T, FilterOperator as Op, ValueSlot } from '../language/filter.enums';
import type { Test } from '../model/ir';
import { slotFor, VALUELESS } from '../language/operators';
import { fold } from '../language/fold';
import { ProblemCode as Code } from '../language/problems';
import type { FilterRule, FilterValue } from '../language/tree';

export interface RuleContext {
  now: Date;
  timeZone: string;
  maxValues: number;
  problem(path: string[], code: Code, message: string): void;
  /** Listed values resolved to keys (codes or ids that exist); filled before tests are built. */
  resolved: Map<string, number | string>;
}

const SLOTS: Array<keyof FilterValue> = ['string', 'strings', 'number', 'numberRange', 'date', 'dateRange', 'relative', 'boolean', 'ids'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const validDay = (d: unknown): d is string => typeof d === 'string' && DAY.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`));

/** Checks the value slots of a rule against its field and operator; false if a problem was reported. */
export function checkSlots(rule: FilterRule, def: FieldDef, path: string[], ctx: RuleContext): boolean {
  const expected = slotFor(def.type, rule.operator);
  const used = SLOTS.filter((slot) => rule.value?.[slot] !== undefined && rule.value?.[slot] !== null);
  if (expected === null) {
    if (used.length) ctx.problem([...path, 'value'], Code.VALUE_TYPE_MISMATCH, `${rule.operator} takes no value.`);
    return used.length === 0;
  }
  if (used.length === 0) {
    ctx.problem([...path, 'value'], Code.MISSING_VALUE, `${rule.operator} on ${def.id} needs a value in "${expected}".`);
    return false;
  }
  if (used.length > 1 || used[0] !== expected) {
    ctx.problem([...path, 'value'], Code.VALUE_TYPE_MISMATCH, `${def.id} with ${rule.operator} takes its value in "${expected}", not "${used.join('", "')}".`);
    return false;
  }
  const value = rule.value!;
  const at = [...path, 'value', expected];
  const bad = (message: string, code: Code = Code.VALUE_TYPE_MISMATCH) => {
    ctx.problem(at, code, message);
    return false;
  };
  switch (expected) {
    case ValueSlot.STRINGS:
    case ValueSlot.IDS: {
      const list = value[expected]!;
      if (list.length === 0) return bad('Choose at least one value.', Code.MISSING_VALUE);
      if (list.length > ctx.maxValues) return bad(`At most ${ctx.maxValues} values in one rule.`, Code.TOO_MANY_VALUES);
      return true;
    }
    case ValueSlot.STRING:
      return value.string!.length <= 1000 || bad('A text value is at most 1000 characters.');
    case ValueSlot.NUMBER:
      if (!Number.isFinite(value.number)) return bad('Not a number.');
      if (rule.operator === Op.IN_NEXT_DAYS && (!Number.isInteger(value.number) || value.number! < 0 || value.number! > 366)) {
        return bad('IN_NEXT_DAYS takes a whole number of days from 0 to 366.');
      }
      return true;
    case ValueSlot.NUMBER_RANGE: {
      const { min, max } = value.numberRange ?? {};
      if (min == null && max == null) return bad('Give a minimum, a maximum or both.', Code.MISSING_VALUE);
      if (min != null && max != null && min > max) return bad('The minimum is above the maximum.');
      return true;
    }
    case ValueSlot.DATE:
      return validDay(value.date) || bad('Not a date (YYYY-MM-DD).');
    case ValueSlot.DATE_RANGE: {
      const { from, to } = value.dateRange ?? {};
      if (from == null && to == null) return bad('Give a start day, an end day or both.', Code.MISSING_VALUE);
      if ((from != null && !validDay(from)) || (to != null && !validDay(to))) return bad('Not a date (YYYY-MM-DD).');
      if (from != null && to != null && from > to) return bad('The start day is after the end day.');
      return true;
    }
    case ValueSlot.RELATIVE: {
      const { amount } = value.relative as { amount: number };
      return (Number.isInteger(amount) && amount >= 0 && amount <= 10_000) || bad('The amount is a whole number from 0 to 10000.');
    }
    case ValueSlot.BOOLEAN:
      return true;
  }
  return true;
}

/** The values of a listed rule, resolved; reports every unknown code or id. */
export function listedKeys(rule: FilterRule, def: FieldDef, path: string[], ctx: RuleContext): Array<string | number> | null {
  const raw = rule.value?.ids ?? rule.value?.strings ?? [];
  const unknown = raw.filter((v) => !ctx.resolved.has(`${def.id}\u0000${v}`));
  if (unknown.length) {
    ctx.problem([...path, 'value'], Code.UNKNOWN_VALUE, `${def.id} has no value ${unknown.map((u) => `"${u}"`).join(', ')}.`);
    return null;
  }
  return [...new Set(raw.map((v) => ctx.resolved.get(`${def.id}\u0000${v}`)!))];
}

/** A range nothing falls in (x > v AND x < v): what a bound beyond the calendar leaves. */
function nothing(def: FieldDef, negate = false): Test {
  const edge = def.type === T.DATETIME ? LAST_INSTANT : LAST_DAY;
  return { kind: 'range', min: edge, max: edge, minExclusive: true, maxExclusive: true, negate };
}

/**
 * Days within the storable calendar (see dates.ts): a lower bound before year 1 or an upper bound
 * after 9999 limits nothing and is dropped; a lower bound after 9999 or an upper bound before
 * year 1 leaves nothing.
 */
function onCalendar(from: string | undefined, to: string | undefined): { from?: string; to?: string } | null {
  if ((from && calendarSide(from) === 'after') || (to && calendarSide(to) === 'before')) return null;
  return { from: from && calendarSide(from) === 'before' ? undefined : from, to: to && calendarSide(to) === 'after' ? undefined : to };
}

/** The same for instants (epoch ms): a day's start in a zone east of UTC can fall before year 1. */
function instantRange(def: FieldDef, min: number | undefined, max: number | undefined, maxExclusive: boolean, negate = false): Test {
  if ((min !== undefined && min > LAST_INSTANT) || (max !== undefined && max < FIRST_INSTANT)) return nothing(def, negate);
  return {
    kind: 'range',
    min: min !== undefined && min < FIRST_INSTANT ? undefined : min,
    max: max !== undefined && max > LAST_INSTANT ? undefined : max,
    maxExclusive,
    negate,
  };
}

/** Half-open day range [from, to) → the field's stored form: instants for datetimes, days for dates. */
function dayRange(def: FieldDef, rawFrom: string | undefined, rawTo: string | undefined, zone: string, negate = false): Test {
  const days = onCalendar(rawFrom, rawTo);
  if (!days) return nothing(def, negate);
  const { from, to } = days;
  if (def.type === T.DATETIME) return instantRange(def, from === undefined ? undefined : startOfDay(from, zone), to === undefined ? undefined : startOfDay(to, zone), true, negate);
  return { kind: 'range', min: from, max: to, maxExclusive: true, negate };
}

function dateTest(rule: FilterRule, def: FieldDef, ctx: RuleContext): Test {
  const v = rule.value!;
  const zone = ctx.timeZone;
  switch (rule.operator) {
    case Op.ON:
      return dayRange(def, v.date!, addDays(v.date!, 1), zone);
    case Op.BEFORE:
      return dayRange(def, undefined, v.date!, zone);
    case Op.AFTER:
      return dayRange(def, addDays(v.date!, 1), undefined, zone);
    case Op.BETWEEN:
      return dayRange(def, v.dateRange?.from ?? undefined, v.dateRange?.to ? addDays(v.dateRange.to, 1) : undefined, zone);
    case Op.WITHIN_LAST: {
      const from = onCalendar(daysAgo(ctx.now, zone, v.relative!.amount, v.relative!.unit), undefined)?.from;
      // Up to and including today, datetimes too (to the end of the day in the zone): every
      // relative rule is day-aligned, so a saved segment's answer moves without a write only when
      // a day starts in its zone (maintained membership re-evaluates it then, and only then).
      return dayRange(def, from, addDays(today(ctx.now, zone), 1), zone);
    }
    case Op.MORE_THAN_AGO:
      return dayRange(def, undefined, daysAgo(ctx.now, zone, v.relative!.amount, v.relative!.unit), zone);
    case Op.IN_NEXT_DAYS: {
      const start = today(ctx.now, zone);
      const end = addDays(start, v.number!);
      const [a, b] = [monthDay(start), monthDay(end)];
      // Across the new year the month-days wrap: Dec 20 .. Jan 10 is two ranges.
      return {
        kind: 'monthDays',
        ranges:
          a <= b && v.number! < 366
            ? [[a, b]]
            : [
                [a, 1231],
                [101, b],
              ],
      };
    }
  }
  throw new Error(`unexpected date operator ${rule.operator}`);
}

function numberTest(op: Op, v: FilterValue): Test {
  switch (op) {
    case Op.EQ:
      return { kind: 'range', min: v.number!, max: v.number!, negate: false };
    case Op.NEQ:
      return { kind: 'range', min: v.number!, max: v.number!, negate: true };
    case Op.GT:
      return { kind: 'range', min: v.number!, minExclusive: true, negate: false };
    case Op.GTE:
      return { kind: 'range', min: v.number!, negate: false };
    case Op.LT:
      return { kind: 'range', max: v.number!, maxExclusive: true, negate: false };
    case Op.LTE:
      return { kind: 'range', max: v.number!, negate: false };
    default:
      return { kind: 'range', min: v.numberRange?.min ?? undefined, max: v.numberRange?.max ?? undefined, negate: op === Op.NOT_BETWEEN };
  }
}

/**
 * Age is derived from the birthdate at query time: "age between a and b" is a birthdate range,
 * computed by calendar in the evaluation zone (so a birthday today counts), never per row.
 */
function ageTest(def: FieldDef, op: Op, v: FilterValue, ctx: RuleContext): Test {
  const range = numberTest(op, v) as Extract<Test, { kind: 'range' }>;
  const lo = range.min === undefined ? undefined : range.minExclusive ? Math.floor(range.min as number) + 1 : Math.ceil(range.min as number);
  const hi = range.max === undefined ? undefined : range.maxExclusive ? Math.ceil(range.max as number) - 1 : Math.floor(range.max as number);
  const day = today(ctx.now, ctx.timeZone);
  // age ≥ lo ⟺ born on or before (today − lo years); age ≤ hi ⟺ born after (today − (hi+1) years).
  const min = hi === undefined ? undefined : addDays(yearsBefore(day, hi + 1), 1);
  const max = lo === undefined ? undefined : yearsBefore(day, Math.max(lo, 0));
  // An age of 1e300 (or -1e300) lies beyond the calendar: such a bound is dropped or matches nobody.
  const days = onCalendar(min, max);
  return days ? { kind: 'range', min: days.from, max: days.to, negate: range.negate } : nothing(def, range.negate);
}

/** Builds the concrete test of a valid rule (slots checked, listed values resolved). */
export function buildTest(rule: FilterRule, def: FieldDef, keys: Array<string | number> | null, ctx: RuleContext): Test {
  const op = rule.operator;
  const v = rule.value ?? {};
  if (VALUELESS.has(op)) return { kind: 'empty', negate: op === Op.IS_NOT_EMPTY };
  if (def.access.kind === 'yearsSince') return ageTest(def, op, v, ctx);
  if (keys) {
    if (op === Op.HAS_ANY || op === Op.HAS_ALL || op === Op.HAS_NONE) return { kind: 'has', mode: op === Op.HAS_ALL ? 'all' : 'any', values: keys, negate: op === Op.HAS_NONE };
    return { kind: 'in', values: keys, negate: op === Op.NOT_IN };
  }
  switch (def.type) {
    case T.STRING: {
      const enumLike = def.access.kind === 'column' && def.access.columnKind === 'enum';
      const norm = (s: string) => (enumLike ? s.trim().toUpperCase() : fold(s.trim()));
      if (op === Op.IN || op === Op.NOT_IN) return { kind: 'in', values: [...new Set((v.strings ?? []).map(norm))], negate: op === Op.NOT_IN };
      if (op === Op.EQ || op === Op.NEQ) return { kind: 'in', values: [norm(v.string!)], negate: op === Op.NEQ };
      const mode = op === Op.BEGINS_WITH ? 'begins' : op === Op.ENDS_WITH ? 'ends' : 'contains';
      return { kind: 'like', mode, value: norm(v.string!), negate: op === Op.NOT_CONTAINS };
    }
    case T.NUMBER:
    case T.MONEY:
      return numberTest(op, v);
    case T.DATE:
    case T.DATETIME:
      return dateTest(rule, def, ctx);
    case T.BOOLEAN:
      return { kind: 'bool', value: v.boolean! };
  }
  throw new Error(`no test for ${def.id} ${op}`);
}
