import { CombinedError, Client, cacheExchange, fetchExchange } from '@urql/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { authRedirect, authRedirectExchange, errorCodes, isForbidden } from './auth-exchange';

const errorWith = (...codes: string[]) => new CombinedError({ graphQLErrors: codes.map((code) => ({ message: code, extensions: { code } })) });

describe('authRedirect', () => {
  it('sends a signed-out visitor to the login page, remembering the page', () => {
    expect(authRedirect(['UNAUTHENTICATED'], { pathname: '/segments', search: '?tag=vip' })).toBe('/login?next=%2Fsegments%3Ftag%3Dvip');
  });

  it('sends a one-time password holder to the password form', () => {
    expect(authRedirect(['PASSWORD_CHANGE_REQUIRED'], { pathname: '/admin/users', search: '' })).toBe('/account/password?next=%2Fadmin%2Fusers');
  });

  it('does not redirect from the pages that would loop', () => {
    expect(authRedirect(['UNAUTHENTICATED'], { pathname: '/login', search: '?next=%2F' })).toBeNull();
    expect(authRedirect(['PASSWORD_CHANGE_REQUIRED'], { pathname: '/account/password', search: '' })).toBeNull();
  });

  it('leaves other errors (FORBIDDEN included) to the page', () => {
    expect(authRedirect(['FORBIDDEN'], { pathname: '/admin/users', search: '' })).toBeNull();
    expect(authRedirect([], { pathname: '/', search: '' })).toBeNull();
  });
});

describe('errorCodes / isForbidden', () => {
  it('reads extensions.code of every GraphQL error', () => {
    expect(errorCodes(errorWith('FORBIDDEN', 'BAD_USER_INPUT'))).toEqual(['FORBIDDEN', 'BAD_USER_INPUT']);
    expect(isForbidden(errorWith('FORBIDDEN'))).toBe(true);
    expect(isForbidden(new CombinedError({ networkError: new Error('offline') }))).toBe(false);
    expect(isForbidden(null)).toBe(false);
  });
});

describe('authRedirectExchange', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('leaves the page once when a query answers UNAUTHENTICATED', async () => {
    vi.stubGlobal('window', { location: { pathname: '/segments/new', search: '', hash: '' } });
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(Response.json({ data: null, errors: [{ message: 'Sign in', extensions: { code: 'UNAUTHENTICATED' } }] }))),
    );
    const go = vi.fn();
    const client = new Client({ url: 'http://web.test/graphql', exchanges: [cacheExchange, authRedirectExchange(go), fetchExchange], preferGetMethod: false });
    await client.query('{ segments { totalCount } }', {}).toPromise();
    await client.query('{ segmentTags { tag } }', {}).toPromise();
    expect(go.mock.calls).toEqual([['/login?next=%2Fsegments%2Fnew']]);
  });
});
