import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, graphqlRequest, launchChromium, SCREENSHOT_DIR, signIn } from './browser';

const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const GONE = `Spring promo ${suffix}`;
const KEPT = `Loyal customers ${suffix}`;
const STATIC = `Webinar sign-ups ${suffix}`;
/** Saved versions of KEPT: with its creation, more events than one page (50) holds. */
const SAVES = 51;

interface Payload {
  segment: { id: string; version: number } | null;
  errors: Array<{ code: string; message: string }>;
}

const DYNAMIC = { source: 'CLIENTS', clientType: 'ANY', filter: { rules: [{ rule: { field: 'client.city', operator: 'IS_NOT_EMPTY' } }] } };

async function createSegment(name: string, definition: Record<string, unknown> = DYNAMIC): Promise<string> {
  const data = await graphqlRequest<{ createSegment: Payload }>('mutation ($input: CreateSegmentInput!) { createSegment(input: $input) { segment { id version } errors { code message } } }', {
    input: { name, ...definition },
  });
  expect(data.createSegment.errors).toEqual([]);
  return data.createSegment.segment!.id;
}

async function deleteSegment(id: string): Promise<void> {
  const data = await graphqlRequest<{ deleteSegment: { deletedId: string | null } }>('mutation ($id: ID!) { deleteSegment(id: $id) { deletedId } }', { id });
  expect(data.deleteSegment.deletedId).toBe(id);
}

async function eventCount(filter: Record<string, unknown>): Promise<number> {
  const data = await graphqlRequest<{ auditEvents: { totalCount: number } }>('query ($f: AuditEventFilter) { auditEvents(first: 0, filter: $f) { totalCount } }', { f: filter });
  return data.auditEvents.totalCount;
}

/** The rows on screen once the table has settled: action and subject id. */
async function rows(page: Page): Promise<Array<{ action: string; subject: string }>> {
  await page.locator('[data-testid="audit-table"][aria-busy="false"], [data-testid="audit-no-match"]').first().waitFor();
  return page.getByTestId('audit-row').evaluateAll((found) => found.map((row) => ({ action: row.getAttribute('data-action') ?? '', subject: row.getAttribute('data-subject-id') ?? '' })));
}

describe('audit log (browser)', () => {
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  let goneId = '';
  let keptId = '';
  let staticId = '';
  let exportedRows = 0;

  beforeAll(async () => {
    goneId = await createSegment(GONE);
    await deleteSegment(goneId);
    // A static segment filled by an import and exported as CSV through the web app's link.
    staticId = await createSegment(STATIC, { kind: 'STATIC' });
    const text = [`ana-${suffix}@example.com;Ana`, `jan-${suffix}@example.com`, 'not an address'].join('\n');
    const imported = await graphqlRequest<{ importStaticSegment: { imported: number } }>('mutation ($id: ID!, $t: String!) { importStaticSegment(id: $id, text: $t) { imported } }', {
      id: staticId,
      t: text,
    });
    expect(imported.importStaticSegment.imported).toBe(2);
    const link = await graphqlRequest<{ segment: { exportUrl: string } }>('query ($id: ID!) { segment(id: $id) { exportUrl(channel: EMAIL) } }', { id: staticId });
    const csv = await fetch(`${BASE_URL}${link.segment.exportUrl}`);
    expect(csv.status).toBe(200);
    exportedRows = (await csv.text()).trim().split('\r\n').length - 1;
    keptId = await createSegment(KEPT);

    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    await signIn(page);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) pageErrors.push(message.text());
    });
    page.on('response', (response) => {
      if (response.status() >= 400) pageErrors.push(`${response.status()} ${response.request().method()} ${response.url()}`);
    });
  });

  afterAll(async () => {
    await browser?.close();
    for (const id of [keptId, staticId]) await graphqlRequest('mutation ($id: ID!) { deleteSegment(id: $id) { deletedId } }', { id }).catch(() => undefined);
  });

  it('lists a segment created and deleted through the API, newest first, from the header menu', async () => {
    const response = await page.goto(`${BASE_URL}/`, { waitUntil: 'domcontentloaded' });
    expect(response?.status()).toBe(200);
    // The audit log sits in the header's Administration menu.
    await page.getByTestId('nav-admin').click();
    await page.getByTestId('nav-audit').click();
    await page.waitForURL((url) => url.pathname === '/admin/audit');
    await expect(page.getByTestId('nav-admin').getAttribute('data-active')).resolves.toBe('true');

    const shown = await rows(page);
    // Newest first, everything this suite did.
    const ours = shown.filter((row) => [goneId, keptId, staticId].includes(row.subject));
    expect(ours.slice(0, 6)).toEqual([
      { action: 'SEGMENT_CREATED', subject: keptId },
      { action: 'SEGMENT_EXPORTED', subject: staticId },
      { action: 'STATIC_SEGMENT_IMPORTED', subject: staticId },
      { action: 'SEGMENT_CREATED', subject: staticId },
      { action: 'SEGMENT_DELETED', subject: goneId },
      { action: 'SEGMENT_CREATED', subject: goneId },
    ]);
    expect(exportedRows).toBe(2);
    const exported = page.locator(`[data-testid="audit-row"][data-action="SEGMENT_EXPORTED"][data-subject-id="${staticId}"]`);
    await expect(exported.innerText()).resolves.toContain(`E-mail: ${exportedRows} rows`);
    const imported = page.locator(`[data-testid="audit-row"][data-action="STATIC_SEGMENT_IMPORTED"][data-subject-id="${staticId}"]`);
    await expect(imported.innerText()).resolves.toMatch(/3 lines\s+2 new\s+1 not read/);
    expect(Number(await page.getByTestId('audit-total').getAttribute('data-value'))).toBe(await eventCount({}));

    // The deleted segment keeps its name, marked deleted and not linked; the kept one links to its page.
    const deleted = page.locator(`[data-testid="audit-row"][data-action="SEGMENT_DELETED"][data-subject-id="${goneId}"]`);
    await expect(deleted.getByTestId('audit-subject').innerText()).resolves.toMatch(new RegExp(`${GONE}\\s+deleted`, 'i'));
    await expect(deleted.getByTestId('audit-subject-link').count()).resolves.toBe(0);
    await expect(deleted.getByTestId('audit-action-label').innerText()).resolves.toBe('Segment deleted');
    await expect(deleted.getByTestId('audit-actor').innerText()).resolves.toBe('Administrator');

    await mkdir(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'audit.png'), fullPage: true });

    const created = page.locator(`[data-testid="audit-row"][data-action="SEGMENT_CREATED"][data-subject-id="${keptId}"]`);
    await created.getByTestId('audit-subject-link').click();
    await page.waitForURL((url) => url.pathname !== '/admin/audit');
    expect(decodeURIComponent(new URL(page.url()).pathname)).toBe(`/segments/${keptId}`);
    await page.goBack();
    await page.getByTestId('audit-table').waitFor();
  });

  it('filters by action with the keyboard, by user and by dates, keeping the filters in the address', async () => {
    await page.goto(`${BASE_URL}/admin/audit`, { waitUntil: 'domcontentloaded' });
    await page.getByTestId('audit-table').waitFor();

    // Action: type into the multi-select, pick with the arrow and Enter keys.
    await page.getByTestId('audit-action').focus();
    await page.keyboard.type('Segment deleted');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.waitForURL((url) => url.searchParams.get('action') === 'SEGMENT_DELETED');
    await expect.poll(async () => new Set((await rows(page)).map((row) => row.action))).toEqual(new Set(['SEGMENT_DELETED']));
    expect((await rows(page)).some((row) => row.subject === goneId)).toBe(true);
    await expect.poll(async () => Number(await page.getByTestId('audit-total').getAttribute('data-value'))).toBe(await eventCount({ actions: ['SEGMENT_DELETED'] }));

    // A reload keeps it.
    await page.reload({ waitUntil: 'domcontentloaded' });
    await expect.poll(async () => new Set((await rows(page)).map((row) => row.action))).toEqual(new Set(['SEGMENT_DELETED']));

    // User: the built-in administrator did everything here.
    await page.getByTestId('audit-user').click();
    await page.getByRole('option', { name: 'Administrator' }).click();
    await page.waitForURL((url) => Boolean(url.searchParams.get('user')) && url.searchParams.get('action') === 'SEGMENT_DELETED');
    const admin = new URL(page.url()).searchParams.get('user')!;
    await expect.poll(async () => Number(await page.getByTestId('audit-total').getAttribute('data-value'))).toBe(await eventCount({ actions: ['SEGMENT_DELETED'], actorId: admin }));

    // Dates: a range in the past has nothing; the no-match state clears every filter.
    await page.goto(`${BASE_URL}/admin/audit?action=SEGMENT_DELETED&from=2001-01-01&to=2001-01-31`, { waitUntil: 'domcontentloaded' });
    await page.getByTestId('audit-no-match').waitFor();
    await expect(page.getByTestId('audit-dates').innerText()).resolves.toBe('Jan 1, 2001 – Jan 31, 2001');
    await page.getByTestId('audit-no-match').getByRole('button').click();
    await page.waitForURL((url) => url.search === '');
    await page.getByTestId('audit-table').waitFor();
  });

  it('pages through the events of one segment with keyset cursors', async () => {
    for (let version = 1; version <= SAVES; version++) {
      const saved = await graphqlRequest<{ updateSegment: Payload }>('mutation ($input: UpdateSegmentInput!) { updateSegment(input: $input) { segment { id version } errors { code message } } }', {
        input: { id: keptId, version, description: `Saved ${version} times` },
      });
      expect(saved.updateSegment.errors).toEqual([]);
    }
    const total = await eventCount({ subjectId: keptId });
    expect(total).toBe(SAVES + 1);

    await page.goto(`${BASE_URL}/admin/audit?subject=${encodeURIComponent(keptId)}`, { waitUntil: 'domcontentloaded' });
    await expect.poll(() => page.getByTestId('audit-subject-filter').innerText()).toContain(KEPT);
    const first = await rows(page);
    expect(first).toHaveLength(50);
    expect(first.every((row) => row.subject === keptId && row.action === 'SEGMENT_UPDATED')).toBe(true);
    await expect(page.getByTestId('audit-newer').isDisabled()).resolves.toBe(true);

    await page.getByTestId('audit-older').click();
    await page.waitForURL((url) => Boolean(url.searchParams.get('after')));
    await expect.poll(async () => (await rows(page)).map((row) => row.action)).toEqual(['SEGMENT_UPDATED', 'SEGMENT_CREATED']);
    await expect(page.getByTestId('audit-older').isDisabled()).resolves.toBe(true);

    // Back to the newest page, by the button and by the browser's Back.
    await page.getByTestId('audit-newer').click();
    await page.waitForURL((url) => Boolean(url.searchParams.get('before')));
    await expect.poll(async () => (await rows(page)).length).toBe(50);
    await page.goBack();
    await page.waitForURL((url) => Boolean(url.searchParams.get('after')));
    await expect.poll(async () => (await rows(page)).length).toBe(2);

    // The details say what changed.
    await page.goto(`${BASE_URL}/admin/audit?subject=${encodeURIComponent(keptId)}`, { waitUntil: 'domcontentloaded' });
    await expect(page.getByTestId('audit-row').first().innerText()).resolves.toContain(`version ${SAVES + 1}`);
    await expect(page.getByTestId('audit-row').first().innerText()).resolves.toContain('changed: description');
    expect(pageErrors).toEqual([]);
  });
});
