import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The red team rotated X-Forwarded-For through the web origin and was never limited: Next passed
 * the client's own header on, and the API believes the web server's. Hitting the per-address
 * sign-in limit on purpose would lock the whole e2e run's address out, so this file starts its
 * own built API (fresh SQLite, no demo data, SIGN_IN_CLIENT_FAILURES=10: 10 failures per address) and its
 * own web server in front of it.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const services: ChildProcess[] = [];
let dataDir = '';
let webUrl = '';

async function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => done(port));
    });
  });
}

async function answers(url: string, seconds: number): Promise<boolean> {
  for (const until = Date.now() + seconds * 1000; Date.now() < until; await new Promise((r) => setTimeout(r, 250))) {
    try {
      if ((await fetch(url)).status < 500) return true;
    } catch {
      // Not listening yet: try again.
    }
  }
  return false;
}

/** One failed sign-in through the web origin, claiming to come from `claimed`; the error code the API answered. */
async function failedSignIn(email: string, claimed: string): Promise<string> {
  const response = await fetch(`${webUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': claimed, 'x-real-ip': claimed, forwarded: `for=${claimed}` },
    body: JSON.stringify({ query: 'mutation($input: LogInInput!) { logIn(input: $input) { errors { code } } }', variables: { input: { email, password: 'not the password' } } }),
  });
  const body = (await response.json()) as { data?: { logIn: { errors: Array<{ code: string }> } } };
  return body.data?.logIn.errors[0]?.code ?? `HTTP ${response.status}`;
}

beforeAll(async () => {
  for (const built of ['api/dist/main.js', 'web/.next/BUILD_ID']) {
    if (!existsSync(join(root, built))) throw new Error(`forwarded-for e2e: ${built} is missing; build first (npm run build)`);
  }
  dataDir = mkdtempSync(join(tmpdir(), 'segmenta-xff-'));
  const [apiPort, webPort] = [await freePort(), await freePort()];
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  webUrl = `http://127.0.0.1:${webPort}`;
  const env = { ...process.env, NODE_ENV: 'production' as const, TRUSTED_PROXIES: '', TRUST_PROXY: '' };
  services.push(
    spawn(process.execPath, ['api/dist/main.js'], {
      cwd: root,
      stdio: 'ignore',
      env: { ...env, DATABASE_URL: `sqlite:${join(dataDir, 'xff.sqlite')}`, PORT: String(apiPort), SEED_SCALE: '0', ADMIN_PASSWORD: 'xff-admin-password-1', SIGN_IN_CLIENT_FAILURES: '10' },
    }),
    spawn(process.execPath, ['web/scripts/start.mjs'], { cwd: root, stdio: 'ignore', env: { ...env, WEB_PORT: String(webPort), API_URL: apiUrl } }),
  );
  if (!(await answers(`${apiUrl}/healthz`, 90)) || !(await answers(`${webUrl}/login`, 60))) throw new Error('forwarded-for e2e: the API or the web server did not start');
}, 180_000);

afterAll(() => {
  for (const service of services) service.kill('SIGTERM');
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('X-Forwarded-For through the web origin', () => {
  it('counts forged, rotating client addresses as the one socket address: the per-address sign-in limit still applies', async () => {
    const codes: string[] = [];
    // A new e-mail each time keeps the per-e-mail and per-account counters out of it: only the address limit can stop this.
    for (let i = 0; i < 30 && codes.at(-1) !== 'TOO_MANY_ATTEMPTS'; i++) codes.push(await failedSignIn(`guess-${i}@example.test`, `198.51.100.${i + 1}`));
    expect(codes.at(-1)).toBe('TOO_MANY_ATTEMPTS');
    // Every answer before it was an ordinary failure: the limit came from the count, not an error.
    expect(codes.slice(0, -1).every((code) => code === 'SIGN_IN_FAILED')).toBe(true);
    // A fresh made-up address and e-mail do not reopen the door.
    expect(await failedSignIn('fresh@example.test', '203.0.113.250')).toBe('TOO_MANY_ATTEMPTS');
  });
});
