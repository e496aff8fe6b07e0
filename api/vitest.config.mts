import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['reflect-metadata'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file opens its own SQLite file and PostgreSQL database; two cores run two files at once.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
