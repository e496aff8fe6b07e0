// Runs the Next CLI (`next dev`) for the web app with an explicit port and host.
//
// Next also reads `PORT`, which in this repository is the API's port, so the web port is always
// passed on the command line from `WEB_PORT` (default 3000). Host: `WEB_HOST` (default 127.0.0.1,
// this machine only). `npm start` runs server.mjs instead, which also rewrites X-Forwarded-For.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const webDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Parses a TCP port from an environment value, or returns the fallback when unset. */
export function parsePort(value, fallback) {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`Invalid port "${value}": expected an integer between 1 and 65535`);
  }
  return port;
}

/**
 * Spawns `next <command> --port <WEB_PORT> --hostname <host>` in the web directory, inheriting stdio,
 * forwarding SIGINT/SIGTERM/SIGHUP, and exiting with the child's exit status.
 * @param {'start' | 'dev'} command
 * @param {string[]} extraArgs
 */
export function runNext(command, extraArgs = []) {
  let port;
  try {
    port = parsePort(process.env.WEB_PORT, 3000);
  } catch (error) {
    console.error(`[web] WEB_PORT: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
  const hostname = process.env.WEB_HOST || '127.0.0.1';
  const nextBin = require.resolve('next/dist/bin/next');
  const args = [nextBin, command, '--port', String(port), '--hostname', hostname, ...extraArgs];

  const env = { ...process.env };
  env.NEXT_TELEMETRY_DISABLED ??= '1';
  // Keep Next from picking up the API's PORT by any other route.
  delete env.PORT;

  const child = spawn(process.execPath, args, { cwd: webDir, stdio: 'inherit', env });

  const forward = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => forward(signal));

  child.on('error', (error) => {
    console.error(`[web] could not start next ${command}:`, error);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    if (signal) {
      // Exit the conventional way for a signal-terminated child (128 + signal number).
      process.exitCode = signal === 'SIGINT' ? 130 : signal === 'SIGTERM' ? 143 : 1;
    } else {
      process.exitCode = code ?? 0;
    }
  });
  return child;
}
