import { FieldValueType as T, FilterOperator as Op, ValueSlot } from './filter.enums';

/** Value types whose values are chosen from a list (codes or ids), not typed in. */
export const LISTED: ReadonlySet<T> = new Set([T.ENUM, T.REFERENCE, T.USER, T.PRODUCT, T.PIPELINE, T.STAGE, T.SEGMENT, T.MULTI_ENUM]);

/** Listed types whose values travel as global ids (`ids`); the others as codes (`strings`). */
export const BY_ID: ReadonlySet<T> = new Set([T.USER, T.PRODUCT, T.PIPELINE, T.STAGE, T.SEGMENT]);

/** What the filter language knows of one operator. */
export interface OperatorSpec {
  /** The value types that offer it (a field may offer one more of its own: birthdate's IN_NEXT_DAYS). */
  types: readonly T[];
  /** The FilterValueInput slot its value fills on a field of `type`; null: it takes no value. */
  slot: (type: T) => ValueSlot | null;
}

const NUMERIC = [T.NUMBER, T.MONEY];
const DATES = [T.DATE, T.DATETIME];
const CHOSEN = [T.ENUM, T.REFERENCE, T.USER, T.PRODUCT, T.PIPELINE, T.STAGE];
const always = (slot: ValueSlot | null) => () => slot;
/** Several values: ids of users, products, pipelines, stages and segments; codes or typed texts otherwise. */
const several = (type: T) => (BY_ID.has(type) ? ValueSlot.IDS : ValueSlot.STRINGS);
/** One value, in the slot of the field's type. */
const one = (type: T) => (type === T.BOOLEAN ? ValueSlot.BOOLEAN : type === T.STRING ? ValueSlot.STRING : ValueSlot.NUMBER);

/**
 * Every operator of the language, the one vocabulary of API, validator, compiler and UI
 * (`segmentFields` ships each field's operators with their slots). Exhaustive: a new
 * FilterOperator is a type error here until it is described. The order is the order a field
 * lists its operators in (OPERATORS_BY_TYPE follows it).
 */
export const OPERATORS = {
  [Op.EQ]: { types: [T.STRING, ...NUMERIC, T.BOOLEAN], slot: one },
  [Op.NEQ]: { types: [T.STRING, ...NUMERIC], slot: one },
  [Op.IN]: { types: [T.STRING, ...CHOSEN, T.SEGMENT], slot: several },
  [Op.NOT_IN]: { types: [T.STRING, ...CHOSEN, T.SEGMENT], slot: several },
  [Op.CONTAINS]: { types: [T.STRING], slot: always(ValueSlot.STRING) },
  [Op.NOT_CONTAINS]: { types: [T.STRING], slot: always(ValueSlot.STRING) },
  [Op.BEGINS_WITH]: { types: [T.STRING], slot: always(ValueSlot.STRING) },
  [Op.ENDS_WITH]: { types: [T.STRING], slot: always(ValueSlot.STRING) },
  [Op.GT]: { types: NUMERIC, slot: always(ValueSlot.NUMBER) },
  [Op.GTE]: { types: NUMERIC, slot: always(ValueSlot.NUMBER) },
  [Op.LT]: { types: NUMERIC, slot: always(ValueSlot.NUMBER) },
  [Op.LTE]: { types: NUMERIC, slot: always(ValueSlot.NUMBER) },
  [Op.ON]: { types: DATES, slot: always(ValueSlot.DATE) },
  [Op.BEFORE]: { types: DATES, slot: always(ValueSlot.DATE) },
  [Op.AFTER]: { types: DATES, slot: always(ValueSlot.DATE) },
  [Op.BETWEEN]: { types: [...NUMERIC, ...DATES], slot: (type: T) => (DATES.includes(type) ? ValueSlot.DATE_RANGE : ValueSlot.NUMBER_RANGE) },
  [Op.NOT_BETWEEN]: { types: NUMERIC, slot: always(ValueSlot.NUMBER_RANGE) },
  [Op.WITHIN_LAST]: { types: DATES, slot: always(ValueSlot.RELATIVE) },
  [Op.MORE_THAN_AGO]: { types: DATES, slot: always(ValueSlot.RELATIVE) },
  // A number of days; offered by the fields it makes sense for (birthdate), not by a type.
  [Op.IN_NEXT_DAYS]: { types: [], slot: always(ValueSlot.NUMBER) },
  [Op.HAS_ANY]: { types: [T.MULTI_ENUM], slot: always(ValueSlot.STRINGS) },
  [Op.HAS_ALL]: { types: [T.MULTI_ENUM], slot: always(ValueSlot.STRINGS) },
  [Op.HAS_NONE]: { types: [T.MULTI_ENUM], slot: always(ValueSlot.STRINGS) },
  [Op.IS_EMPTY]: { types: [T.STRING, ...NUMERIC, ...DATES, ...CHOSEN], slot: always(null) },
  [Op.IS_NOT_EMPTY]: { types: [T.STRING, ...NUMERIC, ...DATES, ...CHOSEN], slot: always(null) },
} as const satisfies Record<Op, OperatorSpec>;

const ALL_OPERATORS = Object.keys(OPERATORS) as Op[];

/** Which operators each value type offers, in the registry's order. */
export const OPERATORS_BY_TYPE = Object.fromEntries(
  Object.values(T).map((type): [T, readonly Op[]] => [type, ALL_OPERATORS.filter((operator) => (OPERATORS[operator].types as readonly T[]).includes(type))]),
) as unknown as Record<T, readonly Op[]>;

/** Operators that take no value. */
export const VALUELESS: ReadonlySet<Op> = new Set(ALL_OPERATORS.filter((operator) => OPERATORS[operator].slot(T.STRING) === null));

/**
 * The one value slot a (type, operator) pair takes (null: no value); the validator insists on
 * exactly that slot, and `segmentFields` ships it with each operator, so the web's value editors
 * follow it instead of deciding again.
 */
export function slotFor(type: T, operator: Op): ValueSlot | null {
  return OPERATORS[operator].slot(type);
}
