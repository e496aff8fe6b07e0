import type { AddressInfo } from 'node:net';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config';

/** The client address Express derives, with the API's `trust proxy` setting, for a request from this (loopback) test. */
async function clientAddress(env: NodeJS.ProcessEnv, forwardedFor: string): Promise<string> {
  const app = express().set('trust proxy', loadConfig(env).trustProxy);
  app.get('/', (req, res) => res.send(req.ip));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { headers: { 'x-forwarded-for': forwardedFor } });
    return await response.text();
  } finally {
    server.close();
  }
}

describe('whose X-Forwarded-For the API believes', () => {
  it('the web server on this machine only, by default', async () => {
    expect(await clientAddress({}, '203.0.113.7')).toBe('203.0.113.7');
    // A hop the web server did not vouch for is not skipped: its address is the client's.
    expect(await clientAddress({}, '203.0.113.7, 10.0.0.5')).toBe('10.0.0.5');
  });

  it("also the reverse proxies of TRUSTED_PROXIES, the web server's own list, so one setting serves both", async () => {
    expect(await clientAddress({ TRUSTED_PROXIES: '10.0.0.5' }, '6.6.6.6, 203.0.113.7, 10.0.0.5')).toBe('203.0.113.7');
    expect(await clientAddress({ TRUSTED_PROXIES: '10.0.0.0/8 uniquelocal' }, '203.0.113.7, 10.1.1.1, 192.168.1.1')).toBe('203.0.113.7');
  });

  it('TRUST_PROXY, when set, replaces both', async () => {
    expect(await clientAddress({ TRUST_PROXY: 'false', TRUSTED_PROXIES: '10.0.0.5' }, '203.0.113.7')).toBe('127.0.0.1');
  });
});
