import { describe, expect, it } from 'vitest';
import { serverSettings } from './server.mjs';

describe('serverSettings', () => {
  it('listens on this machine only and trusts no proxy unless told otherwise', () => {
    const settings = serverSettings({});
    expect(settings).toMatchObject({ port: 3000, hostname: '127.0.0.1' });
    expect(settings.isTrusted('127.0.0.1')).toBe(false);
  });

  it('takes WEB_HOST, WEB_PORT and TRUSTED_PROXIES from the environment', () => {
    const settings = serverSettings({ WEB_HOST: '0.0.0.0', WEB_PORT: '3100', TRUSTED_PROXIES: '10.0.0.5' });
    expect(settings).toMatchObject({ port: 3100, hostname: '0.0.0.0' });
    expect(settings.isTrusted('10.0.0.5')).toBe(true);
  });

  it('refuses a TRUSTED_PROXIES it cannot read', () => {
    expect(() => serverSettings({ TRUSTED_PROXIES: 'my-proxy' })).toThrow(/TRUSTED_PROXIES/);
  });
});
