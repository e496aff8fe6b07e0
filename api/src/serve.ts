import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from './config/config';

/**
 * Starts listening where the configuration says: loopback by default, so a fresh install is not
 * reachable from the network until HOST says so (the web server, on the same machine, proxies to
 * it). Resolves with the bound address, or rejects (address in use, unknown host).
 */
export function listenOn(server: http.Server, config: Pick<Config, 'host' | 'port'>): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}
