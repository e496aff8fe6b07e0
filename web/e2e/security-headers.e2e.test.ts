import type { Browser, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, launchChromium, signIn } from './browser';

/** Main pages and an element each shows only once its scripts ran (hydrated, data fetched): the CSP let them run. */
const PAGES: Array<[path: string, ready: string]> = [
  ['/', '[data-testid="count-contacts"]'],
  ['/segments', '[data-testid="segments-filters"]'],
  ['/segments/new', '[data-testid="builder-empty-hint"]'],
  ['/admin/users', '[data-testid="users-table"]'],
  ['/admin/audit', '[data-testid="audit-filters"]'],
  ['/account/password', '[data-testid="password-form"][data-ready="true"]'],
];

/** What the page reported about its policy: console lines naming the CSP, and securitypolicyviolation events. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
  // Playwright's own init scripts are not subject to the page's CSP; the event also reports blocked styles and images.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
    });
  });
  return violations;
}

function expectSecurityHeaders(response: Response | null): string {
  expect(response, 'the page answered').not.toBeNull();
  const headers = response!.headers();
  const policy = headers['content-security-policy'] ?? '';
  const scripts = /(?:^|;)\s*script-src ([^;]*)/.exec(policy)?.[1] ?? '';
  expect(scripts).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'");
  expect(policy).toMatch(/(?:^|;)\s*frame-ancestors 'none'/);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['x-powered-by']).toBeUndefined();
  return policy;
}

describe('security headers of the web app (browser)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('sends a nonce CSP and the other headers on the login page, with a fresh nonce each time, and nothing is blocked', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const violations = await watchViolations(page);
    const first = expectSecurityHeaders(await page.goto(`${BASE_URL}/login`, { waitUntil: 'domcontentloaded' }));
    await page.locator('[data-testid="login-form"][data-ready="true"]').waitFor();
    const second = expectSecurityHeaders(await page.reload({ waitUntil: 'domcontentloaded' }));
    await page.locator('[data-testid="login-form"][data-ready="true"]').waitFor();
    expect(second).not.toBe(first);
    expect(violations).toEqual([]);
    await context.close();
  });

  it('keeps every main page working under the policy: headers present, no CSP violation reported', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const violations = await watchViolations(page);
    await signIn(page);
    for (const [path, ready] of PAGES) {
      expectSecurityHeaders(await page.goto(`${BASE_URL}${path}`, { waitUntil: 'domcontentloaded' }));
      await page.locator(ready).first().waitFor();
      expect(violations, `CSP violations on ${path}`).toEqual([]);
    }
    await context.close();
  });

  it('sends nosniff, the referrer policy and no X-Powered-By on proxied API answers and static files too', async () => {
    for (const path of ['/graphql', '/icon.svg']) {
      const response = await fetch(`${BASE_URL}${path}`, {
        method: path === '/graphql' ? 'POST' : 'GET',
        headers: { 'content-type': 'application/json' },
        body: path === '/graphql' ? JSON.stringify({ query: '{ me { role } }' }) : undefined,
      });
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      // The API may send a stricter policy of its own on its answers; none may leak more than this.
      expect(['strict-origin-when-cross-origin', 'strict-origin', 'same-origin', 'no-referrer'], path).toContain(response.headers.get('referrer-policy'));
      expect(response.headers.get('x-powered-by'), path).toBeNull();
    }
  });
});
