#!/usr/bin/env node
// `npm test`: every check and test of the repository, ending with one plain line
// "N passed, N failed" (CI reads it). Steps: type checks, lint and formatting, generated-code
// drift, API tests on SQLite + PostgreSQL, web unit tests, production builds, and end-to-end tests
// in Chromium against the built web app and a running API on a freshly seeded SQLite database.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reports = path.join(root, '.test-reports');
fs.rmSync(reports, { recursive: true, force: true });
fs.mkdirSync(reports, { recursive: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', TURBO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' };
/**
 * Runs `npx --no-install ...args` in the foreground; true when it exited 0.
 * @param {string[]} args
 * @param {import('node:child_process').SpawnSyncOptions} [options]
 */
const npx = (args, options = {}) => spawnSync('npx', ['--no-install', ...args], { cwd: root, stdio: 'inherit', env, ...options }).status === 0;

/** @type {Array<[name: string, ok: boolean]>} */
const checks = [];
/** @type {Array<[name: string, reportFile: string]>} vitest runs and their JSON reports */
const suites = [];
const step = (name) => console.log(`\n=== ${name} ===`);

step('type check (api, web)');
checks.push(['typecheck', npx(['turbo', 'run', 'typecheck'])]);

step('type check (schema/client: the generated integrator client and its README example)');
checks.push(['typecheck schema/client', npx(['tsc', '-p', 'schema'])]);

// The workspaces they cover are listed in eslint.config.mjs (lintedWorkspaces) and .prettierignore.
step('lint (ESLint with type information, react-hooks; eslint.config.mjs)');
checks.push(['lint', npx(['eslint', '--max-warnings', '0', '.'])]);

step('formatting (Prettier; .prettierrc, .prettierignore)');
checks.push(['format', npx(['prettier', '--check', '.'])]);

step('generated client types are up to date (web/src/graphql/gql, schema/client/generated)');
checks.push(['codegen drift', npx(['graphql-codegen', '--config', 'codegen.ts', '--check'])]);

/**
 * @param {string} name
 * @param {string} cwd the workspace, relative to the root
 * @param {string[]} [extra] more vitest arguments
 * @param {Record<string, string>} [extraEnv]
 */
const vitest = (name, cwd, extra = [], extraEnv = {}) => {
  step(`${name} tests`);
  const outputFile = path.join(reports, `${name}.json`);
  npx(['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${outputFile}`, ...extra], {
    cwd: path.join(root, cwd),
    env: { ...env, ...extraEnv },
  });
  suites.push([name, outputFile]);
};
vitest('api', 'api');
vitest('web', 'web');

step('production build (api, web)');
const built = npx(['turbo', 'run', 'build']);
checks.push(['build', built]);

/** @returns {Promise<number>} */
async function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      // Listening on a TCP port: the address is an AddressInfo (a string only for a pipe or socket file).
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

/**
 * True once `url` answers 2xx, false after `seconds`.
 * @param {string} url
 * @param {number} seconds
 */
async function waitFor(url, seconds) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // Not listening yet: try again.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

// The e2e suite signs in as the first administrator: the API gets this password on its fresh
// database (ADMIN_PASSWORD), the tests the same one (E2E_ADMIN_PASSWORD, web/e2e/env.ts).
const E2E_ADMIN_PASSWORD = process.env.E2E_ADMIN_PASSWORD || 'e2e-admin-password-1';

if (built) {
  step('end-to-end tests in Chromium');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'segmenta-e2e-'));
  const apiPort = await freePort();
  const webPort = await freePort();
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const baseUrl = `http://127.0.0.1:${webPort}`;
  const services = [
    spawn('node', ['api/dist/main.js'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...env, DATABASE_URL: `sqlite:${path.join(dir, 'e2e.sqlite')}`, PORT: String(apiPort), SEED_SCALE: '0.001', ADMIN_PASSWORD: E2E_ADMIN_PASSWORD },
    }),
    spawn('node', ['web/scripts/start.mjs'], { cwd: root, stdio: 'inherit', env: { ...env, WEB_PORT: String(webPort), API_URL: apiUrl } }),
  ];
  try {
    const up = (await waitFor(`${apiUrl}/healthz`, 180)) && (await waitFor(baseUrl, 60));
    checks.push(['services start for e2e', up]);
    if (up) vitest('e2e', 'web', ['--config', 'vitest.e2e.config.ts'], { E2E_BASE_URL: baseUrl, E2E_ADMIN_PASSWORD });
  } finally {
    for (const service of services) service.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// A bounded load test per engine: small enough for every run (the README's figures come from
// `npm run loadtest` at scale 0.1 with 50 connections for 30 s); fails on any error or a
// /healthz that did not answer.
for (const engine of ['sqlite', 'postgresql']) {
  step(`load test on ${engine} (scale 0.01, 20 connections on live counts for 10 s, /healthz polled)`);
  const args = ['run', 'loadtest', '--', '--engine', engine, '--scale', '0.01', '--seconds', '10', '--connections', '20'];
  checks.push([`load test ${engine}`, spawnSync('npm', args, { cwd: root, stdio: 'inherit', env: { ...env, DATABASE_URL: '' } }).status === 0]);
}

let passed = 0;
let failed = 0;
console.log('\n=== summary ===');
for (const [name, ok] of checks) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} check: ${name}`);
  if (ok) passed++;
  else failed++;
}
for (const [name, file] of suites) {
  if (!fs.existsSync(file)) {
    console.log(`FAIL suite: ${name} (no report: the runner did not finish)`);
    failed++;
    continue;
  }
  /** @type {unknown} */
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  // What vitest's JSON reporter writes, the part read here.
  const report = /** @type {{ success?: boolean, numPassedTests: number, numFailedTests: number, numPendingTests: number, numRuntimeErrorTestSuites?: number }} */ (json);
  const suiteFailed = report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0) + (report.success === false && report.numFailedTests === 0 ? 1 : 0);
  console.log(`${suiteFailed ? 'FAIL' : 'ok  '} suite: ${name}: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests} skipped`);
  passed += report.numPassedTests;
  failed += suiteFailed;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
