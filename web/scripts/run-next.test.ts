import { describe, expect, it } from 'vitest';
import { parsePort } from './run-next.mjs';

describe('parsePort', () => {
  it('uses the fallback when WEB_PORT is unset or empty', () => {
    expect(parsePort(undefined, 3000)).toBe(3000);
    expect(parsePort('', 3000)).toBe(3000);
  });

  it('accepts a valid port', () => {
    expect(parsePort('3100', 3000)).toBe(3100);
  });

  it('rejects anything that is not a TCP port', () => {
    for (const bad of ['0', '65536', '30.5', 'abc', '-1']) expect(() => parsePort(bad, 3000)).toThrow(/Invalid port/);
  });
});
