import { describe, expect, it } from 'vitest';
import { formatCount, formatReportedCount, reportedCountAttribute } from './format';

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

describe('a reported count', () => {
  const fewerThan = (k: string) => `fewer than ${k}`;

  it('shows an exact count as a number, 0 included', () => {
    expect(formatReportedCount({ value: 1234, fewerThan: null }, 'en', fewerThan)).toBe('1,234');
    expect(formatReportedCount({ value: 0, fewerThan: null }, 'en', fewerThan)).toBe('0');
    expect(reportedCountAttribute({ value: 0, fewerThan: null })).toBe('0');
  });

  it('shows a withheld count in words, never as a number', () => {
    expect(formatReportedCount({ value: null, fewerThan: 10 }, 'en', fewerThan)).toBe('fewer than 10');
    expect(formatReportedCount({ value: null, fewerThan: 1000 }, 'pt', (k) => `menos de ${k}`)).toBe('menos de 1.000');
    expect(reportedCountAttribute({ value: null, fewerThan: 10 })).toBe('<10');
  });

  it('shows a dash when there is no count', () => {
    expect(formatReportedCount(null, 'en', fewerThan)).toBe('—');
    expect(reportedCountAttribute(undefined)).toBe('');
  });
});
