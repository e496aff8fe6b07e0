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

/**
 * The origin paths are resolved against when the page's own is not known (a server render). Only
 * the comparison of origins matters, so any origin of its own would do.
 */
const PLACEHOLDER_ORIGIN = 'http://segmenta.invalid';

/**
 * `raw` when it is a same-origin path worth returning to, else `/`. Judged on the URL a browser
 * would make of it, not on the text: `/..//evil.example` and `/%2e%2e//evil.example` pass any
 * check of the raw string yet normalise to `//evil.example`, which a browser reads as a host.
 * `origin`: the page's own (`window.location.origin`) where known.
 */
export function safeNextPath(raw: string | null | undefined, origin: string = PLACEHOLDER_ORIGIN): string {
  if (!raw || raw.length > 2000) return '/';
  // A path, not a URL; no control characters (\p{Cc}: U+0000-001F, U+007F-009F) or backslashes,
  // which the URL parser drops or turns into slashes ("/\t/evil" becomes "//evil"): nothing a real
  // link of this app contains.
  if (!raw.startsWith('/') || /[\p{Cc}\\]/u.test(raw)) return '/';
  const path = sameOriginPath(raw, origin);
  // Coming back to the login page (or the password form) would only go round in a circle.
  if (!path || PUBLIC_PAGES.has(path.pathname) || path.pathname === CHANGE_PASSWORD_PATH) return '/';
  return path.href;
}

/** The normalised path, query and hash of `raw` resolved against `origin`, or null when it leaves it. */
function sameOriginPath(raw: string, origin: string): { pathname: string; href: string } | null {
  let own: string;
  let url: URL;
  try {
    own = new URL(origin).origin;
    url = new URL(raw, own);
  } catch {
    return null;
  }
  if (url.origin !== own) return null;
  // One slash, then a path segment: "//" or "/\" after normalisation is another host.
  if (!/^\/(?![/\\])/.test(url.pathname)) return null;
  // An encoded slash or backslash first ("/%2F/evil", "/%5Cevil") is still a path to a browser, but
  // a server or proxy that decodes before redirecting would read a host: no page of ours starts so.
  if (/^\/%(2f|5c)/i.test(url.pathname)) return null;
  const href = `${url.pathname}${url.search}${url.hash}`;
  // Read back the way the browser will when it navigates: still this origin.
  if (new URL(href, own).origin !== own) return null;
  return { pathname: url.pathname, href };
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
