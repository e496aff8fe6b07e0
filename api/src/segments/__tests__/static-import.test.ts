import { describe, expect, it } from 'vitest';
import { parseImport } from '../static-import';

describe('static import text', () => {
  it('reads the seed format, mixed channels, CSV quoting, and reports bad lines by number', () => {
    const text = [
      'email;name',
      'anna@example.com;Anna Nowak',
      '',
      ' +48 601 234 567 ; Jan ',
      '"ola@example.com","Wiśniewska, Ola"',
      'ANNA@example.com;Anna again',
      'not an address',
      'broken@;x',
      '601234567',
      '12',
    ].join('\r\n');
    const parsed = parseImport(text, 'PL');
    expect(parsed.valid).toEqual([
      { line: 2, channel: 'EMAIL', address: 'anna@example.com', name: 'Anna Nowak' },
      { line: 4, channel: 'PHONE', address: '+48601234567', name: 'Jan' },
      { line: 5, channel: 'EMAIL', address: 'ola@example.com', name: 'Wiśniewska, Ola' },
    ]);
    // Line 6 repeats line 2 after normalising; line 9 repeats line 4 read in the default region.
    expect(parsed.duplicates).toBe(2);
    expect(parsed.invalid.map((i) => i.line)).toEqual([7, 8, 10]);
    expect(parsed.invalid[0]?.reason).toMatch(/neither an e-mail address nor a phone number/);
    expect(parsed.invalid.map((i) => i.code)).toEqual(['INVALID', 'INVALID_EMAIL', 'INVALID']);
  });

  it('gives each rejected line a code a client can translate', () => {
    const parsed = parseImport(['x@', '+48 12', ';Only a name', 'hello'].join('\n'), 'PL');
    expect(parsed.invalid.map(({ line, code }) => [line, code])).toEqual([
      [1, 'INVALID_EMAIL'],
      [2, 'INVALID_PHONE'],
      [3, 'REQUIRED'],
      [4, 'INVALID'],
    ]);
  });

  it('keeps every valid line of 100,000 with bad lines among them', () => {
    const lines = Array.from({ length: 100_000 }, (_, i) => (i % 1000 === 999 ? `bad line ${i}` : i % 2 ? `user${i}@example.com;User ${i}` : `+4860${String(i).padStart(7, '0')}`));
    const parsed = parseImport(lines.join('\n'), 'PL');
    expect(parsed.invalid).toHaveLength(100);
    expect(parsed.valid).toHaveLength(99_900);
    expect(parsed.duplicates).toBe(0);
  });
});
