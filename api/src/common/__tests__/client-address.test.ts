import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config';
import { clientAddressOf, compileTrust } from '../client-address';

/**
 * POST /graphql is answered without Express (graphql-endpoint.ts), so it works out the client's
 * address itself: it must agree with Express's `req.ip` / `req.secure`, which the other routes
 * (and the sign-in limits before the fast path) use, for every TRUST_PROXY setting.
 */
const SETTINGS: NodeJS.ProcessEnv[] = [
  {},
  { TRUSTED_PROXIES: '10.0.0.5' },
  { TRUSTED_PROXIES: '10.0.0.0/8 uniquelocal' },
  { TRUST_PROXY: 'false' },
  { TRUST_PROXY: 'true' },
  { TRUST_PROXY: '1' },
  { TRUST_PROXY: '2' },
  { TRUST_PROXY: '0' },
  { TRUST_PROXY: '10.0.0.5, loopback' },
  { TRUST_PROXY: '192.0.2.1' },
];
const FORWARDED: Array<Record<string, string>> = [
  {},
  { 'x-forwarded-for': '203.0.113.7' },
  { 'x-forwarded-for': '203.0.113.7, 10.0.0.5' },
  { 'x-forwarded-for': '6.6.6.6, 203.0.113.7, 10.0.0.5', 'x-forwarded-proto': 'https' },
  { 'x-forwarded-for': '203.0.113.7, 10.1.1.1, 192.168.1.1', 'x-forwarded-proto': 'https, http' },
  { 'x-forwarded-for': 'not an address', 'x-forwarded-proto': 'http' },
  { 'x-forwarded-proto': 'https' },
];

interface Seen {
  ip: string | undefined;
  secure: boolean;
}

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

describe('the client address of the /graphql fast path', () => {
  let setting: NodeJS.ProcessEnv = {};
  const trustOf = () => loadConfig(setting).trustProxy;
  const viaExpress = express();
  viaExpress.get('/', (req, res) => {
    viaExpress.set('trust proxy', trustOf());
    res.json({ ip: req.ip, secure: req.secure } satisfies Seen);
  });
  const expressServer = http.createServer(viaExpress);
  const plainServer = http.createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(clientAddressOf(req, compileTrust(trustOf())) satisfies Seen));
  });
  const urls: string[] = [];
  beforeAll(async () => void urls.push(await listen(expressServer), await listen(plainServer)));
  afterAll(() => void (expressServer.close(), plainServer.close()));

  it("is Express's req.ip and req.secure for every trust setting and forwarded header", async () => {
    let differentAddresses = 0;
    for (const env of SETTINGS) {
      setting = env;
      for (const headers of FORWARDED) {
        const [byExpress, byFastPath] = await Promise.all(urls.map(async (url) => (await fetch(url, { headers })).json() as Promise<Seen>));
        expect({ env, headers, seen: byFastPath }).toEqual({ env, headers, seen: byExpress });
        if (byExpress?.ip !== '127.0.0.1') differentAddresses++;
      }
    }
    // The table exercises forwarding: many cases believe a forwarded address, not only the socket's.
    expect(differentAddresses).toBeGreaterThan(10);
  });
});
