import { describe, expect, it } from 'vitest';
import nextConfig from '../../next.config';
import { contentSecurityPolicy, newNonce } from './security-headers';

/** The policy as directive name → sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .map(([name, ...sources]) => [name!, sources]),
  );
}

describe('contentSecurityPolicy', () => {
  it('runs only scripts carrying the nonce, never inline ones or eval in production', () => {
    const scripts = directives(contentSecurityPolicy('abc123==')).get('script-src')!;
    expect(scripts).toContain("'nonce-abc123=='");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
  });

  it('allows eval for the development server only', () => {
    expect(directives(contentSecurityPolicy('n', { development: true })).get('script-src')).toContain("'unsafe-eval'");
  });

  it('forbids framing, plugins and foreign form targets', () => {
    const policy = directives(contentSecurityPolicy('n'));
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
  });

  it('puts no nonce in style-src, which would switch off the unsafe-inline Mantine needs', () => {
    expect(directives(contentSecurityPolicy('n')).get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });
});

describe('newNonce', () => {
  it('is 128 random bits in base64, different each time', () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe('next.config headers', () => {
  it('sends nosniff, a referrer policy that keeps paths to this site, and no framing on every path, without X-Powered-By', async () => {
    const rules = await nextConfig.headers!();
    expect(rules).toHaveLength(1);
    expect(rules[0]!.source).toBe('/:path*');
    expect(Object.fromEntries(rules[0]!.headers.map(({ key, value }) => [key, value]))).toEqual({
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'X-Frame-Options': 'DENY',
    });
    expect(nextConfig.poweredByHeader).toBe(false);
  });
});
