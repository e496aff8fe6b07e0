import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, graphqlRequest, launchChromium, SCREENSHOT_DIR, signIn } from './browser';

// Everything this suite creates carries this tag, and the list is always narrowed by it before a
// name is looked for: the readable names (they show in the README's screenshot) need not be unique.
const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const TAG = `e2e-list-${suffix}`;
const ALPHA = 'Customers with a city';
const ALPHA_SEARCH = 'with a city';
const BETA = 'Trade fair visitors';
const STATIC_NAME = 'Webinar sign-ups';

interface Payload {
  segment: { id: string; name: string } | null;
  errors: Array<{ code: string; message: string }>;
}

async function createSegment(input: Record<string, unknown>): Promise<string> {
  const data = await graphqlRequest<{ createSegment: Payload }>('mutation ($input: CreateSegmentInput!) { createSegment(input: $input) { segment { id name } errors { code message } } }', { input });
  expect(data.createSegment.errors).toEqual([]);
  return data.createSegment.segment!.id;
}

async function emailCount(id: string): Promise<number> {
  const data = await graphqlRequest<{ segment: { recipientCounts: Array<{ channel: string; value: number }> } }>(
    'query ($id: ID!) { segment(id: $id) { recipientCounts(channels: [EMAIL]) { channel value } } }',
    { id },
  );
  return data.segment.recipientCounts.find((count) => count.channel === 'EMAIL')!.value;
}

async function segmentsTagged(tag: string): Promise<Array<{ id: string; name: string; kind: string }>> {
  const data = await graphqlRequest<{ segments: { edges: Array<{ node: { id: string; name: string; kind: string } }> } }>(
    'query ($tag: String!) { segments(where: { tag: $tag }, first: 50) { edges { node { id name kind } } } }',
    { tag },
  );
  return data.segments.edges.map((edge) => edge.node);
}

/** The names of the rows on screen, once the list has settled (no request in flight). */
async function rowNames(page: Page): Promise<string[]> {
  await page.locator('[data-testid="segments-table"][aria-busy="false"], [data-testid="no-match"]').first().waitFor();
  return page.getByTestId('segment-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-name') ?? ''));
}

async function waitForRows(page: Page, expected: string[]): Promise<void> {
  await expect.poll(async () => (await rowNames(page)).sort(), { timeout: 20_000 }).toEqual([...expected].sort());
}

function row(page: Page, name: string) {
  return page.locator(`[data-testid="segment-row"][data-name="${name}"]`);
}

describe('segments list (browser)', () => {
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const created: string[] = [];
  let userOfAlpha: string | null = null;

  beforeAll(async () => {
    created.push(
      await createSegment({
        name: ALPHA,
        description: 'Contacts and companies whose city is known',
        tags: [TAG, 'newsletter'],
        source: 'CLIENTS',
        clientType: 'ANY',
        filter: { rules: [{ rule: { field: 'client.city', operator: 'IS_NOT_EMPTY' } }] },
      }),
    );
    const betaId = await createSegment({ name: BETA, kind: 'STATIC', tags: [TAG, 'events'] });
    created.push(betaId);
    const added = await graphqlRequest<{ addStaticSegmentMembers: { imported: number } }>(
      'mutation ($id: ID!, $members: [StaticMemberInput!]!) { addStaticSegmentMembers(id: $id, members: $members) { imported } }',
      {
        id: betaId,
        members: [
          { address: `one-${suffix}@example.com`, channel: 'EMAIL' },
          { address: `two-${suffix}@example.com`, channel: 'EMAIL' },
        ],
      },
    );
    expect(added.addStaticSegmentMembers.imported).toBe(2);

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
    // Best effort: leave the shared database as it was (the segment using alpha goes first).
    const ids = [...(userOfAlpha ? [userOfAlpha] : []), ...(await segmentsTagged(TAG).catch(() => [])).map((segment) => segment.id)];
    for (const id of ids) {
      await graphqlRequest('mutation ($id: ID!) { deleteSegment(id: $id) { deletedId } }', { id }).catch(() => undefined);
    }
  });

  it('filters by tag, kind and name (kept in the address), with each row counting its own recipients', async () => {
    // Slow counts down: the rows must show at once, holding the counts' place with skeletons.
    let releaseSizes!: () => void;
    const sizesHeld = new Promise<void>((resolve) => (releaseSizes = resolve));
    await page.route('**/graphql', async (route) => {
      if (route.request().postData()?.includes('SegmentListSizes')) await sizesHeld;
      await route.continue();
    });

    const response = await page.goto(`${BASE_URL}/segments`, { waitUntil: 'domcontentloaded' });
    expect(response?.status()).toBe(200);
    await expect(page.getByTestId('nav-segments').getAttribute('aria-current')).resolves.toBe('page');
    await page.getByTestId('segments-filters').waitFor();

    // Tag: a searchable select fed by segmentTags.
    await page.getByTestId('segments-tag').click();
    await page.getByTestId('segments-tag').fill(TAG);
    await page.getByRole('option', { name: `${TAG} (2)` }).click();
    await page.waitForURL((url) => url.searchParams.get('tag') === TAG);
    await waitForRows(page, [ALPHA, BETA]);

    await expect(row(page, ALPHA).getByTestId('segment-sizes').getAttribute('data-state')).resolves.toBe('counting');
    const boxWhileCounting = await page.getByTestId('segments-table').boundingBox();
    releaseSizes();
    await expect.poll(() => page.locator('[data-testid="segment-sizes"]:not([data-state="counted"])').count(), { timeout: 30_000 }).toBe(0);
    await page.unroute('**/graphql');
    // Nothing moved when the numbers arrived.
    expect(await page.getByTestId('segments-table').boundingBox()).toEqual(boxWhileCounting);

    // Every row's e-mail count is the API's, each counted by its own request after the list showed.
    for (const [name, id] of [
      [ALPHA, created[0]!],
      [BETA, created[1]!],
    ] as const) {
      const email = row(page, name).getByTestId('size-EMAIL');
      await expect.poll(() => email.getAttribute('data-value'), { timeout: 30_000 }).not.toBeNull();
      expect(Number(await email.getAttribute('data-value'))).toBe(await emailCount(id));
      await expect(row(page, name).getByTestId('segment-sizes').getAttribute('data-state')).resolves.toBe('counted');
      await expect(row(page, name).getByTestId('sizes-counted').innerText()).resolves.toMatch(/counted/);
    }
    expect(Number(await row(page, BETA).getByTestId('size-EMAIL').getAttribute('data-value'))).toBe(2);
    await expect(row(page, BETA).getByTestId('segment-kind').getAttribute('data-kind')).resolves.toBe('STATIC');
    await expect(row(page, ALPHA).getByTestId('segment-source').innerText()).resolves.toBe('Contacts and companies');

    // Kind.
    await page.getByTestId('segments-kind').selectOption('STATIC');
    await page.waitForURL((url) => url.searchParams.get('kind') === 'static');
    await waitForRows(page, [BETA]);
    await page.getByTestId('segments-kind').selectOption('all');
    await waitForRows(page, [ALPHA, BETA]);

    // Name, typed (debounced) with the keyboard.
    await page.getByTestId('segments-search').click();
    await page.keyboard.type(ALPHA_SEARCH);
    await page.waitForURL((url) => url.searchParams.get('q') === ALPHA_SEARCH);
    await waitForRows(page, [ALPHA]);

    // A reload keeps the filters.
    await page.reload({ waitUntil: 'domcontentloaded' });
    await waitForRows(page, [ALPHA]);
    await expect(page.getByTestId('segments-search').inputValue()).resolves.toBe(ALPHA_SEARCH);
    await expect(page.getByTestId('segments-tag').inputValue()).resolves.toContain(TAG);

    // Opening a segment and coming Back keeps them too.
    await row(page, ALPHA).getByTestId('segment-link').click();
    await page.waitForURL((url) => url.pathname !== '/segments');
    expect(decodeURIComponent(new URL(page.url()).pathname)).toBe(`/segments/${created[0]}`);
    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/segments' && url.searchParams.get('tag') === TAG);
    await waitForRows(page, [ALPHA]);
    await expect(page.getByTestId('segments-search').inputValue()).resolves.toBe(ALPHA_SEARCH);

    // Nothing matches: the "no match" state offers to clear the filters.
    await page.getByTestId('segments-search').fill(`nothing like this ${suffix}`);
    await page.getByTestId('no-match').waitFor({ timeout: 20_000 });
    await page.getByTestId('segments-search').fill('');
    await waitForRows(page, [ALPHA, BETA]);
    expect(new URL(page.url()).searchParams.get('q')).toBeNull();
  });

  it('duplicates a segment, then deletes the copy after a confirmation given with the keyboard', async () => {
    const copyName = `${ALPHA} (copy)`;
    await row(page, ALPHA).getByTestId('row-actions').click();
    await page.getByTestId('row-duplicate').click();
    await page.locator('[data-testid="segments-notice"][data-kind="duplicated"]').waitFor();
    await waitForRows(page, [ALPHA, BETA, copyName]);
    await expect(row(page, copyName).getAttribute('data-new')).resolves.toBe('true');
    const copy = (await segmentsTagged(TAG)).find((segment) => segment.name === copyName);
    expect(copy).toBeDefined();
    await expect(row(page, copyName).getAttribute('data-segment-id')).resolves.toBe(copy!.id);

    // A segment another one names in its filter cannot go: the dialog says why, nothing is deleted.
    const userName = `Built on customers with a city ${suffix}`;
    userOfAlpha = await createSegment({ name: userName, filter: { rules: [{ rule: { field: 'segment.membership', operator: 'IN', value: { ids: [created[0]] } } }] } });
    await row(page, ALPHA).getByTestId('row-actions').click();
    await page.getByTestId('row-delete').click();
    await page.getByTestId('delete-segment-confirm').click();
    const inUse = page.getByTestId('delete-segment-error');
    await inUse.waitFor();
    await expect(inUse.innerText()).resolves.toContain(userName);
    await page.getByTestId('delete-segment-cancel').click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    expect((await segmentsTagged(TAG)).map((segment) => segment.name)).toContain(ALPHA);
    await graphqlRequest('mutation ($id: ID!) { deleteSegment(id: $id) { deletedId } }', { id: userOfAlpha });
    userOfAlpha = null;

    // The row menu opens from the keyboard too.
    await row(page, copyName).getByTestId('row-actions').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('row-delete').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expect(dialog.innerText()).resolves.toContain(copyName);
    // The safe button has the focus; Tab moves to the destructive one, Enter confirms.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('delete-segment-cancel');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('delete-segment-confirm');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('[data-testid="segments-notice"][data-kind="deleted"]').waitFor();
    await waitForRows(page, [ALPHA, BETA]);
    expect((await segmentsTagged(TAG)).map((segment) => segment.name).sort()).toEqual([ALPHA, BETA].sort());
  });

  it('creates a static segment from the "New segment" menu and opens it', async () => {
    await page.getByTestId('new-segment').click();
    await page.getByTestId('new-segment-static').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await page.getByTestId('create-static-name').fill(STATIC_NAME);
    await page.getByTestId('create-static-tags').fill(TAG);
    await page.keyboard.press('Enter');
    // Leave the tag field (closing its suggestions) for the buttons.
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('create-static-form').innerText()).resolves.toContain(TAG);
    await page.getByTestId('create-static-submit').click();
    await page.waitForURL(/\/segments\/[^/?]+$/, { timeout: 20_000 });

    const stored = (await segmentsTagged(TAG)).find((segment) => segment.name === STATIC_NAME);
    expect(stored).toMatchObject({ kind: 'STATIC' });
    expect(decodeURIComponent(new URL(page.url()).pathname)).toBe(`/segments/${stored!.id}`);
  });

  it('shows the whole list with its sizes (screenshot)', async () => {
    await page.goto(`${BASE_URL}/segments`, { waitUntil: 'domcontentloaded' });
    await page.getByTestId('segments-table').waitFor();
    // Rows of the first page count one by one; wait until every one has answered.
    await expect.poll(() => page.locator('[data-testid="segment-sizes"]:not([data-state="counted"])').count(), { timeout: 60_000 }).toBe(0);
    await expect(page.locator(`[data-testid="segment-row"][data-segment-id="${created[0]}"]`).count()).resolves.toBe(1);
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'segments-list.png') });
    expect(pageErrors).toEqual([]);
  });
});
