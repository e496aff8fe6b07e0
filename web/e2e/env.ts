/** Where the e2e run finds the app and how it signs in; no test-runner imports (global-setup.ts uses it too). */

/** The running web app under test. */
export const BASE_URL = (process.env.E2E_BASE_URL || 'http://127.0.0.1:3000').replace(/\/+$/, '');

/**
 * The first administrator. The runner (scripts/test.mjs) starts the API with ADMIN_PASSWORD set to
 * this password; against another API, set E2E_ADMIN_PASSWORD to its ADMIN_PASSWORD.
 */
export const ADMIN_EMAIL = process.env.E2E_ADMIN_EMAIL || 'admin@segmenta.local';
export const ADMIN_PASSWORD = process.env.E2E_ADMIN_PASSWORD || 'e2e-admin-password-1';

/** The session cookie the API sets on sign-in. */
export const SESSION_COOKIE = 'segmenta_session';
