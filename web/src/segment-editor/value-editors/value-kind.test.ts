import { describe, expect, it } from 'vitest';
import { valueKindOf } from './value-kind';

const f = (valueType: string, searchable = false) => ({ valueType, searchable }) as Parameters<typeof valueKindOf>[0];

describe('valueKindOf', () => {
  it('picks the slot by type and operator', () => {
    expect(valueKindOf(f('STRING'), 'EQ')).toBe('text');
    expect(valueKindOf(f('STRING'), 'NOT_IN')).toBe('texts');
    expect(valueKindOf(f('MONEY'), 'BETWEEN')).toBe('numberRange');
    expect(valueKindOf(f('NUMBER'), 'GT')).toBe('number');
    expect(valueKindOf(f('DATETIME'), 'WITHIN_LAST')).toBe('relative');
    expect(valueKindOf(f('DATE'), 'MORE_THAN_AGO')).toBe('relative');
    expect(valueKindOf(f('DATE'), 'IN_NEXT_DAYS')).toBe('days');
    expect(valueKindOf(f('DATE'), 'NOT_BETWEEN')).toBe('dateRange');
    expect(valueKindOf(f('DATETIME'), 'ON')).toBe('date');
    expect(valueKindOf(f('BOOLEAN'), 'EQ')).toBe('boolean');
    expect(valueKindOf(f('REFERENCE'), 'IN')).toBe('codes');
    expect(valueKindOf(f('MULTI_ENUM'), 'HAS_ALL')).toBe('codes');
    expect(valueKindOf(f('PIPELINE'), 'IN')).toBe('ids');
    expect(valueKindOf(f('STAGE'), 'IN')).toBe('stages');
    expect(valueKindOf(f('USER', true), 'IN')).toBe('search');
    expect(valueKindOf(f('SEGMENT', true), 'NOT_IN')).toBe('search');
    expect(valueKindOf(f('ENUM'), 'IS_EMPTY')).toBe('none');
  });
});
