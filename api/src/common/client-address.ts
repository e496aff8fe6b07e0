import proxyAddr from 'proxy-addr';
import type { IncomingMessage } from 'node:http';

export type Trust = (address: string, hop: number) => boolean;

/**
 * Which proxies' X-Forwarded-For / -Proto are believed (TRUST_PROXY, config.trustProxy), compiled the
 * way Express compiles its `trust proxy` setting: true trusts every hop, a number that many hops,
 * a string a comma-separated list of addresses, subnets and names (`loopback`). Compiled once in
 * createApp and given to Express and to the /graphql fast path (graphql-endpoint.ts) alike, so both
 * see the same client.
 */
export function compileTrust(setting: string | number | boolean): Trust {
  if (setting === true) return () => true;
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  if (typeof setting === 'string') return proxyAddr.compile(setting.split(',').map((entry) => entry.trim()));
  return proxyAddr.compile([]);
}

export interface ClientAddress {
  ip: string;
  /** Reached over HTTPS: the socket's own TLS, or X-Forwarded-Proto from a trusted proxy. */
  secure: boolean;
}

/** The client behind a request, as Express's `req.ip` and `req.secure` would tell it. */
export function clientAddressOf(req: IncomingMessage, trust: Trust): ClientAddress {
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true;
  let protocol = encrypted ? 'https' : 'http';
  if (trust(req.socket.remoteAddress ?? '', 0)) {
    const forwarded = req.headers['x-forwarded-proto'];
    const header = (Array.isArray(forwarded) ? forwarded[0] : forwarded) || protocol;
    protocol = header.split(',')[0]!.trim();
  }
  return { ip: proxyAddr(req, trust), secure: protocol === 'https' };
}
