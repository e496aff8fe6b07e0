import { NextResponse, type NextRequest } from 'next/server';
import { loginHref, needsSignIn, SESSION_COOKIE } from '@/auth/paths';

/**
 * Next 16's request proxy (the file formerly called middleware): a page asked for without a
 * session cookie goes to the login page before anything renders, remembering where it was going.
 * It only looks at the cookie's presence; the API decides whether the session is still valid (an
 * expired one is sent to the login page by the browser, see src/auth/ViewerGate.tsx).
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (!needsSignIn(pathname, request.cookies.has(SESSION_COOKIE))) return NextResponse.next();
  return NextResponse.redirect(new URL(loginHref(`${pathname}${search}`), request.url));
}

export const config = {
  // Not the API proxy, the CSV exports, Next's own files, or files with an extension (needsSignIn checks again).
  matcher: ['/((?!graphql|export/|_next/|.*\\.[a-zA-Z0-9]+$).*)'],
};
