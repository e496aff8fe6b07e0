// Who the web server's client is, for the API's per-address limits (X-Forwarded-For).
//
// Next keeps an X-Forwarded-For the client sent and only fills it in when it is missing, so a
// client talking to the web server directly could name any address it liked and rotate it to dodge
// the API's limits. The server (server.mjs) replaces it on every request: with the socket's address,
// or, when that is a trusted proxy (TRUSTED_PROXIES), with the part of the proxy's chain that trusted
// proxies vouch for. Entries left of the first untrusted hop were written by the client: dropped.
import { BlockList, isIP } from 'node:net';

/**
 * Names proxy-addr (Express `trust proxy`, the API's TRUST_PROXY) knows too, so one value serves both.
 * @type {Partial<Record<string, string[]>>}
 */
const NAMED_RANGES = {
  loopback: ['127.0.0.1/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

/**
 * `::ffff:203.0.113.7` (an IPv4 client on a dual-stack socket) is 203.0.113.7.
 * @param {string | undefined} address
 * @returns {string}
 */
export function plainAddress(address) {
  const text = String(address ?? '').trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(text);
  return mapped ? mapped[1] : text;
}

/**
 * Parses TRUSTED_PROXIES: addresses, CIDR ranges and the names loopback, linklocal, uniquelocal,
 * separated by commas or spaces; empty (the default) trusts no one. Throws on anything else, so a
 * typo stops the server instead of silently trusting nobody or everybody.
 * @param {string | undefined} raw
 * @returns {(address: string) => boolean}
 */
export function parseTrustedProxies(raw) {
  const list = new BlockList();
  for (const entry of String(raw ?? '')
    .split(/[\s,]+/)
    .filter(Boolean)) {
    for (const range of NAMED_RANGES[entry.toLowerCase()] ?? [entry]) addRange(list, range, entry);
  }
  return (address) => {
    const plain = plainAddress(address);
    const family = isIP(plain);
    return family !== 0 && list.check(plain, family === 6 ? 'ipv6' : 'ipv4');
  };
}

/**
 * @param {BlockList} list
 * @param {string} range an address or CIDR range
 * @param {string} entry the TRUSTED_PROXIES entry it came from, for the error
 */
function addRange(list, range, entry) {
  const [address, bits, extra] = range.split('/');
  const family = isIP(address);
  const prefix = bits === undefined ? (family === 6 ? 128 : 32) : Number(bits);
  if (!family || extra !== undefined || !/^\d+$/.test(bits ?? '0') || prefix > (family === 6 ? 128 : 32)) {
    throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address, a CIDR range or one of ${Object.keys(NAMED_RANGES).join(', ')}`);
  }
  list.addSubnet(address, prefix, family === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The X-Forwarded-For to send on: the client first, then the trusted proxies it came through, the
 * socket peer last. `peer`: the socket's remote address; `header`: the X-Forwarded-For received.
 * @param {string | undefined} peer
 * @param {string | string[] | undefined} header
 * @param {(address: string) => boolean} isTrusted
 * @returns {string}
 */
export function forwardedFor(peer, header, isTrusted) {
  const hops = [plainAddress(peer)];
  if (isTrusted(hops[0])) {
    const claimed = (Array.isArray(header) ? header.join(',') : String(header ?? '')).split(',').map(plainAddress).filter(Boolean);
    // Right to left: each trusted hop vouches for the entry before it; stop at the first it cannot.
    while (claimed.length && isTrusted(hops[0])) {
      const previous = claimed.pop();
      if (!isIP(previous)) break;
      hops.unshift(previous);
    }
  }
  return hops.join(', ');
}

/** Forwarding headers only a trusted proxy may set; from anyone else they are the client's own claims. */
const PROXY_ONLY_HEADERS = ['forwarded', 'x-real-ip', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port'];

/**
 * Rewrites an incoming request's forwarding headers in place, before Next sees them.
 * @param {import('node:http').IncomingMessage} req
 * @param {(address: string) => boolean} isTrusted
 */
export function rewriteForwardingHeaders(req, isTrusted) {
  const peer = req.socket.remoteAddress;
  req.headers['x-forwarded-for'] = forwardedFor(peer, req.headers['x-forwarded-for'], isTrusted);
  if (!isTrusted(peer)) for (const name of PROXY_ONLY_HEADERS) delete req.headers[name];
}
