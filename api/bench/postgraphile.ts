import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './api-process';

/**
 * PostGraphile 4 with postgraphile-plugin-connection-filter, the generic GraphQL-over-PostgreSQL
 * layer the fixed cost of a request is compared with (`npm run bench -- --postgraphile`). Never a
 * dependency of the project (CI installs stay lean): installed on demand into a cache folder
 * outside the repository, then run as a process of its own on the bench's database.
 */
const VERSIONS = { postgraphile: '4.14.1', 'postgraphile-plugin-connection-filter': '2.3.0' };

export const POSTGRAPHILE_DIR = process.env.SEGMENTA_BENCH_CACHE ? path.join(process.env.SEGMENTA_BENCH_CACHE, 'postgraphile') : path.join(os.homedir(), '.cache', 'segmenta-bench', 'postgraphile');

function installed(): boolean {
  return Object.entries(VERSIONS).every(([name, version]) => {
    try {
      return JSON.parse(fs.readFileSync(path.join(POSTGRAPHILE_DIR, 'node_modules', name, 'package.json'), 'utf8')).version === version;
    } catch {
      return false;
    }
  });
}

function ensureInstalled(): void {
  if (installed()) return;
  console.log(`installing PostGraphile into ${POSTGRAPHILE_DIR} (once)…`);
  fs.mkdirSync(POSTGRAPHILE_DIR, { recursive: true });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const specs = Object.entries(VERSIONS).map(([name, version]) => `${name}@${version}`);
  execFileSync(npm, ['install', '--prefix', POSTGRAPHILE_DIR, '--no-audit', '--no-fund', '--save-exact', ...specs], { stdio: 'inherit' });
}

export interface PostGraphileProcess {
  /** http://127.0.0.1:<port>/graphql */
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts PostGraphile on a PostgreSQL URL with the connection filter, as its documentation runs it
 * in production: no query log, no GraphiQL, no watch mode. Waits until the schema answers.
 */
export async function startPostGraphile(databaseUrl: string): Promise<PostGraphileProcess> {
  ensureInstalled();
  const port = await freePort();
  const cli = path.join(POSTGRAPHILE_DIR, 'node_modules', 'postgraphile', 'cli.js');
  const child = spawn(
    process.execPath,
    [
      cli,
      '--connection',
      databaseUrl,
      '--schema',
      'public',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--append-plugins',
      'postgraphile-plugin-connection-filter',
      '--disable-query-log',
      '--disable-graphiql',
    ],
    { cwd: POSTGRAPHILE_DIR, env: { ...process.env, NODE_ENV: 'production' }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  };
  const url = `http://127.0.0.1:${port}/graphql`;
  const ready = () =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) }).then(
      (r) => r.ok,
      () => false,
    );
  for (let waited = 0; !(await ready()); waited += 250) {
    if (child.exitCode !== null || waited > 120_000) {
      await stop();
      throw new Error(`PostGraphile ${child.exitCode !== null ? `exited (${child.exitCode})` : 'did not answer within 120 s'}: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { url, pid: child.pid!, stop };
}
