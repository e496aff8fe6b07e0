import { fork } from 'node:child_process';
import path from 'node:path';
import { freePort } from './api-process';

export interface HttpFloorProcess {
  /** http://127.0.0.1:<port>/ */
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** Starts http-floor.js (the bare Node + pg server the fixed cost is measured above) on a PostgreSQL URL. */
export async function startHttpFloor(databaseUrl: string): Promise<HttpFloorProcess> {
  const port = await freePort();
  const child = fork(path.join(__dirname, 'http-floor.js'), [], {
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl, PORT: String(port) },
    execArgv: [],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`The HTTP floor server exited (${code}) before listening`)));
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
