import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/api';
import { engines } from '../../../test/databases';
import { UserRole } from '../../users/user.entity';
import { UserSession } from '../user-session.entity';
import { cookieOf, listen } from './http-client';

const ME = 'query { me { user { email } role scopes passwordChangeRequired } }';
const LOG_IN = 'mutation($email: String!, $password: String!) { logIn(input: { email: $email, password: $password }) { viewer { user { email } role } errors { code path count } } }';

/** Browser sign-in over real HTTP: cookie flags, sessions, one-time passwords, limits. */
describe.each(engines)('signing in on %s', (engine) => {
  let api: TestApi;
  let http: Awaited<ReturnType<typeof listen>>;

  beforeAll(async () => {
    api = await startTestApi(engine, { auth: { adminPassword: null, sessionIdleHours: 72, sessionMaxDays: 30, cookieSecure: 'auto', signInAttempts: 3 } });
    http = await listen(api);
  });
  afterAll(async () => {
    await http.close();
    await api.close();
  });

  it('answers only public operations without a credential', async () => {
    expect((await http.post(ME)).body).toEqual({ data: { me: null } });
    const refused = await http.post('{ segments(first: 1) { edges { node { id } } } }');
    expect(refused.body.data).toBeNull();
    expect(refused.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('signs in with a session cookie that scripts cannot read and other sites do not send', async () => {
    const { user, password } = await api.createUser(UserRole.MARKETER, 'Marta@Example.com');
    const signedIn = await http.post(LOG_IN, { email: ' marta@example.COM ', password });
    expect(signedIn.body.data.logIn).toEqual({ viewer: { user: { email: 'marta@example.com' }, role: 'MARKETER' }, errors: [] });
    expect(signedIn.setCookies).toHaveLength(1);
    const cookie = signedIn.setCookies[0];
    expect(cookie).toMatch(/^segmenta_session=sgs_[\w-]{43};/);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).not.toMatch(/; Secure/i);
    // Only a hash of the secret is stored.
    const stored = await api.db.fork().find(UserSession, { user: user.key });
    expect(stored).toHaveLength(1);
    expect(stored[0].secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(cookie).not.toContain(stored[0].secretHash);

    const me = await http.post(ME, {}, { cookie: cookieOf(cookie) });
    expect(me.body.data.me).toEqual({ user: { email: 'marta@example.com' }, role: 'MARKETER', scopes: expect.arrayContaining(['SEGMENTS_WRITE', 'RECIPIENTS_READ']), passwordChangeRequired: false });
    expect(me.body.data.me.scopes).not.toContain('ADMIN');

    const out = await http.post('mutation { logOut }', {}, { cookie: cookieOf(cookie) });
    expect(out.body.data.logOut).toBe(true);
    expect(out.setCookies[0]).toMatch(/^segmenta_session=; Max-Age=0/);
    expect((await http.post(ME, {}, { cookie: cookieOf(cookie) })).body.data.me).toBeNull();
  });

  it('marks the cookie Secure when the request came over HTTPS through the web server', async () => {
    const { password, user } = await api.createUser(UserRole.VIEWER);
    const signedIn = await http.post(LOG_IN, { email: user.email, password }, { 'x-forwarded-proto': 'https' });
    expect(signedIn.setCookies[0]).toMatch(/; Secure/i);
  });

  it('says only "wrong e-mail or password", then stops guessing for a while', async () => {
    const { user, password } = await api.createUser(UserRole.MARKETER);
    const unknown = await http.post(LOG_IN, { email: 'nobody@example.com', password: 'whatever123' });
    const wrong = await http.post(LOG_IN, { email: user.email, password: 'wrong password' });
    expect(unknown.body.data.logIn.errors).toEqual([{ code: 'SIGN_IN_FAILED', path: ['input'], count: null }]);
    expect(wrong.body.data.logIn.errors).toEqual(unknown.body.data.logIn.errors);
    expect(wrong.setCookies).toEqual([]);
    await http.post(LOG_IN, { email: user.email, password: 'wrong again' });
    await http.post(LOG_IN, { email: user.email, password: 'and again' });
    // Three failures (the configured limit): even the right password waits now.
    const blocked = await http.post(LOG_IN, { email: user.email, password });
    expect(blocked.body.data.logIn.errors[0]).toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
    expect(blocked.body.data.logIn.errors[0].count).toBeGreaterThan(800);
    expect(blocked.setCookies).toEqual([]);
    // Another client address (as X-Forwarded-For from the web server) gets its own few tries,
    // but not an endless supply: the e-mail's own count stops it too.
    const elsewhere = { 'x-forwarded-for': '198.51.100.7' };
    expect((await http.post(LOG_IN, { email: user.email, password: 'guess 1' }, elsewhere)).body.data.logIn.errors[0].code).toBe('SIGN_IN_FAILED');
    for (let i = 0; i < 12; i++) await http.post(LOG_IN, { email: user.email, password: `guess ${i}` }, { 'x-forwarded-for': `198.51.100.${20 + i}` });
    expect((await http.post(LOG_IN, { email: user.email, password }, { 'x-forwarded-for': '198.51.100.99' })).body.data.logIn.errors[0].code).toBe('TOO_MANY_ATTEMPTS');
  });

  it('refuses an inactive user and ends their sessions', async () => {
    const { user, password } = await api.createUser(UserRole.MARKETER);
    const cookie = cookieOf((await http.post(LOG_IN, { email: user.email, password })).setCookies[0]);
    expect((await http.post(ME, {}, { cookie })).body.data.me).not.toBeNull();
    await api.exec('mutation($id: ID!) { updateUser(id: $id, input: { active: false }) { errors { code } } }', { id: user.id });
    expect((await http.post(ME, {}, { cookie })).body.data.me).toBeNull();
    expect((await http.post(LOG_IN, { email: user.email, password })).body.data.logIn.errors[0].code).toBe('SIGN_IN_FAILED');
  });

  it('ends a session past its expiry, and slides a used one forward', async () => {
    const { user, password } = await api.createUser(UserRole.MARKETER);
    const cookie = cookieOf((await http.post(LOG_IN, { email: user.email, password })).setCookies[0]);
    const em = api.db.fork();
    // Used after an hour of quiet: the expiry moves forward (idle hours from now).
    await em.nativeUpdate(UserSession, { user: user.key }, { expiresAt: new Date(Date.now() + 3_600_000) });
    expect((await http.post(ME, {}, { cookie })).body.data.me).not.toBeNull();
    const slid = await api.db.fork().findOneOrFail(UserSession, { user: user.key });
    expect(slid.expiresAt.getTime()).toBeGreaterThan(Date.now() + 71 * 3_600_000);
    // Past its expiry: signed out, and the row is gone.
    await em.nativeUpdate(UserSession, { user: user.key }, { expiresAt: new Date(Date.now() - 1000) });
    expect((await http.post(ME, {}, { cookie })).body.data.me).toBeNull();
    expect(await api.db.fork().count(UserSession, { user: user.key })).toBe(0);
  });

  it('gives a one-time password that only lets the user choose their own', async () => {
    const created = await api.exec('mutation { createUser(input: { name: "Olga", email: "olga@example.com", role: VIEWER }) { user { id } errors { code } } }');
    const reset = await api.exec('mutation($id: ID!) { resetUserPassword(id: $id) { oneTimePassword errors { code } } }', { id: created.createUser.user.id });
    const oneTime = reset.resetUserPassword.oneTimePassword as string;
    expect(oneTime).toMatch(/^\w{16}$/);
    const cookie = cookieOf((await http.post(LOG_IN, { email: 'olga@example.com', password: oneTime })).setCookies[0]);
    expect((await http.post(ME, {}, { cookie })).body.data.me.passwordChangeRequired).toBe(true);
    const blocked = await http.post('{ segments(first: 1) { totalCount } }', {}, { cookie });
    expect(blocked.body.errors[0].extensions.code).toBe('PASSWORD_CHANGE_REQUIRED');

    const change = (input: object) => http.post('mutation($input: ChangePasswordInput!) { changePassword(input: $input) { viewer { passwordChangeRequired } errors { code path } } }', { input }, { cookie });
    expect((await change({ currentPassword: 'nope', newPassword: 'a long new password' })).body.data.changePassword.errors).toEqual([{ code: 'SIGN_IN_FAILED', path: ['input', 'currentPassword'] }]);
    expect((await change({ currentPassword: oneTime, newPassword: 'short' })).body.data.changePassword.errors).toEqual([{ code: 'WEAK_PASSWORD', path: ['input', 'newPassword'] }]);
    expect((await change({ currentPassword: oneTime, newPassword: 'olga@example.com' })).body.data.changePassword.errors[0].code).toBe('WEAK_PASSWORD');
    expect((await change({ currentPassword: oneTime, newPassword: 'a long new password' })).body.data.changePassword).toEqual({ viewer: { passwordChangeRequired: false }, errors: [] });
    expect((await http.post('{ segments(first: 1) { totalCount } }', {}, { cookie })).body.errors).toBeUndefined();
    // The one-time password is spent.
    expect((await http.post(LOG_IN, { email: 'olga@example.com', password: oneTime })).body.data.logIn.errors[0].code).toBe('SIGN_IN_FAILED');
  });

  it('never leaves the service without an active administrator', async () => {
    const admins = await api.exec('{ users(first: 50) { edges { node { id role email } } } }');
    const builtIn = admins.users.edges.map((e: any) => e.node).find((u: any) => u.email === 'admin@segmenta.local');
    const demote = await api.exec('mutation($id: ID!) { updateUser(id: $id, input: { role: MARKETER }) { errors { code path } } }', { id: builtIn.id });
    expect(demote.updateUser.errors).toEqual([{ code: 'LAST_ADMIN', path: ['input', 'role'] }]);
    const { user: second } = await api.createUser(UserRole.ADMIN);
    const deactivate = await api.exec('mutation($id: ID!) { updateUser(id: $id, input: { active: false }) { errors { code } } }', { id: second.id });
    expect(deactivate.updateUser.errors).toEqual([]);
    const deleteLast = await api.exec('mutation($id: ID!) { deleteUser(id: $id) { errors { code } } }', { id: builtIn.id });
    expect(deleteLast.deleteUser.errors[0].code).toBe('IN_USE');
  });
});
