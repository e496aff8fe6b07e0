import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Browser smoke tests against an already-running web app (E2E_BASE_URL, default
 * http://127.0.0.1:3000) in the system Chromium (CHROMIUM_PATH, default /usr/bin/chromium). The
 * API must have been started with ADMIN_PASSWORD equal to E2E_ADMIN_PASSWORD (default
 * `e2e-admin-password-1`, what scripts/test.mjs gives it):
 *
 *   npx vitest run --config vitest.e2e.config.ts
 */
export default defineConfig({
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    // Signs the administrator in once (ADMIN_PASSWORD / E2E_ADMIN_PASSWORD) for direct API requests.
    globalSetup: ['e2e/global-setup.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // One browser at a time: two cores, and the tests share one app.
    fileParallelism: false,
  },
});
