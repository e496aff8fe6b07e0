import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, BASE_URL, graphqlRequest, graphqlResponse, launchChromium, SCREENSHOT_DIR, SESSION_COOKIE, signIn } from './browser';

// Unique per run: the suites share one database.
const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

interface Opened {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

/** A fresh browser context (no cookies) whose page errors, console errors and failed responses are collected. */
async function open(browser: Browser, locale = 'en-US'): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  return { context, page, errors };
}

/** `me` as the page's own browser session sees it (the HttpOnly cookie goes with the page's fetch). */
async function meInPage(page: Page): Promise<{ role: string; scopes: string[] } | null> {
  return page.evaluate(async () => {
    const response = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ me { role scopes } }' }) });
    return ((await response.json()) as { data: { me: { role: string; scopes: string[] } | null } }).data.me;
  });
}

async function userByEmail(email: string) {
  const data = await graphqlRequest<{ users: { edges: Array<{ node: { id: string; email: string | null; role: string; active: boolean; mustChangePassword: boolean } }> } }>(
    '{ users(first: 500) { edges { node { id email role active mustChangePassword } } } }',
  );
  return data.users.edges.map((e) => e.node).find((u) => u.email === email) ?? null;
}

/** Adds a user through /admin/users and returns the one-time password the page shows once. */
async function createUserInUi(page: Page, name: string, email: string, role: 'ADMIN' | 'MARKETER' | 'VIEWER'): Promise<string> {
  await page.goto(`${BASE_URL}/admin/users`, { waitUntil: 'domcontentloaded' });
  await page.getByTestId('users-table').waitFor();
  await page.getByTestId('user-create-open').click();
  await page.getByTestId('create-user-name').fill(name);
  await page.getByTestId('create-user-email').fill(email);
  await page.getByTestId(`create-user-role-${role}`).check();
  await page.getByTestId('create-user-email').press('Enter');
  const secret = page.getByTestId('one-time-password');
  await secret.waitFor();
  const password = await secret.inputValue();
  expect(password.length).toBeGreaterThanOrEqual(10);
  await page.getByTestId('one-time-password-done').click();
  await page.getByTestId('one-time-password-dialog').waitFor({ state: 'detached' });
  await page.locator(`[data-testid="user-row"][data-email="${email}"]`).waitFor();
  return password;
}

/** Signs in with a one-time password, is held on the password form, and chooses a new password there. */
async function firstSignIn(page: Page, email: string, oneTime: string, newPassword: string): Promise<void> {
  await signIn(page, email, oneTime);
  expect(new URL(page.url()).pathname).toBe('/account/password');
  await page.getByTestId('password-forced').waitFor();
  // Every other page sends them back here until the password is changed.
  await page.goto(`${BASE_URL}/segments`, { waitUntil: 'domcontentloaded' });
  await page.waitForURL((url) => url.pathname === '/account/password' && url.searchParams.get('next') === '/segments');
  await page.locator('[data-testid="password-form"][data-ready="true"]').waitFor();
  await page.getByTestId('password-current').fill(oneTime);
  await page.getByTestId('password-new').fill(newPassword);
  await page.getByTestId('password-repeat').fill(newPassword);
  await Promise.all([page.waitForURL((url) => url.pathname === '/segments'), page.getByTestId('password-repeat').press('Enter')]);
}

describe('signing in, roles, users and tokens (browser)', () => {
  let browser: Browser;
  let admin: Opened;
  const cleanups: Array<() => Promise<unknown>> = [];

  beforeAll(async () => {
    browser = await launchChromium();
    admin = await open(browser);
    await signIn(admin.page);
  });

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    await browser?.close();
  });

  it('sends a visitor without a session to the login page, refuses a wrong password, then returns to the page asked for', async () => {
    const visitor = await open(browser);
    const response = await visitor.page.goto(`${BASE_URL}/segments?q=${stamp}`, { waitUntil: 'domcontentloaded' });
    // The server redirects before rendering anything of the page.
    expect(response?.request().redirectedFrom()?.url()).toBe(`${BASE_URL}/segments?q=${stamp}`);
    const login = new URL(visitor.page.url());
    expect(login.pathname).toBe('/login');
    expect(login.searchParams.get('next')).toBe(`/segments?q=${stamp}`);
    await visitor.page.locator('[data-testid="login-form"][data-ready="true"]').waitFor();
    // Signed out, the header offers no sections, only the language.
    await expect(visitor.page.getByTestId('nav-segments').count()).resolves.toBe(0);
    await expect(visitor.page.getByTestId('language-switcher').count()).resolves.toBe(1);
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    await visitor.page.screenshot({ path: join(SCREENSHOT_DIR, 'login.png') });

    await visitor.page.getByTestId('login-email').fill(ADMIN_EMAIL);
    await visitor.page.getByTestId('login-password').fill(`${ADMIN_PASSWORD}-wrong`);
    await visitor.page.getByTestId('login-password').press('Enter');
    const problem = visitor.page.getByTestId('login-error');
    await problem.waitFor();
    await expect(problem.getAttribute('data-kind')).resolves.toBe('failed');
    await expect(problem.innerText()).resolves.toBe('The e-mail or the password is wrong.');
    expect(new URL(visitor.page.url()).pathname).toBe('/login');
    expect((await visitor.context.cookies()).some((c) => c.name === SESSION_COOKIE)).toBe(false);

    // The password field was cleared; the e-mail stays. Enter submits.
    await expect(visitor.page.getByTestId('login-password').inputValue()).resolves.toBe('');
    await visitor.page.getByTestId('login-password').fill(ADMIN_PASSWORD);
    // A wrong password holds the next try for that e-mail from this address for a second (progressive delays).
    await visitor.page.waitForTimeout(1_200);
    await Promise.all([visitor.page.waitForURL((url) => url.pathname === '/segments'), visitor.page.getByTestId('login-password').press('Enter')]);
    expect(new URL(visitor.page.url()).searchParams.get('q')).toBe(stamp);
    await visitor.page.getByTestId('user-menu').waitFor();
    await expect(visitor.page.getByTestId('user-role').innerText()).resolves.toBe('Administrator');

    const session = (await visitor.context.cookies()).find((c) => c.name === SESSION_COOKIE);
    expect(session, 'the session cookie').toBeDefined();
    expect(session!.httpOnly).toBe(true);
    expect(session!.sameSite).toBe('Lax');
    expect(session!.path).toBe('/');
    // Page scripts cannot read it.
    await expect(visitor.page.evaluate(() => document.cookie)).resolves.not.toContain(SESSION_COOKIE);
    await visitor.context.close();
    // The wrong password is answered in the page (a 200 with a UserError), so no failed request is expected.
    expect(visitor.errors).toEqual([]);
  });

  it('follows only same-origin paths after signing in', async () => {
    const visitor = await open(browser);
    await visitor.page.goto(`${BASE_URL}/login?next=${encodeURIComponent('//evil.example/x')}`, { waitUntil: 'domcontentloaded' });
    await visitor.page.locator('[data-testid="login-form"][data-ready="true"]').waitFor();
    await visitor.page.getByTestId('login-email').fill(ADMIN_EMAIL);
    await visitor.page.getByTestId('login-password').fill(ADMIN_PASSWORD);
    await Promise.all([visitor.page.waitForURL((url) => url.pathname !== '/login'), visitor.page.getByTestId('login-submit').click()]);
    expect(new URL(visitor.page.url()).origin).toBe(BASE_URL);
    expect(new URL(visitor.page.url()).pathname).toBe('/');
    await visitor.context.close();
    expect(visitor.errors).toEqual([]);
  });

  // The red team's open redirect: "/..//evil.example" passed a check of the raw text and normalised
  // to "//evil.example", which the browser followed to another host after signing in.
  it.each([
    ['a dot segment', '/login?next=/..//evil.example'],
    ['an encoded dot segment', `/login?next=${encodeURIComponent('/%2e%2e//evil.example')}`],
    ['a tab', `/login?next=${encodeURIComponent('/\t/evil.example')}`],
  ])('stays on the app after signing in from a next path that normalises to another host (%s)', async (_name, loginPath) => {
    const visitor = await open(browser);
    await visitor.page.goto(`${BASE_URL}${loginPath}`, { waitUntil: 'domcontentloaded' });
    await visitor.page.locator('[data-testid="login-form"][data-ready="true"]').waitFor();
    await visitor.page.getByTestId('login-email').fill(ADMIN_EMAIL);
    await visitor.page.getByTestId('login-password').fill(ADMIN_PASSWORD);
    // 'commit': a navigation to evil.example never loads here (the browser resolves no other host).
    await Promise.all([
      visitor.page.waitForURL((url) => (url.href.startsWith(BASE_URL) ? url.pathname !== '/login' : true), { waitUntil: 'commit' }),
      visitor.page.getByTestId('login-password').press('Enter'),
    ]);
    await visitor.page.waitForLoadState('domcontentloaded');
    expect(new URL(visitor.page.url()).origin).toBe(BASE_URL);
    expect(new URL(visitor.page.url()).pathname).toBe('/');
    await visitor.context.close();
    expect(visitor.errors).toEqual([]);
  });

  it('explains too many attempts with the wait, and an unreachable API', async () => {
    const visitor = await open(browser);
    // The web server's answers, as the API gives them once the limit is hit / as the proxy gives them when the API is down.
    let answer: 'tooMany' | 'down' = 'tooMany';
    await visitor.page.route('**/graphql', async (route) => {
      if (!route.request().postData()?.includes('LogIn')) return route.continue();
      if (answer === 'down') {
        return route.fulfill({
          status: 502,
          contentType: 'application/json',
          body: JSON.stringify({ errors: [{ message: 'The Segmenta API is not reachable right now.', extensions: { code: 'API_UNAVAILABLE' } }] }),
        });
      }
      return route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({ data: { logIn: { viewer: null, errors: [{ code: 'TOO_MANY_ATTEMPTS', message: 'Too many failed sign-ins.', path: [], count: 840 }] } } }),
      });
    });
    await visitor.page.goto(`${BASE_URL}/login`, { waitUntil: 'domcontentloaded' });
    await visitor.page.locator('[data-testid="login-form"][data-ready="true"]').waitFor();
    await visitor.page.getByTestId('login-email').fill('someone@example.com');
    await visitor.page.getByTestId('login-password').fill('whatever-password');
    await visitor.page.getByTestId('login-password').press('Enter');
    const problem = visitor.page.getByTestId('login-error');
    await problem.waitFor();
    await expect(problem.innerText()).resolves.toBe('Too many failed attempts. Try again in 14 minutes.');

    answer = 'down';
    await visitor.page.getByTestId('login-password').fill('whatever-password');
    await visitor.page.getByTestId('login-password').press('Enter');
    await visitor.page.locator('[data-testid="login-error"][data-kind="unreachable"]').waitFor();
    await expect(problem.innerText()).resolves.toContain('cannot reach its API');
    await visitor.context.close();
    // The 502 is the simulated outage itself.
    expect(visitor.errors.filter((e) => !e.startsWith('502 POST'))).toEqual([]);
  });

  it('an administrator adds a viewer, who must choose a password and then sees counts but no recipients, exports or administration', async () => {
    const email = `viewer-${stamp}@example.com`;
    const name = `E2E Viewer ${stamp}`;
    cleanups.push(async () => {
      const user = await userByEmail(email);
      if (user) await graphqlRequest('mutation($id: ID!) { deleteUser(id: $id) { deletedId } }', { id: user.id });
    });
    const oneTime = await createUserInUi(admin.page, name, email, 'VIEWER');
    const stored = await userByEmail(email);
    expect(stored).toMatchObject({ role: 'VIEWER', active: true, mustChangePassword: true });
    await expect(admin.page.locator(`[data-testid="user-row"][data-email="${email}"] [data-testid="user-one-time"]`).count()).resolves.toBe(1);

    // A dynamic segment the viewer will look at.
    const created = await graphqlRequest<{ createSegment: { segment: { id: string } | null; errors: unknown[] } }>(
      'mutation($input: CreateSegmentInput!) { createSegment(input: $input) { segment { id } errors { code message } } }',
      { input: { name: `E2E viewer sees ${stamp}`, tags: ['e2e'], source: 'CLIENTS', clientType: 'ANY', filter: { rules: [{ rule: { field: 'client.city', operator: 'IS_NOT_EMPTY' } }] } } },
    );
    expect(created.createSegment.errors).toEqual([]);
    const segmentId = created.createSegment.segment!.id;
    cleanups.push(() => graphqlRequest('mutation($id: ID!) { deleteSegment(id: $id) { deletedId } }', { id: segmentId }));
    const expected = (await graphqlRequest<{ segment: { memberCount: { value: number } } }>('query($id: ID!) { segment(id: $id) { memberCount { value } } }', { id: segmentId })).segment.memberCount
      .value;

    const viewer = await open(browser);
    const password = `viewer password ${stamp}`;
    await firstSignIn(viewer.page, email, oneTime, password);
    expect(await userByEmail(email)).toMatchObject({ mustChangePassword: false });

    // The header: segments only, the viewer's name and role, no administration.
    await viewer.page.getByTestId('user-menu').waitFor();
    await expect(viewer.page.getByTestId('user-name').innerText()).resolves.toBe(name);
    await expect(viewer.page.getByTestId('user-role').innerText()).resolves.toBe('Viewer');
    await expect(viewer.page.getByTestId('nav-segments').count()).resolves.toBe(1);
    for (const hidden of ['nav-dashboard', 'nav-stopList', 'nav-admin']) await expect(viewer.page.getByTestId(hidden).count()).resolves.toBe(0);
    await viewer.page.getByTestId('segments-table').waitFor();
    await expect(viewer.page.getByTestId('new-segment').count()).resolves.toBe(0);
    await expect(viewer.page.getByTestId('row-actions').count()).resolves.toBe(0);
    expect(await meInPage(viewer.page)).toEqual({ role: 'VIEWER', scopes: ['SEGMENTS_READ'] });

    // The segment: its counts, as the API counts them; no recipients, no export, nothing to save.
    await viewer.page.goto(`${BASE_URL}/segments/${encodeURIComponent(segmentId)}`, { waitUntil: 'domcontentloaded' });
    await viewer.page.getByTestId('read-only-badge').waitFor();
    const members = viewer.page.getByTestId('live-count-members');
    await viewer.page.locator('[data-testid="live-counts"][data-counting="false"]').waitFor();
    await expect(members.getAttribute('data-value')).resolves.toBe(String(expected));
    await viewer.page.getByTestId('recipients-hidden').waitFor();
    for (const hidden of ['recipient-preview', 'export-links', 'save-segment', 'restore-version']) await expect(viewer.page.getByTestId(hidden).count()).resolves.toBe(0);
    await expect(viewer.page.getByTestId('segment-name').isDisabled()).resolves.toBe(true);

    // Pages beyond the role show the "no access" state, not an error; the home page is the segments list.
    for (const path of ['/admin/users', '/admin/tokens', '/admin/stop-list', '/segments/new']) {
      await viewer.page.goto(`${BASE_URL}${path}`, { waitUntil: 'domcontentloaded' });
      await viewer.page.getByTestId('no-access').waitFor();
      await expect(viewer.page.getByTestId('error-state').count()).resolves.toBe(0);
    }
    await expect(viewer.page.getByTestId('no-access').innerText()).resolves.toContain('Your role (Viewer) does not include this.');
    await viewer.page.goto(`${BASE_URL}/`, { waitUntil: 'domcontentloaded' });
    await viewer.page.waitForURL((url) => url.pathname === '/segments');

    // The API agrees: the viewer's own session is refused recipients.
    const refused = await viewer.page.evaluate(async (id) => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'query($id: ID!) { segment(id: $id) { recipients(channel: EMAIL, first: 1) { totalCount } } }', variables: { id } }),
      });
      return ((await response.json()) as { errors?: Array<{ extensions: { code: string } }> }).errors?.[0]?.extensions.code;
    }, segmentId);
    expect(refused).toBe('FORBIDDEN');
    await viewer.context.close();
    expect(viewer.errors).toEqual([]);
    expect(admin.errors).toEqual([]);
  });

  it('shows a marketer the "no access" state on administration pages', async () => {
    const email = `marketer-${stamp}@example.com`;
    cleanups.push(async () => {
      const user = await userByEmail(email);
      if (user) await graphqlRequest('mutation($id: ID!) { deleteUser(id: $id) { deletedId } }', { id: user.id });
    });
    const oneTime = await createUserInUi(admin.page, `E2E Marketer ${stamp}`, email, 'MARKETER');
    const marketer = await open(browser);
    await firstSignIn(marketer.page, email, oneTime, `marketer password ${stamp}`);
    await marketer.page.getByTestId('user-menu').waitFor();
    await expect(marketer.page.getByTestId('nav-stopList').count()).resolves.toBe(1);
    await expect(marketer.page.getByTestId('nav-admin').count()).resolves.toBe(0);
    for (const path of ['/admin/users', '/admin/tokens', '/admin/reference-lists']) {
      await marketer.page.goto(`${BASE_URL}${path}`, { waitUntil: 'domcontentloaded' });
      await marketer.page.getByTestId('no-access').waitFor();
    }
    await expect(marketer.page.getByTestId('no-access').innerText()).resolves.toContain('Marketer');
    await marketer.context.close();
    expect(marketer.errors).toEqual([]);

    // The administrator changes the role, deactivates, then deletes the user, each checked against the API.
    const page = admin.page;
    await page.goto(`${BASE_URL}/admin/users`, { waitUntil: 'domcontentloaded' });
    const row = page.locator(`[data-testid="user-row"][data-email="${email}"]`);
    await row.getByTestId('user-role').selectOption('VIEWER');
    await page.locator(`[data-testid="user-row"][data-email="${email}"][data-role="VIEWER"]`).waitFor();
    expect(await userByEmail(email)).toMatchObject({ role: 'VIEWER', active: true });
    await row.getByTestId('user-actions').click();
    await page.getByTestId('user-toggle-active').click();
    await page.locator(`[data-testid="user-row"][data-email="${email}"][data-active="false"]`).waitFor();
    expect(await userByEmail(email)).toMatchObject({ active: false });
    await row.getByTestId('user-actions').click();
    await page.getByTestId('user-delete').click();
    await page.getByTestId('confirm-ok').click();
    await row.waitFor({ state: 'detached' });
    expect(await userByEmail(email)).toBeNull();
    // The administrator cannot lock themselves out from here.
    const own = page.locator(`[data-testid="user-row"][data-email="${ADMIN_EMAIL}"]`);
    await expect(own.getByTestId('user-role').isDisabled()).resolves.toBe(true);
    expect(admin.errors).toEqual([]);
  });

  it('an administrator makes an API token that works with Bearer until it is revoked in the page', async () => {
    const name = `E2E token ${stamp}`;
    const page = admin.page;
    await page.goto(`${BASE_URL}/admin/tokens`, { waitUntil: 'domcontentloaded' });
    await page.getByTestId('token-create-open').click();
    await page.getByTestId('create-token-name').fill(name);
    // segments:read is ticked already; add crm:read from the keyboard.
    await page.getByTestId('create-token-scope-CRM_READ').focus();
    await page.keyboard.press('Space');
    await expect(page.getByTestId('create-token-scope-CRM_READ').isChecked()).resolves.toBe(true);
    await page.getByTestId('create-token-submit').click();
    const secretField = page.getByTestId('token-secret');
    await secretField.waitFor();
    const secret = await secretField.inputValue();
    expect(secret).toMatch(/^sgt_/);
    await expect(page.getByTestId('token-curl').innerText()).resolves.toContain(`Authorization: Bearer ${secret}`);
    await page.getByTestId('token-secret-done').click();
    await page.getByTestId('token-secret-dialog').waitFor({ state: 'detached' });

    const row = page.locator(`[data-testid="token-row"][data-name="${name}"]`);
    await row.waitFor();
    await expect(row.getAttribute('data-status')).resolves.toBe('ACTIVE');
    const hint = (await row.getByTestId('token-hint').innerText()).replace(/…$/, '');
    expect(secret.startsWith(hint)).toBe(true);
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'admin-tokens.png'), fullPage: true });

    // The integrator's request: the secret as a Bearer token, no cookie.
    const query = '{ me { scopes token { name } } segments(first: 1) { totalCount } }';
    const works = await graphqlResponse<{ me: { scopes: string[]; token: { name: string } }; segments: { totalCount: number } }>(query, {}, { bearer: secret });
    expect(works.status).toBe(200);
    expect(works.body.errors).toBeUndefined();
    expect(works.body.data!.me).toEqual({ scopes: ['CRM_READ', 'SEGMENTS_READ'], token: { name } });
    expect(works.body.data!.segments.totalCount).toBeGreaterThanOrEqual(0);
    // Its scopes bound it: no administration, no recipients.
    const beyond = await graphqlResponse('{ stopList(first: 1) { totalCount } }', {}, { bearer: secret });
    expect(beyond.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    await row.getByTestId('token-revoke').click();
    await page.getByTestId('confirm-ok').click();
    await page.locator(`[data-testid="token-row"][data-name="${name}"][data-status="REVOKED"]`).waitFor();
    await expect(row.getByTestId('token-revoke').count()).resolves.toBe(0);

    const refused = await graphqlResponse(query, {}, { bearer: secret });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(refused.body.data ?? null).toBeNull();
    expect(admin.errors).toEqual([]);
  });

  it('signs out to the login page; the session is gone', async () => {
    const page = admin.page;
    await page.goto(`${BASE_URL}/segments`, { waitUntil: 'domcontentloaded' });
    await page.getByTestId('user-menu').click();
    await Promise.all([page.waitForURL((url) => url.pathname === '/login'), page.getByTestId('menu-sign-out').click()]);
    await page.getByTestId('login-form').waitFor();
    expect(await meInPage(page)).toBeNull();
    expect((await admin.context.cookies()).some((c) => c.name === SESSION_COOKIE && c.value)).toBe(false);
    // Back to a page: the login page again.
    await page.goto(`${BASE_URL}/segments`, { waitUntil: 'domcontentloaded' });
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(admin.errors).toEqual([]);
  });
});
