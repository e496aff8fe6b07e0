/**
 * Where signing in starts and where it returns to. Only a path of this site is followed after
 * signing in (`?next=/segments?tag=x`): never another origin (`//evil.example`, `https://…`,
 * `/\evil.example`), so the login link cannot be used to send people elsewhere.
 */
export const LOGIN_PATH = '/login';
export const CHANGE_PASSWORD_PATH = '/account/password';

/** The session cookie the API sets (HttpOnly: the browser's scripts never see it, only its presence on requests). */
export const SESSION_COOKIE = 'segmenta_session';

/** Pages anyone may open, signed in or not. */
const PUBLIC_PAGES = new Set([LOGIN_PATH]);

/** `raw` when it is a same-origin path worth returning to, else `/`. */
export function safeNextPath(raw: string | null | undefined): string {
  if (!raw || raw.length > 2000) return '/';
  // A path, not a protocol-relative URL or a backslash trick that browsers read as one.
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  if (/[\u0000-\u001f\\]/.test(raw)) return '/';
  let url: URL;
  try {
    url = new URL(raw, 'http://segmenta.invalid');
  } catch {
    return '/';
  }
  if (url.origin !== 'http://segmenta.invalid') return '/';
  // Coming back to the login page (or the password form) would only go round in a circle.
  if (PUBLIC_PAGES.has(url.pathname) || url.pathname === CHANGE_PASSWORD_PATH) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The login page, remembering where the visitor was going. */
export function loginHref(next: string | null | undefined): string {
  const target = safeNextPath(next);
  return target === '/' ? LOGIN_PATH : `${LOGIN_PATH}?next=${encodeURIComponent(target)}`;
}

/** The change-password page, remembering where the visitor was going. */
export function changePasswordHref(next: string | null | undefined): string {
  const target = safeNextPath(next);
  return target === '/' ? CHANGE_PASSWORD_PATH : `${CHANGE_PASSWORD_PATH}?next=${encodeURIComponent(target)}`;
}

export function isPublicPage(pathname: string): boolean {
  return PUBLIC_PAGES.has(pathname);
}

/**
 * Whether the server should send a page request to the login page before rendering it: a page
 * (not the API proxy, Next's own files or static files) asked for without a session cookie.
 * Whether the cookie is still valid is the API's call; an expired one is caught in the browser.
 */
export function needsSignIn(pathname: string, hasSessionCookie: boolean): boolean {
  if (hasSessionCookie || isPublicPage(pathname)) return false;
  if (pathname === '/graphql' || pathname.startsWith('/export/') || pathname.startsWith('/_next/')) return false;
  // Static files (icon.svg, favicon.ico, robots.txt …): the last segment has an extension.
  const last = pathname.slice(pathname.lastIndexOf('/') + 1);
  if (/\.[a-z0-9]+$/i.test(last)) return false;
  return true;
}
