import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, BASE_URL, SESSION_COOKIE } from './env';

/**
 * Where the e2e run saves its screenshots of the real app: docs/screenshots, which the README shows
 * (so a run refreshes them; commit the new ones with the change that altered the page).
 */
export const SCREENSHOT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'screenshots');

export { ADMIN_EMAIL, ADMIN_PASSWORD, BASE_URL, SESSION_COOKIE } from './env';

/** The system Chromium (Debian's `chromium` package); playwright-core downloads no browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Flags that keep Chromium quiet and offline: it may only resolve the app's own host. */
export function chromiumArgs(baseUrl: string = BASE_URL): string[] {
  const { hostname } = new URL(baseUrl);
  const allowed = new Set(['localhost', '127.0.0.1', hostname]);
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--no-first-run',
    `--host-resolver-rules=MAP * ~NOTFOUND, ${[...allowed].map((host) => `EXCLUDE ${host}`).join(', ')}`,
  ];
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: chromiumArgs(), timeout: 60_000 });
}

/**
 * Signs in through the real login form (type, press Enter) in the page's browser context, and
 * waits until the app has left the login page. Once per context: the session cookie then goes
 * with every request of that context.
 */
export async function signIn(page: Page, email: string = ADMIN_EMAIL, password: string = ADMIN_PASSWORD): Promise<void> {
  await page.goto(`${BASE_URL}/login`, { waitUntil: 'domcontentloaded' });
  await page.locator('[data-testid="login-form"][data-ready="true"]').waitFor();
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await Promise.all([page.waitForURL((url) => url.pathname !== '/login', { timeout: 30_000 }), page.getByTestId('login-password').press('Enter')]);
}

/** How a direct request proves who it is: the admin session of the run (default), a token, a cookie, or nothing. */
export type Credential = { bearer: string } | { cookie: string } | 'admin' | null;

function credentialHeaders(credential: Credential): Record<string, string> {
  if (credential === null) return {};
  if (credential === 'admin') return { cookie: `${SESSION_COOKIE}=${inject('adminSession')}` };
  return 'bearer' in credential ? { authorization: `Bearer ${credential.bearer}` } : { cookie: credential.cookie };
}

/** A GraphQL answer as JSON. */
interface GraphqlBody<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** The whole answer of a GraphQL request through the web app's `/graphql` proxy: status and body, errors included. */
export async function graphqlResponse<T>(query: string, variables: Record<string, unknown> = {}, credential: Credential = 'admin'): Promise<{ status: number; body: GraphqlBody<T> }> {
  const response = await fetch(`${BASE_URL}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...credentialHeaders(credential) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) as GraphqlBody<T> };
  } catch {
    throw new Error(`POST ${BASE_URL}/graphql answered ${response.status}: ${text.slice(0, 500)}`);
  }
}

/**
 * POSTs a GraphQL query through the web app's `/graphql` proxy, as the browser does, signed in as
 * the run's administrator (a session made once by e2e/global-setup.ts) unless told otherwise.
 */
export async function graphqlRequest<T>(query: string, variables: Record<string, unknown> = {}, credential: Credential = 'admin'): Promise<T> {
  const { status, body } = await graphqlResponse<T>(query, variables, credential);
  if (status >= 400 && !body.errors?.length) throw new Error(`POST ${BASE_URL}/graphql answered ${status}`);
  if (body.errors?.length) throw new Error(`GraphQL errors: ${body.errors.map((e) => `${e.message} (${e.extensions?.code ?? 'no code'})`).join('; ')}`);
  if (!body.data) throw new Error('GraphQL answer without data');
  return body.data;
}
