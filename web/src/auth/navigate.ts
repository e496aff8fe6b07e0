/**
 * The last check before the browser leaves a page for a path that came from a query string
 * (`?next=`): whatever produced it, the absolute URL navigated to has this page's origin, or the
 * browser goes home instead. Navigating to the absolute URL leaves nothing to reinterpret.
 */
export function sameOriginUrl(href: string, origin: string): string {
  const home = new URL('/', origin);
  try {
    const url = new URL(href, home);
    return url.origin === home.origin ? url.href : home.href;
  } catch {
    return home.href;
  }
}

/** A full page load of `href` on this origin only (see sameOriginUrl); `replace` leaves no history entry. */
export function loadWithinSite(href: string, { replace = false }: { replace?: boolean } = {}): void {
  const url = sameOriginUrl(href, window.location.origin);
  if (replace) window.location.replace(url);
  else window.location.assign(url);
}
