import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BASE_URL, graphqlRequest, launchChromium, SCREENSHOT_DIR, signIn } from './browser';
const unique = `${Date.now().toString(36)}`;

interface Preview {
  previewSegment: { errors: Array<{ message: string }>; memberCount: { value: number } | null; recipientCounts: Array<{ channel: string; value: number }> | null };
}

/** Members of a definition, straight from the API (the figure the UI must show). */
async function apiMemberCount(filter: unknown, source = 'CLIENTS', clientType = 'ANY'): Promise<number> {
  const data = await graphqlRequest<Preview>(
    'query($input: SegmentDefinitionInput!) { previewSegment(input: $input) { errors { message } memberCount { value } recipientCounts { channel value } } }',
    { input: { source, clientType, filter } },
  );
  expect(data.previewSegment.errors).toEqual([]);
  return data.previewSegment.memberCount!.value;
}

/** Waits for the live count to settle, then returns the members it shows. */
async function shownMemberCount(page: Page): Promise<number> {
  const counts = page.getByTestId('live-counts');
  await counts.and(page.locator('[data-counting="false"]')).waitFor({ timeout: 30_000 });
  const value = await page.getByTestId('live-count-members').getAttribute('data-value');
  expect(value).toMatch(/^\d+$/);
  return Number(value);
}

/** Opens a Mantine select and clicks one of its options. */
async function pick(page: Page, select: Locator, option: string): Promise<void> {
  await select.click();
  await page.getByRole('option', { name: option, exact: true }).first().click();
}

describe('segment editor (browser)', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    pageErrors = [];
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) pageErrors.push(message.text());
    });
    page.on('dialog', (dialog) => void dialog.accept());
    await signIn(page);
  });
  afterEach(async () => {
    await context?.close();
    expect(pageErrors).toEqual([]);
  });

  it('builds a nested segment with mouse and keyboard, and shows the API count', async () => {
    await page.goto(`${BASE_URL}/segments/new`);
    await page.getByTestId('builder-empty-hint').waitFor();

    // Root rule: City is not empty — the field chosen with the keyboard.
    await page.getByRole('button', { name: '+ Condition' }).first().click();
    const field = page.getByTestId('field-selector').first();
    await field.click();
    await field.fill('City');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(field.inputValue()).resolves.toBe('City');
    await pick(page, page.getByTestId('operators').first(), 'is not empty');

    // A nested OR group: (has some deal where status is Won) OR (communications has any of Phone).
    await page.getByRole('button', { name: '+ Group' }).first().click();
    const group = page.locator('.ruleGroup .ruleGroup').first();
    await pick(page, group.getByTestId('combinators').first(), 'any of (or)');
    const dealsField = group.getByTestId('field-selector').first();
    await dealsField.click();
    await dealsField.fill('Deals');
    await page.getByRole('option', { name: 'Deals', exact: true }).click();
    // The nested query starts with one condition (react-querybuilder's addRuleToNewGroups): make it the status.
    const statusField = group.locator('.rule .rule').getByTestId('field-selector').first();
    await statusField.click();
    await statusField.fill('Deal status');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const statusValue = group.locator('.rule .rule').getByTestId('rule-value').locator('input').first();
    await statusValue.click();
    await page.getByRole('option', { name: 'Won', exact: true }).click();
    await page.keyboard.press('Escape');

    await group.getByRole('button', { name: '+ Condition' }).first().click();
    const commsField = group.locator(':scope > .ruleGroup-body > .rule').last().getByTestId('field-selector');
    await commsField.click();
    await commsField.fill('Communications');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const commsValue = group.locator(':scope > .ruleGroup-body > .rule').last().getByTestId('rule-value').locator('input').first();
    await commsValue.click();
    await page.getByRole('option', { name: 'Phone', exact: true }).click();
    await page.keyboard.press('Escape');

    const expected = await apiMemberCount({
      combinator: 'AND',
      rules: [
        { rule: { field: 'client.city', operator: 'IS_NOT_EMPTY' } },
        {
          group: {
            combinator: 'OR',
            rules: [
              { group: { scope: 'DEALS', quantifier: 'SOME', rules: [{ rule: { field: 'deal.status', operator: 'IN', value: { strings: ['WON'] } } }] } },
              { rule: { field: 'client.communications', operator: 'HAS_ANY', value: { strings: ['PHONE'] } } },
            ],
          },
        },
      ],
    });
    expect(expected).toBeGreaterThan(0);
    expect(await shownMemberCount(page)).toBe(expected);
    // The preview asks for its page once the counts have settled: wait for it rather than race it.
    await page.getByTestId('preview-row').first().waitFor({ timeout: 30_000 });

    await mkdir(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'segment-editor.png'), fullPage: true });
  });

  it('starts from a template, saves, reloads and restores a version', async () => {
    await page.goto(`${BASE_URL}/segments/new?template=choose`);
    await page.locator('[data-template="WITH_WON_DEALS"]').getByTestId('template-use').click();
    await page.getByTestId('dynamic-segment-editor').waitFor();
    const templates = await graphqlRequest<{ segmentTemplates: Array<{ id: string; filter: unknown }> }>('{ segmentTemplates { id filter } }');
    const template = templates.segmentTemplates.find((t) => t.id === 'WITH_WON_DEALS')!;
    expect(await shownMemberCount(page)).toBe(await apiMemberCount(template.filter));

    const name = `Won deals e2e ${unique}`;
    await page.getByTestId('segment-name').fill(name);
    await page.getByTestId('save-segment').click();
    await page.waitForURL(/\/segments\/(?!new)[^/?]+$/);
    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    await page.locator('[data-testid="dynamic-segment-editor"][data-version="1"]').waitFor();

    // Version 2: at least 2 won deals.
    await pick(page, page.getByTestId('match-mode'), 'has at least');
    await page.getByTestId('match-threshold').fill('2');
    await page.getByTestId('unsaved-badge').waitFor();
    await page.getByTestId('save-segment').click();
    await page.getByTestId('saved-badge').waitFor();
    const saved = await graphqlRequest<{ segment: { version: number; filter: { rules: Array<{ group: { quantifier: string; threshold: number } }> } } }>(
      'query($id: ID!) { segment(id: $id) { version filter } }',
      { id },
    );
    expect(saved.segment.version).toBe(2);
    expect(saved.segment.filter.rules[0]!.group).toMatchObject({ quantifier: 'AT_LEAST', threshold: 2 });

    await page.reload();
    await page.locator('[data-testid="dynamic-segment-editor"][data-version="2"]').waitFor();
    await expect(page.getByTestId('match-threshold').inputValue()).resolves.toBe('2');
    await expect(page.getByTestId('unsaved-badge').count()).resolves.toBe(0);
    expect(await shownMemberCount(page)).toBe(await apiMemberCount(saved.segment.filter));
    // The API's maintainer builds the saved definition's membership: the counts then come from it,
    // say so, and still equal the live answer.
    await expect
      .poll(
        async () => {
          await page.reload();
          const freshness = page.getByTestId('counts-freshness');
          await freshness.waitFor();
          return freshness.getAttribute('data-source');
        },
        { timeout: 20_000, interval: 1000 },
      )
      .toBe('MEMBERSHIP');
    expect(await shownMemberCount(page)).toBe(await apiMemberCount(saved.segment.filter));

    await page.locator('[data-testid="version-row"][data-version="1"]').getByTestId('restore-version').click();
    await page.getByTestId('confirm-restore').click();
    await page.locator('[data-testid="dynamic-segment-editor"][data-version="3"]').waitFor();
    await expect(page.getByTestId('match-mode').inputValue()).resolves.toBe('has some');
    const restored = await graphqlRequest<{ segment: { version: number; filter: unknown } }>('query($id: ID!) { segment(id: $id) { version filter } }', { id });
    expect(restored.segment.version).toBe(3);
    expect(JSON.stringify(restored.segment.filter)).toContain('"quantifier":"SOME"');
  });

  it('switches the language, remembers it, and translates the builder', async () => {
    await page.goto(`${BASE_URL}/segments/new?template=REPEAT_BUYERS`);
    await page.getByTestId('dynamic-segment-editor').waitFor();
    await page.getByTestId('language-switcher').selectOption('ru');
    await page.getByRole('heading', { name: 'Новый сегмент' }).waitFor();
    await page.getByRole('button', { name: '+ Условие' }).first().waitFor();
    await expect(page.getByTestId('match-mode').inputValue()).resolves.toBe('не меньше');
    await page.reload();
    await page.getByRole('heading', { name: 'Новый сегмент' }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ru');
    // Numbers in the Russian format (digit groups with spaces) once counted.
    const members = await shownMemberCount(page);
    const shown = await page.getByTestId('live-count-members').locator('.count-value').innerText();
    expect(shown.replace(/\s/g, '')).toBe(String(members));
    await page.getByTestId('language-switcher').selectOption('vi');
    await page.getByRole('heading', { name: 'Phân khúc mới' }).waitFor();
  });
});
