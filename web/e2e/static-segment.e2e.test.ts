import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, graphqlRequest, launchChromium, SCREENSHOT_DIR, signIn } from './browser';

interface Sizes {
  segment: { entries: { totalCount: number; edges: Array<{ node: { address: string } }> }; memberCount: { value: number } };
}

/** What the API holds for the segment, through the web app's /graphql proxy. */
const sizesOf = (id: string) =>
  graphqlRequest<Sizes>('query($id: ID!) { segment(id: $id) { entries(first: 100) { totalCount edges { node { address } } } memberCount { value } } }', { id }).then((d) => d.segment);

describe('static segment (browser)', () => {
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  // Unique per run: the suites share one database.
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const name = `E2E static ${stamp}`;
  const address = (who: string) => `${who}.${stamp}@example.com`;
  let segmentId: string;

  beforeAll(async () => {
    const created = await graphqlRequest<{ createSegment: { segment: { id: string } | null; errors: unknown[] } }>(
      'mutation($name: String!) { createSegment(input: { name: $name, kind: STATIC, tags: ["e2e"] }) { segment { id } errors { code message } } }',
      { name },
    );
    expect(created.createSegment.errors).toEqual([]);
    segmentId = created.createSegment.segment!.id;

    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) pageErrors.push(message.text());
    });
    page.on('response', (response) => {
      if (response.status() >= 400) pageErrors.push(`${response.status()} ${response.request().method()} ${response.url()}`);
    });
    await signIn(page);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('imports pasted lines with a bad line and a repeat, and reports them as the API stored them', async () => {
    const response = await page.goto(`${BASE_URL}/segments/${encodeURIComponent(segmentId)}`, { waitUntil: 'domcontentloaded' });
    expect(response?.status()).toBe(200);
    await page.getByTestId('segment-name').waitFor({ state: 'visible', timeout: 30_000 });
    expect(await page.getByTestId('segment-name').innerText()).toBe(name);
    await page.getByTestId('empty-state').waitFor({ state: 'visible' });
    expect(await page.getByTestId('size-stored').getAttribute('data-value')).toBe('0');

    const lines = [
      `${address('anna')};Anna Nowak`, // 1
      'not-an-address', // 2: rejected
      address('ben'), // 3
      `${address('ANNA')};Anna again`, // 4: repeats line 1 once normalised
      '+48 601 234 567;Jan', // 5
    ];
    await page.getByTestId('import-text').fill(lines.join('\n'));
    await page.getByTestId('import-start').click();
    // The job answers RUNNING and is first polled 400 ms later: the progress shows meanwhile.
    const progress = page.getByTestId('import-progress');
    await progress.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await progress.getAttribute('data-total')).toBe('5');

    const report = page.getByTestId('import-report');
    await report.waitFor({ state: 'visible', timeout: 30_000 });
    const figure = async (field: string) => Number(await page.getByTestId(`report-${field}`).getAttribute('data-value'));
    expect(await figure('lines')).toBe(5);
    expect(await figure('duplicatesInInput')).toBe(1);
    expect(await figure('alreadyPresent')).toBe(0);
    expect(await figure('invalidCount')).toBe(1);

    const bad = page.locator('[data-testid="invalid-line"]');
    expect(await bad.count()).toBe(1);
    expect(await bad.first().getAttribute('data-line')).toBe('2');
    const badText = await bad.first().innerText();
    expect(badText).toContain('not-an-address');
    expect(badText).toMatch(/neither an e-mail address nor a phone number/);

    // The count the page reports is what the API stored (a new segment: everything imported is there).
    const stored = await sizesOf(segmentId);
    expect(await figure('imported')).toBe(stored.entries.totalCount);
    expect(stored.entries.totalCount).toBe(3);
    await page.locator(`[data-testid="size-stored"][data-value="${stored.entries.totalCount}"]`).waitFor({ timeout: 15_000 });
    await page.locator(`[data-testid="size-members"][data-value="${stored.memberCount.value}"]`).waitFor({ timeout: 15_000 });
    await page.locator('[data-testid="entry-row"]').nth(2).waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-testid="entry-row"]').count()).toBe(3);
    expect(await page.getByTestId('entries-table').getAttribute('data-total')).toBe(String(stored.entries.totalCount));
  });

  it('adds an address with the keyboard and removes one after confirming', async () => {
    const added = address('cleo');
    await page.getByTestId('add-address').focus();
    await page.keyboard.type(added);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Cleo');
    await page.keyboard.press('Enter');
    await page.locator(`[data-testid="entry-row"][data-address="${added}"]`).waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('add-notice').innerText()).toContain(added);
    // Focus returns to the address field for the next one.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('add-address');
    let stored = await sizesOf(segmentId);
    expect(stored.entries.totalCount).toBe(4);
    expect(stored.entries.edges.map((e) => e.node.address)).toContain(added);

    // A bad address is refused next to the field and stores nothing.
    await page.keyboard.type('not-an-address@');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="add-address"][aria-invalid="true"]').waitFor({ timeout: 15_000 });
    expect((await sizesOf(segmentId)).entries.totalCount).toBe(4);

    const removed = address('ben');
    await page.locator(`[data-testid="entry-row"][data-address="${removed}"] [data-testid="entry-remove"]`).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.innerText()).toContain(removed);
    await page.getByTestId('remove-confirm').click();
    await page.locator(`[data-testid="entry-row"][data-address="${removed}"]`).waitFor({ state: 'detached', timeout: 15_000 });
    stored = await sizesOf(segmentId);
    expect(stored.entries.totalCount).toBe(3);
    expect(stored.entries.edges.map((e) => e.node.address)).not.toContain(removed);
    await page.locator(`[data-testid="size-stored"][data-value="3"]`).waitFor({ timeout: 15_000 });

    await page.getByTestId('add-address').fill('');
    await page.evaluate(() => window.scrollTo(0, 0));
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'static-segment.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
