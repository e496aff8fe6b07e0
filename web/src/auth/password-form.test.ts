import { describe, expect, it } from 'vitest';
import { passwordFormProblems } from './password-form';

describe('passwordFormProblems', () => {
  it('accepts a long new password typed twice', () => {
    expect(passwordFormProblems({ current: 'Xk3-temporary', next: 'correct horse battery', repeat: 'correct horse battery' })).toEqual({});
  });

  it('asks for every field', () => {
    expect(passwordFormProblems({ current: '', next: '', repeat: '' })).toEqual({ current: 'required', next: 'required', repeat: 'required' });
  });

  it('refuses a short one, a repeat that differs, and the current one again', () => {
    expect(passwordFormProblems({ current: 'a', next: 'short', repeat: 'short' })).toEqual({ next: 'tooShort' });
    expect(passwordFormProblems({ current: 'a', next: 'long enough one', repeat: 'long enough 1' })).toEqual({ repeat: 'mismatch' });
    expect(passwordFormProblems({ current: 'same password', next: 'same password', repeat: 'same password' })).toEqual({ next: 'sameAsCurrent' });
  });
});
