/**
 * The Content-Security-Policy of the web app's pages. It carries a fresh nonce per request (made in
 * proxy.ts): Next reads it from the request's Content-Security-Policy header and puts it on its own
 * scripts, so no inline script runs without it. The headers that never change are in next.config.ts.
 */

/** A nonce for one response: 128 random bits, base64 (what a CSP nonce-source takes). */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/** The Content-Security-Policy of a page rendered with `nonce`. */
export function contentSecurityPolicy(nonce: string, { development = false }: { development?: boolean } = {}): string {
  const directives = [
    "default-src 'self'",
    // Scripts: only those carrying the nonce, and what they load ('strict-dynamic': Next's chunks).
    // The development server needs eval for React's error overlays; a production build does not.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    // Styles stay 'unsafe-inline': Mantine writes style attributes on its components and injects its
    // CSS variables in <style> tags, and a nonce in style-src would switch 'unsafe-inline' off. Inline
    // styles cannot run code, so scripts keep the strict policy above.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // No upgrade-insecure-requests: a self-hosted install may well serve plain HTTP on an internal network.
  ];
  return directives.join('; ');
}
