import { FieldValueType as T, FilterOperator as Op, ValueSlot } from './filter.enums';

/** Which operators each value type accepts: the one vocabulary of API, validator, compiler and UI. */
export const OPERATORS_BY_TYPE = {
  [T.STRING]: [Op.EQ, Op.NEQ, Op.IN, Op.NOT_IN, Op.CONTAINS, Op.NOT_CONTAINS, Op.BEGINS_WITH, Op.ENDS_WITH, Op.IS_EMPTY, Op.IS_NOT_EMPTY],
  [T.NUMBER]: [Op.EQ, Op.NEQ, Op.GT, Op.GTE, Op.LT, Op.LTE, Op.BETWEEN, Op.NOT_BETWEEN, Op.IS_EMPTY, Op.IS_NOT_EMPTY],
  [T.MONEY]: [Op.EQ, Op.NEQ, Op.GT, Op.GTE, Op.LT, Op.LTE, Op.BETWEEN, Op.NOT_BETWEEN, Op.IS_EMPTY, Op.IS_NOT_EMPTY],
  [T.DATE]: [Op.ON, Op.BEFORE, Op.AFTER, Op.BETWEEN, Op.WITHIN_LAST, Op.MORE_THAN_AGO, Op.IS_EMPTY, Op.IS_NOT_EMPTY],
  [T.DATETIME]: [Op.ON, Op.BEFORE, Op.AFTER, Op.BETWEEN, Op.WITHIN_LAST, Op.MORE_THAN_AGO, Op.IS_EMPTY, Op.IS_NOT_EMPTY],
  [T.BOOLEAN]: [Op.EQ],
  [T.ENUM]: [Op.IN, Op.NOT_IN, Op.IS_EMPTY, Op.IS_NOT_EMPTY],
  [T.REFERENCE]: [Op.IN, Op.NOT_IN, Op.IS_EMPTY, Op.IS_NOT_EMPTY],
  [T.USER]: [Op.IN, Op.NOT_IN, Op.IS_EMPTY, Op.IS_NOT_EMPTY],
  [T.PRODUCT]: [Op.IN, Op.NOT_IN, Op.IS_EMPTY, Op.IS_NOT_EMPTY],
  [T.PIPELINE]: [Op.IN, Op.NOT_IN, Op.IS_EMPTY, Op.IS_NOT_EMPTY],
  [T.STAGE]: [Op.IN, Op.NOT_IN, Op.IS_EMPTY, Op.IS_NOT_EMPTY],
  [T.SEGMENT]: [Op.IN, Op.NOT_IN],
  [T.MULTI_ENUM]: [Op.HAS_ANY, Op.HAS_ALL, Op.HAS_NONE],
} as const satisfies Record<T, readonly Op[]>;

/** Operators that take no value. */
export const VALUELESS: ReadonlySet<Op> = new Set([Op.IS_EMPTY, Op.IS_NOT_EMPTY]);

/** Value types whose values are chosen from a list (codes or ids), not typed in. */
export const LISTED: ReadonlySet<T> = new Set([T.ENUM, T.REFERENCE, T.USER, T.PRODUCT, T.PIPELINE, T.STAGE, T.SEGMENT, T.MULTI_ENUM]);

/** Listed types whose values travel as global ids (`ids`); the others as codes (`strings`). */
export const BY_ID: ReadonlySet<T> = new Set([T.USER, T.PRODUCT, T.PIPELINE, T.STAGE, T.SEGMENT]);

/**
 * The one value slot a (type, operator) pair takes (null: no value); the validator insists on
 * exactly that slot, and `segmentFields` ships it with each operator, so the web's value editors
 * follow it instead of deciding again.
 */
export function slotFor(type: T, operator: Op): ValueSlot | null {
  if (VALUELESS.has(operator)) return null;
  if (LISTED.has(type)) return BY_ID.has(type) ? ValueSlot.IDS : ValueSlot.STRINGS;
  switch (type) {
    case T.STRING:
      return operator === Op.IN || operator === Op.NOT_IN ? ValueSlot.STRINGS : ValueSlot.STRING;
    case T.NUMBER:
    case T.MONEY:
      return operator === Op.BETWEEN || operator === Op.NOT_BETWEEN ? ValueSlot.NUMBER_RANGE : ValueSlot.NUMBER;
    case T.DATE:
    case T.DATETIME:
      if (operator === Op.BETWEEN) return ValueSlot.DATE_RANGE;
      if (operator === Op.WITHIN_LAST || operator === Op.MORE_THAN_AGO) return ValueSlot.RELATIVE;
      if (operator === Op.IN_NEXT_DAYS) return ValueSlot.NUMBER;
      return ValueSlot.DATE;
    case T.BOOLEAN:
      return ValueSlot.BOOLEAN;
  }
  return null;
}
