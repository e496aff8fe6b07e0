import type { CatalogField } from '../fields';

/** Which editor a rule's value needs, and so which `FilterValueInput` slot it fills. */
export type ValueKind = 'none' | 'text' | 'texts' | 'number' | 'numberRange' | 'days' | 'date' | 'dateRange' | 'relative' | 'boolean' | 'codes' | 'ids' | 'stages' | 'search';

/**
 * The value slot for a field type and operator, as the filter language defines them: strings for
 * text and for codes of enums, reference items and list options; ids for users, products,
 * pipelines, stages and segments; number / numberRange; date / dateRange / relative; boolean.
 */
export function valueKindOf(field: Pick<CatalogField, 'valueType' | 'searchable'>, operator: string): ValueKind {
  if (operator === 'IS_EMPTY' || operator === 'IS_NOT_EMPTY') return 'none';
  if (operator === 'WITHIN_LAST' || operator === 'MORE_THAN_AGO') return 'relative';
  if (operator === 'IN_NEXT_DAYS') return 'days';
  switch (field.valueType) {
    case 'BOOLEAN':
      return 'boolean';
    case 'DATE':
    case 'DATETIME':
      return operator === 'BETWEEN' || operator === 'NOT_BETWEEN' ? 'dateRange' : 'date';
    case 'NUMBER':
    case 'MONEY':
      return operator === 'BETWEEN' || operator === 'NOT_BETWEEN' ? 'numberRange' : 'number';
    case 'ENUM':
    case 'MULTI_ENUM':
    case 'REFERENCE':
      return 'codes';
    case 'PIPELINE':
      return 'ids';
    case 'STAGE':
      return 'stages';
    case 'USER':
    case 'PRODUCT':
    case 'SEGMENT':
      return 'search';
    default:
      return operator === 'IN' || operator === 'NOT_IN' ? 'texts' : 'text';
  }
}
