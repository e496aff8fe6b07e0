import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BASE_URL, graphqlRequest, launchChromium, SCREENSHOT_DIR, signIn } from './browser';

/** Unique per run: the suites share one database. */
const RUN = Date.now().toString(36).toUpperCase();

interface Item {
  id: string;
  code: string;
  label: string;
}
interface Field {
  id: string;
  label: string;
  valueType: string;
  personal: boolean;
  values: Array<{ value: string; label: string; groupId?: string | null }> | null;
}

const referenceItems = async (list: string) =>
  (await graphqlRequest<{ referenceItems: Item[] }>(`query($l: ReferenceList!) { referenceItems(list: $l) { id code label } }`, { l: list })).referenceItems;
const segmentFields = async (source: string) =>
  (await graphqlRequest<{ segmentFields: Field[] }>(`query($s: SegmentSource!) { segmentFields(source: $s) { id label valueType personal values { value label groupId } } }`, { s: source }))
    .segmentFields;
const filterValues = async (field: string, search: string) =>
  (
    await graphqlRequest<{ filterValues: { edges: Array<{ node: { value: string; label: string; groupId: string | null } }> } }>(
      `query($f: String!, $s: String) { filterValues(field: $f, search: $s, first: 50) { edges { node { value label groupId } } } }`,
      { f: field, s: search },
    )
  ).filterValues.edges.map((e) => e.node);

/** What has the keyboard focus: the data-* of its row and its own test id. */
const focused = (page: Page, rowTestId: string) =>
  page.evaluate((testId) => {
    const active = document.activeElement as HTMLElement | null;
    return { row: active?.closest<HTMLElement>(`[data-testid="${testId}"]`)?.dataset.code ?? null, control: active?.dataset.testid ?? null };
  }, rowTestId);

const codesInOrder = (page: Page) => page.locator('[data-testid="reference-item"]').evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.code));

describe('admin pages (browser)', () => {
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const cleanups: Array<() => Promise<unknown>> = [];

  beforeAll(async () => {
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

  beforeEach(() => {
    pageErrors.length = 0;
  });

  afterAll(async () => {
    // Whatever a failed test left behind, in reverse order of creation.
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    await browser?.close();
  });

  it('adds, renames and moves a reference item with mouse and keyboard; the builder sees it at once', async () => {
    const before = await referenceItems('SOURCE');
    // The builder field fed by this list: a reference field whose values are exactly the list's codes.
    const field = (await segmentFields('CLIENTS')).find((f) => f.valueType === 'REFERENCE' && f.values?.length === before.length && f.values.every((v) => before.some((i) => i.code === v.value)));
    expect(field, 'a CLIENTS field listing the SOURCE values').toBeDefined();

    await page.goto(`${BASE_URL}/admin/reference-lists`, { waitUntil: 'domcontentloaded' });
    await page.getByTestId('list-tab-SOURCE').waitFor();
    await expect(page.getByTestId('list-tab-SOURCE').getAttribute('aria-selected')).resolves.toBe('true');
    await page.locator('[data-testid="reference-item"]').first().waitFor();

    // Add: type the name, the code follows it; Enter submits.
    const label = `E2E source ${RUN}`;
    await page.getByTestId('reference-add-label').click();
    await page.keyboard.type(label);
    const code = await page.getByTestId('reference-add-code').inputValue();
    expect(code).toBe(`E2E_SOURCE_${RUN}`);
    await page.keyboard.press('Enter');
    const row = page.locator(`[data-testid="reference-item"][data-code="${code}"]`);
    await row.waitFor();
    cleanups.push(async () => {
      const item = (await referenceItems('SOURCE')).find((i) => i.code === code);
      if (item) await graphqlRequest(`mutation($id: ID!) { deleteReferenceItem(id: $id) { deletedId } }`, { id: item.id });
    });
    await expect(page.getByTestId('status-line').innerText()).resolves.toContain(label);
    expect((await referenceItems('SOURCE')).map((i) => i.code)).toContain(code);
    expect((await segmentFields('CLIENTS')).find((f) => f.id === field!.id)!.values).toContainEqual(expect.objectContaining({ value: code, label }));
    expect(await filterValues(field!.id, RUN)).toEqual([expect.objectContaining({ value: code, label })]);

    // Rename with the keyboard: Enter on "Rename", select the old name, type, Enter.
    const renamed = `E2E renamed ${RUN}`;
    await row.getByTestId('item-rename').focus();
    await page.keyboard.press('Enter');
    await row.getByTestId('item-input').waitFor();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(renamed);
    await page.keyboard.press('Enter');
    await page.locator(`[data-testid="reference-item"][data-label="${renamed}"]`).waitFor();
    expect(await filterValues(field!.id, RUN)).toEqual([expect.objectContaining({ value: code, label: renamed })]);

    // Move up twice with the keyboard (the focus stays on the moved row), then down once with the mouse.
    const start = (await codesInOrder(page)).indexOf(code);
    expect(start).toBe(before.length);
    await row.getByTestId('move-up').focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await codesInOrder(page)).indexOf(code), { timeout: 15_000 }).toBe(start - 1);
    await expect.poll(() => focused(page, 'reference-item'), { timeout: 5_000 }).toEqual({ row: code, control: 'move-up' });
    await page.keyboard.press('Space');
    await expect.poll(async () => (await codesInOrder(page)).indexOf(code), { timeout: 15_000 }).toBe(start - 2);
    await row.getByTestId('move-down').click();
    await expect.poll(async () => (await codesInOrder(page)).indexOf(code), { timeout: 15_000 }).toBe(start - 1);

    const apiOrder = (await referenceItems('SOURCE')).map((i) => i.code);
    expect(apiOrder.indexOf(code)).toBe(start - 1);
    expect(apiOrder).toEqual(await codesInOrder(page));
    expect((await segmentFields('CLIENTS')).find((f) => f.id === field!.id)!.values!.map((v) => v.value)).toEqual(apiOrder);

    await mkdir(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'admin-reference-lists.png'), fullPage: true });

    // In the segment builder: the field offers the renamed value.
    await page.goto(`${BASE_URL}/segments/new`, { waitUntil: 'domcontentloaded' });
    await page.getByTestId('builder-empty-hint').waitFor();
    await page.getByRole('button', { name: '+ Condition' }).first().click();
    const fieldSelect = page.getByTestId('field-selector').first();
    await fieldSelect.click();
    await fieldSelect.fill(field!.label);
    await page.getByRole('option', { name: field!.label, exact: true }).click();
    await page.getByTestId('rule-value').locator('input').first().click();
    await page.getByRole('option', { name: renamed, exact: true }).waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('explains a delete refused because records or saved segments use the value, and moves the records to a replacement', async () => {
    // Set up through the API: a value a contact has, and a value a saved segment names.
    const usedCode = `E2E_USED_${RUN}`;
    const namedCode = `E2E_NAMED_${RUN}`;
    const segmentName = `E2E admin segment ${RUN}`;
    for (const [c, l] of [
      [usedCode, `E2E used ${RUN}`],
      [namedCode, `E2E named ${RUN}`],
    ]) {
      await graphqlRequest(`mutation($c: String!, $l: String!) { addReferenceItem(input: { list: SOURCE, code: $c, label: $l }) { errors { code } } }`, { c, l });
      cleanups.push(async () => {
        const item = (await referenceItems('SOURCE')).find((i) => i.code === c);
        if (item) await graphqlRequest(`mutation($id: ID!) { deleteReferenceItem(id: $id) { deletedId } }`, { id: item.id });
      });
    }
    const contact = (
      await graphqlRequest<{ createContact: { contact: { id: string } } }>(`mutation($s: String!) { createContact(input: { lastName: "E2E admin", sourceCode: $s }) { contact { id } } }`, {
        s: usedCode,
      })
    ).createContact.contact;
    cleanups.push(() => graphqlRequest(`mutation($id: ID!) { deleteContact(id: $id) { deletedId } }`, { id: contact.id }));
    const segment = (
      await graphqlRequest<{ createSegment: { segment: { id: string } } }>(`mutation($i: CreateSegmentInput!) { createSegment(input: $i) { segment { id } } }`, {
        i: { name: segmentName, filter: { combinator: 'AND', rules: [{ rule: { field: 'client.source', operator: 'IN', value: { strings: [namedCode] } } }] } },
      })
    ).createSegment.segment;
    cleanups.push(() => graphqlRequest(`mutation($id: ID!) { deleteSegment(id: $id) { deletedId } }`, { id: segment.id }));

    await page.goto(`${BASE_URL}/admin/reference-lists`, { waitUntil: 'domcontentloaded' });
    const named = page.locator(`[data-testid="reference-item"][data-code="${namedCode}"]`);
    await named.waitFor();

    // Named by a saved segment: the segment is listed (a link to open it), no replacement is offered.
    await named.getByTestId('item-delete').click();
    await page.getByTestId('confirm-ok').click();
    const segmentsNotice = page.locator('[data-testid="in-use"][data-kind="segments"]');
    await segmentsNotice.waitFor();
    await expect(segmentsNotice.getByRole('link', { name: segmentName }).getAttribute('href')).resolves.toBe(`/segments/${encodeURIComponent(segment.id)}`);
    await expect(page.getByTestId('replacement-select').count()).resolves.toBe(0);
    await page.keyboard.press('Escape');
    await segmentsNotice.waitFor({ state: 'detached' });

    // Used by a record: how many, in words, and a replacement to move it to.
    const used = page.locator(`[data-testid="reference-item"][data-code="${usedCode}"]`);
    await used.getByTestId('item-delete').click();
    await page.getByTestId('confirm-ok').click();
    const recordsNotice = page.locator('[data-testid="in-use"][data-kind="records"]');
    await recordsNotice.waitFor();
    await expect(recordsNotice.getAttribute('data-count')).resolves.toBe('1');
    await expect(recordsNotice.innerText()).resolves.toContain('1 contact, company or lead has this source.');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'admin-reference-lists-in-use.png') });
    const replacement = (await referenceItems('SOURCE')).find((i) => !i.code.startsWith('E2E_'))!;
    await page.getByTestId('replacement-select').selectOption(replacement.id);
    await page.getByTestId('replace-and-delete').click();
    await used.waitFor({ state: 'detached' });
    expect((await referenceItems('SOURCE')).map((i) => i.code)).not.toContain(usedCode);
    const moved = await graphqlRequest<{ node: { source: { code: string } | null } }>(`query($id: ID!) { node(id: $id) { ... on Contact { source { code } } } }`, { id: contact.id });
    expect(moved.node.source?.code).toBe(replacement.code);
    expect(pageErrors).toEqual([]);
  });

  it('adds to the stop list (with the validation error shown), finds it by search, removes it, and imports pasted lines', async () => {
    const address = `e2e-stop-${RUN.toLowerCase()}@example.com`;
    const count = async (search: string) =>
      (await graphqlRequest<{ stopList: { totalCount: number } }>(`query($s: String) { stopList(search: $s, first: 0) { totalCount } }`, { s: search })).stopList.totalCount;
    await page.goto(`${BASE_URL}/admin/stop-list`, { waitUntil: 'domcontentloaded' });
    await expect.poll(() => page.getByTestId('stop-total').getAttribute('data-value'), { timeout: 30_000 }).toMatch(/^\d+$/);

    await page.getByTestId('stop-add-open').click();
    await page.getByTestId('stop-add-address').fill('not an address');
    await page.keyboard.press('Enter');
    const invalid = page.getByTestId('stop-add-address');
    await expect.poll(() => invalid.getAttribute('aria-invalid'), { timeout: 15_000 }).toBe('true');
    await expect(page.getByTestId('stop-add-form').locator('.mantine-InputWrapper-error').innerText()).resolves.not.toBe('');
    await invalid.fill(address.toUpperCase());
    await page.getByTestId('stop-add-submit').click();
    await page.getByTestId('stop-add-form').waitFor({ state: 'detached' });
    cleanups.push(async () => {
      const found = await graphqlRequest<{ stopList: { edges: Array<{ node: { id: string } }> } }>(`query($s: String) { stopList(search: $s, first: 10) { edges { node { id } } } }`, {
        s: `e2e-stop-${RUN.toLowerCase()}`,
      });
      for (const edge of found.stopList.edges) await graphqlRequest(`mutation($id: ID!) { removeStopListEntry(id: $id) { deletedId } }`, { id: edge.node.id });
    });
    await expect(page.getByTestId('status-line').innerText()).resolves.toContain(address);
    expect(await count(address)).toBe(1);

    await page.getByTestId('stop-search').fill(address);
    const entry = page.locator(`[data-testid="stop-entry"][data-address="${address}"]`);
    await entry.waitFor();
    await expect.poll(() => page.getByTestId('stop-entry').count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(async () => page.getByTestId('stop-total').getAttribute('data-value'), { timeout: 15_000 }).toBe('1');

    await entry.getByTestId('stop-remove').click();
    await page.getByTestId('confirm-ok').click();
    await entry.waitFor({ state: 'detached' });
    await page.getByTestId('empty-state').waitFor();
    expect(await count(address)).toBe(0);

    // Import: two new addresses, one repeated, one line that is not an address.
    const lines = [`e2e-stop-${RUN.toLowerCase()}-a@example.com`, `e2e-stop-${RUN.toLowerCase()}-b@example.com`, `E2E-STOP-${RUN}-A@example.com`, 'nonsense'];
    await page.getByTestId('stop-import-open').click();
    await page.getByTestId('stop-import-text').fill(lines.join('\n'));
    await page.getByTestId('stop-import-submit').click();
    const report = page.getByTestId('stop-import-report');
    await report.waitFor();
    await expect(report.getByTestId('report-imported').getAttribute('data-value')).resolves.toBe('2');
    await expect(report.getByTestId('report-duplicates').getAttribute('data-value')).resolves.toBe('1');
    await expect(report.getByTestId('report-invalid').getAttribute('data-value')).resolves.toBe('1');
    await expect(report.getByTestId('report-invalid-lines').innerText()).resolves.toContain('nonsense');
    await page.getByTestId('stop-import-close').click();
    expect(await count(`e2e-stop-${RUN.toLowerCase()}-`)).toBe(2);
    await page.getByTestId('stop-search').fill(`e2e-stop-${RUN.toLowerCase()}-`);
    await expect.poll(() => page.getByTestId('stop-entry').count(), { timeout: 15_000 }).toBe(2);
    expect(pageErrors).toEqual([]);
  });

  it('creates a list custom field with two options that the builder offers at once, then deletes it', async () => {
    const label = `E2E tier ${RUN}`;
    await page.goto(`${BASE_URL}/admin/custom-fields`, { waitUntil: 'domcontentloaded' });
    await page.getByTestId('entity-tab-CONTACT').waitFor();
    await page.getByTestId('field-create-form').waitFor();
    await page.getByTestId('field-create-label').fill(label);
    const code = await page.getByTestId('field-create-code').inputValue();
    expect(code).toBe(`UF_E2E_TIER_${RUN}`);
    await page.getByTestId('field-create-type').selectOption('LIST');
    const options = page.getByTestId('field-create-option');
    await options.nth(0).fill('Gold');
    await options.nth(1).fill('Silver');
    // A list field starts out not personal (text fields do); the admin marks this one.
    const personal = page.getByTestId('field-create-personal');
    expect(await personal.isChecked()).toBe(false);
    await personal.check();
    await page.getByTestId('field-create-submit').click();
    const row = page.locator(`[data-testid="custom-field"][data-code="${code}"]`);
    await row.waitFor();
    cleanups.push(async () => {
      const fields = await graphqlRequest<{ customFields: Array<{ id: string; code: string }> }>(`{ customFields(entity: CONTACT) { id code } }`);
      const created = fields.customFields.find((f) => f.code === code);
      if (created) await graphqlRequest(`mutation($id: ID!) { deleteCustomField(id: $id) { deletedId } }`, { id: created.id });
    });
    await expect(row.getAttribute('data-type')).resolves.toBe('LIST');

    const stored = (
      await graphqlRequest<{ customFields: Array<{ code: string; type: string; options: Array<{ code: string; label: string }> }> }>(
        `{ customFields(entity: CONTACT) { code type options { code label } } }`,
      )
    ).customFields.find((f) => f.code === code);
    expect(stored).toEqual({
      code,
      type: 'LIST',
      options: [
        { code: 'GOLD', label: 'Gold' },
        { code: 'SILVER', label: 'Silver' },
      ],
    });
    const builderField = (await segmentFields('CLIENTS')).find((f) => f.id === `custom.contact.${code}`);
    expect(builderField?.values?.map((v) => v.label)).toEqual(['Gold', 'Silver']);
    expect(builderField?.personal).toBe(true);
    // Cleared in the table: the builder's catalog follows at once.
    expect(await row.getByTestId('field-personal').isChecked()).toBe(true);
    await row.getByTestId('field-personal').uncheck();
    await expect.poll(async () => (await segmentFields('CLIENTS')).find((f) => f.id === `custom.contact.${code}`)?.personal, { timeout: 15_000 }).toBe(false);
    expect(await row.getByTestId('field-personal').isChecked()).toBe(false);

    // The options editor lists both; delete the field through the UI.
    await row.getByTestId('field-options-toggle').click();
    const editor = page.locator(`[data-testid="options-editor"][data-field="${code}"]`);
    await expect(editor.getByTestId('field-option').count()).resolves.toBe(2);
    // A third option, added in the options editor, reaches the builder at once too.
    await editor.getByTestId('option-add-label').fill('Bronze');
    await page.keyboard.press('Enter');
    await editor.locator('[data-testid="field-option"][data-code="BRONZE"]').waitFor();
    expect((await segmentFields('CLIENTS')).find((f) => f.id === `custom.contact.${code}`)?.values?.map((v) => v.label)).toEqual(['Gold', 'Silver', 'Bronze']);
    await row.getByTestId('field-delete').click();
    await page.getByTestId('confirm-ok').click();
    await row.waitFor({ state: 'detached' });
    expect((await segmentFields('CLIENTS')).some((f) => f.id === `custom.contact.${code}`)).toBe(false);
    expect(pageErrors).toEqual([]);
  });

  it('adds a pipeline and a won stage the builder lists under it, then deletes the pipeline', async () => {
    const name = `E2E pipeline ${RUN}`;
    await page.goto(`${BASE_URL}/admin/pipelines`, { waitUntil: 'domcontentloaded' });
    await page.getByTestId('pipeline-add-form').waitFor();
    await page.getByTestId('pipeline-add-name').fill(name);
    await page.keyboard.press('Enter');
    const editor = page.locator(`[data-testid="pipeline-editor"][data-name="${name}"]`);
    await editor.waitFor();
    cleanups.push(async () => {
      const { pipelines } = await graphqlRequest<{ pipelines: Array<{ id: string; name: string }> }>(`{ pipelines { id name } }`);
      for (const p of pipelines.filter((p) => p.name === name)) await graphqlRequest(`mutation($id: ID!) { deletePipeline(id: $id) { deletedId } }`, { id: p.id });
    });

    const stage = `E2E signed ${RUN}`;
    await editor.getByTestId('stage-add-name').fill(stage);
    await editor.getByTestId('stage-add-semantic').selectOption('WON');
    await editor.getByTestId('stage-add-submit').click();
    const stageRow = editor.locator(`[data-testid="stage"][data-name="${stage}"]`);
    await stageRow.waitFor();
    await expect(stageRow.getAttribute('data-semantic')).resolves.toBe('WON');
    await stageRow.getByTestId('move-up').click();
    await expect
      .poll(() => editor.locator('[data-testid="stage"]').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.name)), { timeout: 15_000 })
      .toEqual(['New', 'Won', stage, 'Lost']);

    const { pipelines } = await graphqlRequest<{ pipelines: Array<{ id: string; name: string; stages: Array<{ id: string; name: string; semantic: string }> }> }>(
      `{ pipelines { id name stages { id name semantic } } }`,
    );
    const stored = pipelines.find((p) => p.name === name)!;
    expect(stored.stages.map((s) => [s.name, s.semantic])).toEqual([
      ['New', 'IN_PROGRESS'],
      ['Won', 'WON'],
      [stage, 'WON'],
      ['Lost', 'LOST'],
    ]);
    const stageId = stored.stages[2]!.id;
    expect(await filterValues('deal.stage', RUN)).toEqual([{ value: stageId, label: stage, groupId: stored.id }]);
    expect(await filterValues('deal.pipeline', RUN)).toEqual([expect.objectContaining({ value: stored.id, label: name })]);

    await editor.getByTestId('pipeline-delete').click();
    await page.getByTestId('confirm-ok').click();
    await editor.waitFor({ state: 'detached' });
    expect(await filterValues('deal.pipeline', RUN)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('speaks the chosen language', async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 800 }, locale: 'en-US' });
    await context.addCookies([{ name: 'segmenta-locale', value: 'ru', url: BASE_URL }]);
    const russian = await context.newPage();
    const errors: string[] = [];
    russian.on('pageerror', (error) => errors.push(error.message));
    await signIn(russian);
    await russian.goto(`${BASE_URL}/admin/reference-lists`, { waitUntil: 'domcontentloaded' });
    await russian.locator('[data-testid="reference-item"]').first().waitFor();
    await expect(russian.locator('h1').innerText()).resolves.toBe('Справочники');
    await expect(russian.getByTestId('list-tab-SOURCE').innerText()).resolves.toBe('Источники');
    await expect(russian.getByTestId('reference-add-submit').innerText()).resolves.toBe('Добавить');
    await context.close();
    expect(errors).toEqual([]);
  });
});
