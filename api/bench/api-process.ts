import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const API_DIR = path.resolve(__dirname, '..');

/**
 * The API as a process of its own, so its memory can be read, built as `npm run build` builds it
 * (tsc, into a temporary folder) and started as `npm start` starts it. Not through
 * `-r @swc-node/register`: worker threads inherit that flag, and each SQLite reader or export
 * worker then loads the compiler too (~200 MB more after the first query, measured).
 */
export interface ApiProcess {
  pid: number;
  /** http://127.0.0.1:<port> */
  base: string;
  /** The folder of the build it runs (CPU profiles name its files). */
  buildDir: string;
  /** VmRSS and VmHWM (peak since start) of the process, in MB, from /proc/<pid>/status. */
  memory(): { rssMb: number; hwmMb: number };
  stop(): Promise<void>;
}

/** A free loopback port (the bench's other servers, PostGraphile, take theirs here too). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface ApiProcessOptions {
  /** Environment on top of this process's own (e.g. RATE_LIMIT_POINTS). */
  env?: Record<string, string>;
  /** Arguments for node before the script (e.g. `--cpu-prof`). */
  nodeArgs?: string[];
}

/** Starts the API on DATABASE_URL (already migrated and seeded: SEED_SCALE=0) and waits for /healthz. */
export async function startApiProcess(databaseUrl: string, options: ApiProcessOptions = {}): Promise<ApiProcess> {
  const port = await freePort();
  const build = fs.mkdtempSync(path.join(os.tmpdir(), 'segmenta-api-'));
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', build], { cwd: API_DIR, stdio: 'inherit' });
  } catch (error) {
    // Type errors still emit JavaScript; only a build without main.js is fatal.
    if (!fs.existsSync(path.join(build, 'main.js'))) throw error;
  }
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), path.join(build, 'main.js')], {
    cwd: API_DIR,
    // The build lives outside the repository: packages resolve from its node_modules folders.
    env: {
      ...process.env,
      NODE_PATH: [path.join(API_DIR, 'node_modules'), path.join(API_DIR, '..', 'node_modules')].join(path.delimiter),
      ...options.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      SEED_SCALE: '0',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    fs.rmSync(build, { recursive: true, force: true });
  };
  for (let waited = 0; ; waited += 200) {
    const failure = child.exitCode !== null ? `exited (${child.exitCode})` : waited > 60_000 ? 'did not answer /healthz within 60 s' : null;
    if (failure) {
      await stop();
      throw new Error(`The API process ${failure}: ${stderr}`);
    }
    if (
      await fetch(`${base}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const pid = child.pid!;
  return {
    pid,
    base,
    buildDir: build,
    memory() {
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
      return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
    },
    stop,
  };
}
