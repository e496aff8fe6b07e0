import { describe, expect, it } from 'vitest';
import { countLines, pageVariables } from './model';

describe('stop list paging and import text', () => {
  it('pages forward with first/after and back with last/before', () => {
    expect(pageVariables({}, 10)).toEqual({ first: 10, after: null, last: null, before: null });
    expect(pageVariables({ after: 'c1' }, 10)).toEqual({ first: 10, after: 'c1', last: null, before: null });
    expect(pageVariables({ before: 'c2' }, 10)).toEqual({ first: null, after: null, last: 10, before: 'c2' });
  });

  it('counts the non-blank lines of any line ending', () => {
    expect(countLines('a@x.io\r\n\n  \n+48601234567\rb@x.io')).toBe(3);
    expect(countLines('')).toBe(0);
  });
});
