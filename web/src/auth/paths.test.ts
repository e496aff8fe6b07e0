import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changePasswordHref, loginHref, needsSignIn, safeNextPath } from './paths';

describe('safeNextPath', () => {
  it.each([
    ['/segments', '/segments'],
    ['/segments?tag=vip&kind=STATIC', '/segments?tag=vip&kind=STATIC'],
    ['/segments/U2VnbWVudDox#history', '/segments/U2VnbWVudDox#history'],
    ['/admin/users', '/admin/users'],
  ])('follows the same-origin path %s', (raw, expected) => {
    expect(safeNextPath(raw)).toBe(expected);
  });

  it.each([
    null,
    undefined,
    '',
    'segments',
    '//evil.example/x',
    '/\\evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    '/\t/evil.example',
    '/login',
    '/login?next=/x',
    '/account/password',
  ])('falls back to / for %s', (raw) => {
    expect(safeNextPath(raw)).toBe('/');
  });

  it('never leaves the origin, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (raw) => {
        const next = safeNextPath(raw);
        expect(next.startsWith('/')).toBe(true);
        expect(new URL(next, 'https://app.example').origin).toBe('https://app.example');
      }),
      { numRuns: 2000 },
    );
  });
});

describe('loginHref and changePasswordHref', () => {
  it('carry the page asked for, encoded', () => {
    expect(loginHref('/segments?tag=a b')).toBe('/login?next=%2Fsegments%3Ftag%3Da%2520b');
    expect(changePasswordHref('/admin/users')).toBe('/account/password?next=%2Fadmin%2Fusers');
  });

  it('leave out the home page and unsafe targets', () => {
    expect(loginHref('/')).toBe('/login');
    expect(loginHref('//evil.example')).toBe('/login');
    expect(changePasswordHref(null)).toBe('/account/password');
  });
});

describe('needsSignIn', () => {
  it('sends pages without a session cookie to the login page', () => {
    expect(needsSignIn('/', false)).toBe(true);
    expect(needsSignIn('/segments/new', false)).toBe(true);
    expect(needsSignIn('/admin/users', false)).toBe(true);
    expect(needsSignIn('/account/password', false)).toBe(true);
  });

  it('lets pages with a session cookie through (the API judges the cookie)', () => {
    expect(needsSignIn('/segments', true)).toBe(false);
  });

  it('never redirects the login page, the API proxy, Next files or static files', () => {
    for (const path of ['/login', '/graphql', '/export/segments/1/email.csv', '/_next/static/chunks/app.js', '/icon.svg', '/favicon.ico']) {
      expect(needsSignIn(path, false)).toBe(false);
    }
  });
});
