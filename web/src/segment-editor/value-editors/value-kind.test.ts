import { describe, expect, it } from 'vitest';
import type { ValueSlot } from '@/graphql/gql/graphql';
import { valueKindOf } from './value-kind';

type Field = Parameters<typeof valueKindOf>[0];
/** A field of `valueType` taking `operator` with the slot the API ships for it. */
const kind = (valueType: string, operator: string, slot: ValueSlot | null) => valueKindOf({ valueType, operatorSlots: [{ operator, slot }] } as Field, operator);

describe('valueKindOf', () => {
  it("edits the slot the API ships with the operator, the way the field's type needs", () => {
    expect(kind('STRING', 'EQ', 'STRING')).toBe('text');
    expect(kind('STRING', 'NOT_IN', 'STRINGS')).toBe('texts');
    expect(kind('MONEY', 'BETWEEN', 'NUMBER_RANGE')).toBe('numberRange');
    expect(kind('NUMBER', 'GT', 'NUMBER')).toBe('number');
    expect(kind('DATETIME', 'WITHIN_LAST', 'RELATIVE')).toBe('relative');
    expect(kind('DATE', 'MORE_THAN_AGO', 'RELATIVE')).toBe('relative');
    expect(kind('DATE', 'IN_NEXT_DAYS', 'NUMBER')).toBe('days');
    expect(kind('DATE', 'BETWEEN', 'DATE_RANGE')).toBe('dateRange');
    expect(kind('DATETIME', 'ON', 'DATE')).toBe('date');
    expect(kind('BOOLEAN', 'EQ', 'BOOLEAN')).toBe('boolean');
    expect(kind('REFERENCE', 'IN', 'STRINGS')).toBe('codes');
    expect(kind('MULTI_ENUM', 'HAS_ALL', 'STRINGS')).toBe('codes');
    expect(kind('PIPELINE', 'IN', 'IDS')).toBe('ids');
    expect(kind('STAGE', 'IN', 'IDS')).toBe('stages');
    expect(kind('USER', 'IN', 'IDS')).toBe('search');
    expect(kind('SEGMENT', 'NOT_IN', 'IDS')).toBe('search');
    expect(kind('ENUM', 'IS_EMPTY', null)).toBe('none');
  });

  it('follows the slot, not its own idea of the type: a number operator on a date field gets a number editor', () => {
    expect(kind('DATE', 'GT', 'NUMBER')).toBe('number');
  });

  it('gives no editor to an operator the field does not take (a rule left from another field)', () => {
    const city = { valueType: 'STRING', operatorSlots: [{ operator: 'EQ', slot: 'STRING' }] } as Field;
    expect(valueKindOf(city, 'EQ')).toBe('text');
    expect(valueKindOf(city, 'BETWEEN')).toBe('none');
  });
});
