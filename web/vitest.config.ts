import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Unit tests (`npm test -w web`). Browser tests live in e2e/ and run with vitest.e2e.config.ts. */
export default defineConfig({
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'app/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**', '.next/**'],
    environment: 'node',
  },
});
