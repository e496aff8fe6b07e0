import type { TestProject } from 'vitest/node';
import { startThrowawayPostgres, type ThrowawayPostgres } from './postgres-server';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

let server: ThrowawayPostgres | null = null;

/**
 * One PostgreSQL server for the whole run: TEST_DATABASE_URL if given, else a throwaway one from
 * the machine's binaries. No PostgreSQL is a failure, never a skip: every integration test is
 * meant to run on both engines.
 */
export async function setup(project: TestProject): Promise<void> {
  let url = process.env.TEST_DATABASE_URL;
  if (!url) {
    server = await startThrowawayPostgres('segmenta_admin');
    url = server.url;
  }
  project.provide('postgresUrl', url);
}

/** Synchronous: stop() runs `pg_ctl stop -w` and removes the data directory before it returns. */
export function teardown(): void {
  server?.stop();
}
