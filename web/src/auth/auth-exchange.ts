import { mapExchange, type CombinedError, type Exchange } from '@urql/core';
import { CHANGE_PASSWORD_PATH, changePasswordHref, isPublicPage, loginHref } from './paths';

/** The codes of the GraphQL errors in an urql error (`extensions.code`). */
export function errorCodes(error: Pick<CombinedError, 'graphQLErrors'> | null | undefined): string[] {
  return (error?.graphQLErrors ?? []).map((e) => e.extensions?.code).filter((code): code is string => typeof code === 'string');
}

/** Whether an urql error is the API saying "not with your role or token" (`FORBIDDEN`). */
export function isForbidden(error: Pick<CombinedError, 'graphQLErrors'> | null | undefined): boolean {
  return errorCodes(error).includes('FORBIDDEN');
}

/**
 * Where the browser must go after the API refused a request for who is asking, or null:
 * UNAUTHENTICATED (signed out, session expired) to the login page, PASSWORD_CHANGE_REQUIRED (signed
 * in with a one-time password) to the password form; each remembers the page the visitor was on.
 */
export function authRedirect(codes: readonly string[], location: { pathname: string; search: string; hash?: string }): string | null {
  const here = `${location.pathname}${location.search}${location.hash ?? ''}`;
  if (codes.includes('UNAUTHENTICATED') && !isPublicPage(location.pathname)) return loginHref(here);
  if (codes.includes('PASSWORD_CHANGE_REQUIRED') && location.pathname !== CHANGE_PASSWORD_PATH && !isPublicPage(location.pathname)) return changePasswordHref(here);
  return null;
}

/**
 * An urql exchange that acts on those answers wherever they come from (any query of any page): a
 * full page load, so no cached data of the previous session survives.
 */
export function authRedirectExchange(go: (href: string) => void = (href) => window.location.assign(href)): Exchange {
  let leaving = false;
  return mapExchange({
    onError(error) {
      if (typeof window === 'undefined' || leaving) return;
      const href = authRedirect(errorCodes(error), window.location);
      if (href) {
        leaving = true;
        go(href);
      }
    },
  });
}
