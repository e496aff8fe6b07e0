import { describe, expect, it } from 'vitest';
import { isSelf, ROLES } from './model';

describe('users model', () => {
  it('lists the roles from the widest to the narrowest', () => {
    expect(ROLES).toEqual(['ADMIN', 'MARKETER', 'VIEWER']);
  });

  it('recognises the signed-in administrator’s own row', () => {
    expect(isSelf('VXNlcjox', 'VXNlcjox')).toBe(true);
    expect(isSelf('VXNlcjoy', 'VXNlcjox')).toBe(false);
    expect(isSelf('VXNlcjox', undefined)).toBe(false);
  });
});
