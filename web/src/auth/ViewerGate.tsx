'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useEffect, type ReactNode } from 'react';
import { useTranslations } from 'use-intl';
import { ErrorState, LoadingState } from '@/layout/QueryState';
import { detour } from './detour';
import { isPublicPage } from './paths';
import { useViewer } from './ViewerProvider';

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

  const here = typeof window === 'undefined' ? pathname : `${pathname}${window.location.search}${window.location.hash}`;
  const viewer = state.status === 'signedIn' ? { status: state.status, passwordChangeRequired: state.viewer.passwordChangeRequired, scopes: state.viewer.scopes } : { status: state.status };
  const target = publicPage ? null : detour(viewer, pathname, here);
  // The target is a new object every render: the effect follows its parts.
  const targetHref = target?.href;
  const reload = target?.reload ?? false;
  useEffect(() => {
    if (targetHref === undefined) return;
    // Signing in is a fresh start (nothing cached from before); the rest stays in the app.
    if (reload) window.location.replace(targetHref);
    else router.replace(targetHref);
  }, [targetHref, reload, router]);

  if (publicPage) return <>{children}</>;
  if (state.status === 'failed') return <ErrorState error={state.error} title={t('failed')} onRetry={state.retry} />;
  if (state.status !== 'signedIn' || target) return <LoadingState label={t('checking')} />;
  return <>{children}</>;
}
