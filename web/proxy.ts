import { NextResponse, type NextRequest } from 'next/server';
import { loginHref, needsSignIn, SESSION_COOKIE } from '@/auth/paths';
import { contentSecurityPolicy, newNonce } from '@/server/security-headers';

/**
 * Next 16's request proxy (the file formerly called middleware), for pages only (see `matcher`):
 * - a page asked for without a session cookie goes to the login page before anything renders,
 *   remembering where it was going. It only looks at the cookie's presence; the API decides whether
 *   the session is still valid (an expired one is sent to the login page by the browser, see
 *   src/auth/ViewerGate.tsx);
 * - every other page gets a Content-Security-Policy with a fresh nonce, on the response for the
 *   browser and on the request for Next, which reads the nonce from it and puts it on its scripts
 *   (the documented Next way; every page renders per request anyway: the layout reads cookies).
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (needsSignIn(pathname, request.cookies.has(SESSION_COOKIE))) {
    return NextResponse.redirect(new URL(loginHref(`${pathname}${search}`), request.url));
  }
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === 'development' });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', policy);
  return response;
}

export const config = {
  // Not the API proxy, the CSV exports, Next's own files, or files with an extension (needsSignIn checks again).
  matcher: ['/((?!graphql|export/|_next/|.*\\.[a-zA-Z0-9]+$).*)'],
};
