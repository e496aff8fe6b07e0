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

  // Values that leave the origin once a browser or the URL parser has normalised them: each is
  // refused, not "cleaned" into something that still points elsewhere.
  it.each([
    ['protocol-relative', '//evil.example'],
    ['backslash', '/\\evil.example'],
    ['dot segment before a double slash', '/..//evil.example'],
    ['dot segments deeper down', '/a/../..//evil.example'],
    ['single dot before a double slash', '/.//evil.example'],
    ['encoded dot segment', '/%2e%2e//evil.example'],
    ['encoded dot segment, upper case', '/%2E%2E//evil.example'],
    ['half-encoded dot segment', '/.%2e//evil.example'],
    ['dot segment then backslash', '/..\\evil.example'],
    ['absolute URL', 'https://evil.example/'],
    ['absolute URL without slashes', 'https:evil.example'],
    ['javascript: URL', 'javascript:alert(1)'],
    ['javascript: with a comment trick', 'javascript://%0aalert(1)'],
    ['tab inside', '/\t/evil.example'],
    ['newline inside', '/\n/evil.example'],
    ['CR LF inside', '/\r\n/evil.example'],
    ['tab after dot segment', '/.\t.//evil.example'],
    ['encoded backslash first', '/%5cevil.example'],
    ['encoded backslashes', '/%5C%5Cevil.example'],
    ['encoded slash first', '/%2f/evil.example'],
    ['encoded slashes', '/%2F%2Fevil.example'],
    ['leading space', ' //evil.example'],
    ['NUL byte', '/\u0000/evil.example'],
  ])('refuses the hostile next value (%s)', (_name, raw) => {
    expect(safeNextPath(raw)).toBe('/');
    expect(new URL(safeNextPath(raw), 'https://app.example').origin).toBe('https://app.example');
  });

  it('keeps paths that only look odd but stay on the site', () => {
    expect(safeNextPath('/segments/../admin/users')).toBe('/admin/users');
    expect(safeNextPath('/@evil.example')).toBe('/@evil.example');
    expect(safeNextPath('/segments?next=//evil.example')).toBe('/segments?next=//evil.example');
  });

  it('resolves against the origin it is given and refuses another', () => {
    expect(safeNextPath('/segments', 'https://app.example')).toBe('/segments');
    expect(safeNextPath('/..//evil.example', 'https://app.example')).toBe('/');
  });

  it('never leaves the origin, whatever dots, slashes and escapes are combined', () => {
    const piece = fc.constantFrom('/', '\\', '.', '..', '%2e', '%2E', '%2f', '%5c', '%09', '\t', '\n', ':', '@', '?', '#', 'evil.example', 'segments', 'https:', 'javascript:');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const next = safeNextPath(pieces.join(''));
        expect(next.startsWith('/')).toBe(true);
        expect(next.startsWith('//')).toBe(false);
        expect(new URL(next, 'https://app.example').origin).toBe('https://app.example');
      }),
      { numRuns: 5000 },
    );
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
