import { describe, expect, it } from 'vitest';
import { forwardedFor, parseTrustedProxies, rewriteForwardingHeaders } from './forwarded-for.mjs';

const nobody = parseTrustedProxies('');

describe('forwardedFor', () => {
  it('replaces whatever a client claims with its socket address when no proxy is trusted (the default)', () => {
    expect(forwardedFor('203.0.113.7', '198.51.100.1', nobody)).toBe('203.0.113.7');
    expect(forwardedFor('::ffff:203.0.113.7', ['1.1.1.1', '2.2.2.2'], nobody)).toBe('203.0.113.7');
    expect(forwardedFor('127.0.0.1', '10.0.0.1', nobody)).toBe('127.0.0.1');
  });

  it('extends the chain of a trusted proxy, dropping what the client wrote before it', () => {
    const proxy = parseTrustedProxies('10.0.0.5');
    // The proxy appended the address it saw (203.0.113.7); "6.6.6.6" came from the client.
    expect(forwardedFor('10.0.0.5', '6.6.6.6, 203.0.113.7', proxy)).toBe('203.0.113.7, 10.0.0.5');
    expect(forwardedFor('10.0.0.5', undefined, proxy)).toBe('10.0.0.5');
  });

  it('follows several trusted hops and stops at the first untrusted one', () => {
    const proxies = parseTrustedProxies('loopback, 10.0.0.0/8');
    expect(forwardedFor('127.0.0.1', '6.6.6.6, 203.0.113.7, 10.1.2.3', proxies)).toBe('203.0.113.7, 10.1.2.3, 127.0.0.1');
    expect(forwardedFor('127.0.0.1', 'not-an-address, 10.1.2.3', proxies)).toBe('10.1.2.3, 127.0.0.1');
  });

  it('trusts a proxy only by its socket address, not by what the header says', () => {
    expect(forwardedFor('203.0.113.7', '10.0.0.5', parseTrustedProxies('10.0.0.5'))).toBe('203.0.113.7');
  });
});

describe('parseTrustedProxies', () => {
  it('reads addresses, ranges and the names the API knows too', () => {
    const trusted = parseTrustedProxies('192.0.2.1 2001:db8::/32,uniquelocal');
    expect(['192.0.2.1', '2001:db8::9', '172.16.4.4', '::ffff:10.9.9.9'].map(trusted)).toEqual([true, true, true, true]);
    expect(['192.0.2.2', '2001:db9::1', '127.0.0.1', 'garbage'].map(trusted)).toEqual([false, false, false, false]);
  });

  it('stops on a typo instead of trusting the wrong hosts', () => {
    for (const bad of ['10.0.0.0/33', 'localhost', '10.0.0.1/8/2', '300.1.1.1']) expect(() => parseTrustedProxies(bad)).toThrow(/TRUSTED_PROXIES/);
  });
});

describe('rewriteForwardingHeaders', () => {
  it("drops the forwarding headers an untrusted client sent, keeps a trusted proxy's", () => {
    const request = (peer: string) =>
      ({ socket: { remoteAddress: peer }, headers: { 'x-forwarded-for': '6.6.6.6', 'x-forwarded-proto': 'https', 'x-real-ip': '6.6.6.6', forwarded: 'for=6.6.6.6' } }) as never;
    const direct: { headers: Record<string, string> } = request('203.0.113.7');
    rewriteForwardingHeaders(direct as never, nobody);
    expect(direct.headers).toEqual({ 'x-forwarded-for': '203.0.113.7' });
    const proxied: { headers: Record<string, string> } = request('10.0.0.5');
    rewriteForwardingHeaders(proxied as never, parseTrustedProxies('10.0.0.5'));
    expect(proxied.headers).toMatchObject({ 'x-forwarded-for': '6.6.6.6, 10.0.0.5', 'x-forwarded-proto': 'https' });
  });
});
