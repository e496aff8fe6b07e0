import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

/**
 * Where the e2e run saves its screenshots of the real app: docs/screenshots, which the README shows
 * (so a run refreshes them; commit the new ones with the change that altered the page).
 */
export const SCREENSHOT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'screenshots');

/** The running web app under test. */
export const BASE_URL = (process.env.E2E_BASE_URL || 'http://127.0.0.1:3000').replace(/\/+$/, '');

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

/** POSTs a GraphQL query through the web app's `/graphql` proxy, as the browser does. */
export async function graphqlRequest<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${BASE_URL}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST ${BASE_URL}/graphql answered ${response.status}: ${text.slice(0, 500)}`);
  const body = JSON.parse(text) as { data?: T; errors?: Array<{ message: string }> };
  if (body.errors?.length) throw new Error(`GraphQL errors: ${body.errors.map((e) => e.message).join('; ')}`);
  if (!body.data) throw new Error('GraphQL answer without data');
  return body.data;
}
