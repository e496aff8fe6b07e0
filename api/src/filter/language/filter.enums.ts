import { registerEnumType } from 'type-graphql';

export enum Combinator {
  AND = 'AND',
  OR = 'OR',
}
registerEnumType(Combinator, { name: 'Combinator' });

/** "has some / no / only / at least n / at most n / exactly n … where …" */
export enum Quantifier {
  SOME = 'SOME',
  NONE = 'NONE',
  ALL = 'ALL',
  AT_LEAST = 'AT_LEAST',
  AT_MOST = 'AT_MOST',
  EXACTLY = 'EXACTLY',
}
registerEnumType(Quantifier, { name: 'Quantifier' });

export enum FilterOperator {
  EQ = 'EQ',
  NEQ = 'NEQ',
  IN = 'IN',
  NOT_IN = 'NOT_IN',
  CONTAINS = 'CONTAINS',
  NOT_CONTAINS = 'NOT_CONTAINS',
  BEGINS_WITH = 'BEGINS_WITH',
  ENDS_WITH = 'ENDS_WITH',
  IS_EMPTY = 'IS_EMPTY',
  IS_NOT_EMPTY = 'IS_NOT_EMPTY',
  GT = 'GT',
  GTE = 'GTE',
  LT = 'LT',
  LTE = 'LTE',
  BETWEEN = 'BETWEEN',
  NOT_BETWEEN = 'NOT_BETWEEN',
  ON = 'ON',
  BEFORE = 'BEFORE',
  AFTER = 'AFTER',
  WITHIN_LAST = 'WITHIN_LAST',
  MORE_THAN_AGO = 'MORE_THAN_AGO',
  IN_NEXT_DAYS = 'IN_NEXT_DAYS',
  HAS_ANY = 'HAS_ANY',
  HAS_ALL = 'HAS_ALL',
  HAS_NONE = 'HAS_NONE',
}
registerEnumType(FilterOperator, { name: 'FilterOperator' });

export enum DateUnit {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
  YEAR = 'YEAR',
}
registerEnumType(DateUnit, { name: 'DateUnit' });

/** The kind of value a field holds; decides operators, value slots and value editors. */
export enum FieldValueType {
  STRING = 'STRING',
  NUMBER = 'NUMBER',
  MONEY = 'MONEY',
  DATE = 'DATE',
  DATETIME = 'DATETIME',
  BOOLEAN = 'BOOLEAN',
  ENUM = 'ENUM',
  REFERENCE = 'REFERENCE',
  USER = 'USER',
  PRODUCT = 'PRODUCT',
  PIPELINE = 'PIPELINE',
  STAGE = 'STAGE',
  SEGMENT = 'SEGMENT',
  MULTI_ENUM = 'MULTI_ENUM',
}
registerEnumType(FieldValueType, { name: 'FieldValueType' });

/** The field of `FilterValueInput` a rule's value fills (operators.ts `slotFor` decides which). */
export enum ValueSlot {
  STRING = 'string',
  STRINGS = 'strings',
  NUMBER = 'number',
  NUMBER_RANGE = 'numberRange',
  DATE = 'date',
  DATE_RANGE = 'dateRange',
  RELATIVE = 'relative',
  BOOLEAN = 'boolean',
  IDS = 'ids',
}
registerEnumType(ValueSlot, {
  name: 'ValueSlot',
  description: 'The field of FilterValueInput a rule value fills: STRING → string, STRINGS → strings, NUMBER_RANGE → numberRange, DATE_RANGE → dateRange, and so on.',
});
