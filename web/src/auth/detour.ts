import type { Scope } from '@/graphql/gql/graphql';
import { homeRedirect } from './access';
import { CHANGE_PASSWORD_PATH, changePasswordHref, loginHref } from './paths';

/** What the gate knows of the viewer. */
export type GateViewer = { status: 'loading' | 'failed' } | { status: 'signedOut' } | { status: 'signedIn'; passwordChangeRequired: boolean; scopes: readonly Scope[] };

/**
 * Where a viewer must go instead of the page at `pathname` (`here` = path, query and hash), or null
 * to show it. `reload`: a full page load (signing in starts afresh, with nothing cached).
 */
export function detour(viewer: GateViewer, pathname: string, here: string): { href: string; reload: boolean } | null {
  if (viewer.status === 'signedOut') return { href: loginHref(here), reload: true };
  if (viewer.status !== 'signedIn') return null;
  if (viewer.passwordChangeRequired && pathname !== CHANGE_PASSWORD_PATH) return { href: changePasswordHref(here), reload: false };
  const home = pathname === '/' ? homeRedirect(viewer.scopes) : null;
  return home ? { href: home, reload: false } : null;
}
