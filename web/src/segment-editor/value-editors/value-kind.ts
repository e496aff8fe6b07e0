import type { CatalogField } from '../fields';

/** Which editor a rule's value needs, and so which `FilterValueInput` slot it fills. */
export type ValueKind = 'none' | 'text' | 'texts' | 'number' | 'numberRange' | 'days' | 'date' | 'dateRange' | 'relative' | 'boolean' | 'codes' | 'ids' | 'stages' | 'search';

/**
 * The editor for a rule's value. The slot it fills is the API's (`segmentFields … operatorSlots`,
 * from the validator's own `slotFor`), so the builder never decides it again; the field's type
 * only picks how that slot is edited: strings of a text field are typed, of a listed field
 * picked; ids are picked from the pipelines, the stages of the picked pipelines, or by search
 * (users, products, segments); a number of IN_NEXT_DAYS is a count of days. An operator the
 * field does not take (a rule left from another field) gets no editor.
 */
export function valueKindOf(field: Pick<CatalogField, 'valueType' | 'operatorSlots'>, operator: string): ValueKind {
  const slot = field.operatorSlots.find((entry) => entry.operator === operator)?.slot ?? null;
  switch (slot) {
    case null:
      return 'none';
    case 'STRING':
      return 'text';
    case 'STRINGS':
      return field.valueType === 'STRING' ? 'texts' : 'codes';
    case 'NUMBER':
      return operator === 'IN_NEXT_DAYS' ? 'days' : 'number';
    case 'NUMBER_RANGE':
      return 'numberRange';
    case 'DATE':
      return 'date';
    case 'DATE_RANGE':
      return 'dateRange';
    case 'RELATIVE':
      return 'relative';
    case 'BOOLEAN':
      return 'boolean';
    case 'IDS':
      return field.valueType === 'STAGE' ? 'stages' : field.valueType === 'PIPELINE' ? 'ids' : 'search';
  }
}
