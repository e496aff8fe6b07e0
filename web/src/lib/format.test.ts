import { describe, expect, it } from 'vitest';
import { formatCount } from './format';

describe('formatCount', () => {
  it('groups digits the English way by default', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1234)).toBe('1,234');
    expect(formatCount(1_234_567)).toBe('1,234,567');
  });

  it('follows the locale of each supported UI language', () => {
    // ru and pl group with a narrow no-break space (U+202F) or no-break space (U+00A0).
    expect(formatCount(1_234_567, 'ru')).toMatch(/^1[\u00a0\u202f]234[\u00a0\u202f]567$/);
    expect(formatCount(1_234_567, 'pl')).toMatch(/^1[\u00a0\u202f]234[\u00a0\u202f]567$/);
    // Polish does not group four-digit numbers (minimum grouping digits = 2).
    expect(formatCount(1234, 'pl')).toBe('1234');
    expect(formatCount(1_234_567, 'pt')).toBe('1.234.567');
    expect(formatCount(1_234_567, 'vi')).toBe('1.234.567');
    expect(formatCount(1_234_567, 'en')).toBe('1,234,567');
  });

  it('shows whole numbers only', () => {
    expect(formatCount(1234.9)).toBe('1,234');
    expect(formatCount(-42)).toBe('-42');
  });

  it('renders missing or non-finite values as a dash', () => {
    expect(formatCount(null)).toBe('—');
    expect(formatCount(undefined)).toBe('—');
    expect(formatCount(Number.NaN)).toBe('—');
    expect(formatCount(Number.POSITIVE_INFINITY)).toBe('—');
  });

  it('falls back to English for an unknown or malformed locale', () => {
    expect(formatCount(1234, 'not a locale!')).toBe('1,234');
  });
});
