'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useEffect, type ReactNode } from 'react';
import { useTranslations } from 'use-intl';
import { ErrorState, LoadingState } from '@/layout/QueryState';
import { homeRedirect } from './access';
import { CHANGE_PASSWORD_PATH, changePasswordHref, isPublicPage, loginHref } from './paths';
import { useViewer, type ViewerState } from './ViewerProvider';

/** Where this viewer must go instead of the page at `pathname`, or null to show it. */
function detour(state: ViewerState, pathname: string, here: string): { href: string; reload: boolean } | null {
  if (state.status === 'signedOut') return { href: loginHref(here), reload: true };
  if (state.status !== 'signedIn') return null;
  if (state.viewer.passwordChangeRequired && pathname !== CHANGE_PASSWORD_PATH) return { href: changePasswordHref(here), reload: false };
  const home = pathname === '/' ? homeRedirect(state.viewer.scopes) : null;
  return home ? { href: home, reload: false } : null;
}

/**
 * The page itself, once the viewer is known: signed-out visitors (an expired session: the server
 * only checks that a cookie is there) go to the login page, a one-time password holder to the
 * password form, and a VIEWER's home is the segments list. The login page needs none of that.
 */
export function ViewerGate({ children }: { children: ReactNode }) {
  const t = useTranslations('auth.gate');
  const state = useViewer();
  const pathname = usePathname() ?? '/';
  const router = useRouter();
  const publicPage = isPublicPage(pathname);

  const target = publicPage ? null : detour(state, pathname, typeof window === 'undefined' ? pathname : `${pathname}${window.location.search}${window.location.hash}`);
  useEffect(() => {
    if (!target) return;
    // Signing in is a fresh start (nothing cached from before); the rest stays in the app.
    if (target.reload) window.location.replace(target.href);
    else router.replace(target.href);
  }, [target?.href, target?.reload, router]); // eslint-disable-line react-hooks/exhaustive-deps

  if (publicPage) return <>{children}</>;
  if (state.status === 'failed') return <ErrorState error={state.error} title={t('failed')} onRetry={state.retry} />;
  if (state.status !== 'signedIn' || target) return <LoadingState label={t('checking')} />;
  return <>{children}</>;
}
