import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config';
import { listenOn } from '../serve';

describe('where the API listens', () => {
  const servers: http.Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  });
  const listen = (env: NodeJS.ProcessEnv) => {
    const server = http.createServer();
    servers.push(server);
    return listenOn(server, { ...loadConfig(env), port: 0 });
  };

  it('is loopback only unless HOST says otherwise', async () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect((await listen({})).address).toBe('127.0.0.1');
  });

  it('is the address HOST names', async () => {
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect((await listen({ HOST: '0.0.0.0' })).address).toBe('0.0.0.0');
  });
});
