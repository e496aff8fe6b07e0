import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCount } from '@/lib/format';
import { BASE_URL, graphqlRequest, launchChromium, SCREENSHOT_DIR, signIn } from './browser';

describe('dashboard (browser)', () => {
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const foreignRequests: string[] = [];
  const graphqlMethods: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      // Failed loads are reported with their URL by the response listener below.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) pageErrors.push(message.text());
    });
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol.startsWith('http') && url.origin !== new URL(BASE_URL).origin) foreignRequests.push(request.url());
      if (url.pathname === '/graphql') graphqlMethods.push(request.method());
    });
    page.on('response', (response) => {
      if (response.status() >= 400) pageErrors.push(`${response.status()} ${response.request().method()} ${response.url()}`);
    });
    await signIn(page);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the API contact count, pipelines, and talks only to its own origin', async () => {
    // The expected figure, straight from the API through the web app's /graphql proxy.
    const expected = await graphqlRequest<{ contacts: { totalCount: number } }>('query { contacts(first: 0) { totalCount } }');
    const expectedCount = expected.contacts.totalCount;
    expect(Number.isInteger(expectedCount)).toBe(true);

    const response = await page.goto(`${BASE_URL}/`, { waitUntil: 'domcontentloaded' });
    expect(response?.status()).toBe(200);
    await expect(page.locator('header').first().innerText()).resolves.toContain('Segmenta');

    const contacts = page.getByTestId('count-contacts');
    await contacts.waitFor({ state: 'visible', timeout: 30_000 });
    expect(Number(await contacts.getAttribute('data-value'))).toBe(expectedCount);
    expect((await contacts.innerText()).trim()).toBe(formatCount(expectedCount, 'en'));

    for (const key of ['companies', 'leads', 'deals', 'products', 'orders']) {
      await expect(page.getByTestId(`count-${key}`).getAttribute('data-value')).resolves.toMatch(/^\d+$/);
    }
    await expect(page.getByTestId('dashboard-error').count()).resolves.toBe(0);
    await expect(page.getByTestId('pipeline').count()).resolves.toBeGreaterThan(0);

    await mkdir(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'dashboard.png'), fullPage: true });

    expect(graphqlMethods.length).toBeGreaterThan(0);
    expect(new Set(graphqlMethods)).toEqual(new Set(['POST']));
    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
