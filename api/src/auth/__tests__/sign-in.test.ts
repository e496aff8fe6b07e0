import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/api';
import { engines } from '../../../test/databases';
import { UserRole } from '../../users/user.entity';
import { Scope } from '../actor';
import { itemAt } from '../../lib/indexed';
import { UserSession } from '../user-session.entity';
import { cookieOf, listen } from './http-client';

const ME = 'query { me { user { email } role scopes passwordChangeRequired } }';
const LOG_IN = 'mutation($email: String!, $password: String!) { logIn(input: { email: $email, password: $password }) { viewer { user { email } role } errors { code path count retryAfterSeconds } } }';
const CHANGE_PASSWORD = 'mutation($input: ChangePasswordInput!) { changePassword(input: $input) { viewer { passwordChangeRequired } errors { code path retryAfterSeconds } } }';
/** The capped delay of this suite: short, so waiting it out takes seconds. */
const MAX_DELAY_SECONDS = 2;
/** As the web server forwards a browser's address (the API trusts loopback's X-Forwarded-For). */
const from = (address: string) => ({ 'x-forwarded-for': address });

/** Browser sign-in over real HTTP: cookie flags, sessions, one-time passwords, limits. */
describe.each(engines)('signing in on %s', (engine) => {
  let api: TestApi;
  let http: Awaited<ReturnType<typeof listen>>;

  beforeAll(async () => {
    api = await startTestApi(engine, {
      auth: { adminPassword: null, sessionIdleHours: 72, sessionMaxDays: 30, cookieSecure: 'auto', failureDelay: { firstSeconds: 1, maxSeconds: MAX_DELAY_SECONDS }, clientFailures: 10 },
    });
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
    const { secretHash } = itemAt(stored, 0);
    expect(secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(cookie).not.toContain(secretHash);

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

  it('says only "wrong e-mail or password", and holds the failing client longer after each failure for the e-mail (1 s, doubling, capped)', async () => {
    const { user: compared } = await api.createUser(UserRole.MARKETER);
    const unknown = await http.post(LOG_IN, { email: 'nobody@example.com', password: 'whatever123' }, from('203.0.112.1'));
    const wrong = await http.post(LOG_IN, { email: compared.email, password: 'wrong password' }, from('203.0.112.1'));
    expect(unknown.body.data.logIn.errors).toEqual([{ code: 'SIGN_IN_FAILED', path: ['input'], count: null, retryAfterSeconds: null }]);
    expect(wrong.body.data.logIn.errors).toEqual(unknown.body.data.logIn.errors);
    expect(wrong.setCookies).toEqual([]);
    // Right after a failure even the right password waits (it is not checked); every failure for
    // the e-mail, from any address, doubles the next hold up to the cap. An unknown e-mail is
    // answered exactly alike, so the waits tell nothing about which e-mails exist.
    const holdsAfterEachFailure = async (email: string, goodPassword: string, prefix: string) => {
      const seen: unknown[] = [];
      for (let i = 1; i <= 4; i++) {
        const address = from(`${prefix}.${i}`);
        expect((await http.post(LOG_IN, { email, password: `guess ${i}` }, address)).body.data.logIn.errors[0].code).toBe('SIGN_IN_FAILED');
        const held = await http.post(LOG_IN, { email, password: goodPassword }, address);
        expect(held.setCookies).toEqual([]);
        seen.push(held.body.data.logIn.errors);
      }
      return seen;
    };
    const { user, password } = await api.createUser(UserRole.MARKETER);
    const known = await holdsAfterEachFailure(user.email!, password, '203.0.113');
    expect(known).toEqual([1, 2, MAX_DELAY_SECONDS, MAX_DELAY_SECONDS].map((seconds) => [{ code: 'TOO_MANY_ATTEMPTS', path: [], count: seconds, retryAfterSeconds: seconds }]));
    expect(await holdsAfterEachFailure('nobody-else@example.com', password, '203.0.114')).toEqual(known);
  });

  it('checks one password at a time per client and e-mail, so parallel guesses cannot slip in before the first failure counts', async () => {
    const { user } = await api.createUser(UserRole.MARKETER);
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => http.post(LOG_IN, { email: user.email, password: `parallel ${i}` }, from('203.0.113.150'))));
    const codes = answers.map((answer) => answer.body.data.logIn.errors[0].code);
    expect(codes.filter((code) => code === 'SIGN_IN_FAILED')).toHaveLength(1);
    expect(codes.filter((code) => code === 'TOO_MANY_ATTEMPTS')).toHaveLength(7);
  });

  it('lets the owner sign in within the capped delay while an attacker keeps failing for the e-mail from other addresses', async () => {
    const { user, password } = await api.createUser(UserRole.MARKETER);
    let attacking = true;
    let attackerFailures = 0;
    let attackerHeld = 0;
    const attacker = (async () => {
      for (let i = 0; attacking; i++) {
        const answer = await http.post(LOG_IN, { email: user.email, password: `guess ${i}` }, from(`198.51.100.${i % 8}`));
        const code = answer.body.data.logIn.errors[0]?.code;
        if (code === 'SIGN_IN_FAILED') attackerFailures++;
        else if (code === 'TOO_MANY_ATTEMPTS') attackerHeld++;
        else throw new Error(`the attacker got in: ${JSON.stringify(answer.body)}`);
      }
    })();
    try {
      while (attackerFailures < 6) await sleep(20);
      // The attack holds the attacker's addresses, not the owner's.
      const owner = from('192.0.2.10');
      expect((await http.post(LOG_IN, { email: user.email, password }, owner)).body.data.logIn.errors).toEqual([]);
      // A typo of the owner's own: held for at most the capped delay, however long the attack goes on.
      expect((await http.post(LOG_IN, { email: user.email, password: 'typo' }, owner)).body.data.logIn.errors[0].code).toBe('SIGN_IN_FAILED');
      const typoAnswered = Date.now();
      const held = (await http.post(LOG_IN, { email: user.email, password }, owner)).body.data.logIn.errors[0];
      expect(held).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: MAX_DELAY_SECONDS });
      await sleep(held.retryAfterSeconds * 1000);
      // The owner's next try comes within the capped delay of the typo, and gets in.
      expect(Date.now() - typoAnswered).toBeLessThan((MAX_DELAY_SECONDS + 1) * 1000);
      const signedIn = await http.post(LOG_IN, { email: user.email, password }, owner);
      expect(signedIn.body.data.logIn.errors).toEqual([]);
      expect(signedIn.setCookies).toHaveLength(1);
    } finally {
      attacking = false;
      await attacker;
    }
    expect(attackerFailures).toBeGreaterThanOrEqual(6);
    expect(attackerHeld).toBeGreaterThan(0);
  }, 30_000);

  it('bounds the wrong passwords of one client address over all e-mails', async () => {
    const spray = from('203.0.113.200');
    for (let i = 0; i < 10; i++) {
      expect((await http.post(LOG_IN, { email: `sprayed${i}@example.com`, password: 'Summer2026!' }, spray)).body.data.logIn.errors[0].code).toBe('SIGN_IN_FAILED');
    }
    const { user, password } = await api.createUser(UserRole.VIEWER);
    const refused = (await http.post(LOG_IN, { email: user.email, password }, spray)).body.data.logIn.errors[0];
    expect(refused.code).toBe('TOO_MANY_ATTEMPTS');
    expect(refused.retryAfterSeconds).toBeGreaterThan(800);
    expect((await http.post(LOG_IN, { email: user.email, password }, from('203.0.113.201'))).body.data.logIn.errors).toEqual([]);
  });

  it('holds changePassword after a wrong current password, as sign-in does', async () => {
    const { user, password } = await api.createUser(UserRole.MARKETER);
    const cookie = cookieOf((await http.post(LOG_IN, { email: user.email, password })).setCookies[0]);
    const change = (input: object) => http.post(CHANGE_PASSWORD, { input }, { cookie, ...from('203.0.113.77') });
    expect((await change({ currentPassword: 'nope', newPassword: 'a long new password' })).body.data.changePassword.errors).toEqual([
      { code: 'SIGN_IN_FAILED', path: ['input', 'currentPassword'], retryAfterSeconds: null },
    ]);
    // Right away even the right password is not checked.
    expect((await change({ currentPassword: password, newPassword: 'a long new password' })).body.data.changePassword.errors).toEqual([
      { code: 'TOO_MANY_ATTEMPTS', path: ['input', 'currentPassword'], retryAfterSeconds: 1 },
    ]);
    await sleep(1000);
    expect((await change({ currentPassword: 'nope again', newPassword: 'a long new password' })).body.data.changePassword.errors[0].code).toBe('SIGN_IN_FAILED');
    const second = (await change({ currentPassword: password, newPassword: 'a long new password' })).body.data.changePassword.errors[0];
    expect(second).toEqual({ code: 'TOO_MANY_ATTEMPTS', path: ['input', 'currentPassword'], retryAfterSeconds: 2 });
    await sleep(2000);
    expect((await change({ currentPassword: password, newPassword: 'a long new password' })).body.data.changePassword).toEqual({ viewer: { passwordChangeRequired: false }, errors: [] });
  }, 30_000);

  it('refuses an inactive user and ends their sessions', async () => {
    const { user, password } = await api.createUser(UserRole.MARKETER);
    const cookie = cookieOf((await http.post(LOG_IN, { email: user.email, password })).setCookies[0]);
    expect((await http.post(ME, {}, { cookie })).body.data.me).not.toBeNull();
    await api.exec('mutation($id: ID!) { updateUser(id: $id, input: { active: false }) { errors { code } } }', { id: user.id });
    expect((await http.post(ME, {}, { cookie })).body.data.me).toBeNull();
    expect((await http.post(LOG_IN, { email: user.email, password })).body.data.logIn.errors[0].code).toBe('SIGN_IN_FAILED');
  });

  it('keeps the sessions and API tokens of a deactivated user dead after re-activation', async () => {
    const { user, password } = await api.createUser(UserRole.MARKETER);
    const cookie = cookieOf((await http.post(LOG_IN, { email: user.email, password })).setCookies[0]);
    const bearer = { authorization: `Bearer ${await api.createToken([Scope.SEGMENTS_READ], { creatorKey: user.key })}` };
    expect((await http.post(ME, {}, { cookie })).body.data.me).not.toBeNull();
    expect((await http.post(ME, {}, bearer)).status).toBe(200);
    const setActive = (active: boolean) => api.exec('mutation($id: ID!, $active: Boolean!) { updateUser(id: $id, input: { active: $active }) { errors { code } } }', { id: user.id, active });
    expect((await setActive(false)).updateUser.errors).toEqual([]);
    expect((await setActive(true)).updateUser.errors).toEqual([]);
    const byToken = await http.post(ME, {}, bearer);
    expect(byToken.status).toBe(401);
    expect(byToken.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await http.post(ME, {}, { cookie })).body.data.me).toBeNull();
    const tokens = (await api.exec('{ apiTokens { createdBy { id } status } }')).apiTokens.filter((t: any) => t.createdBy.id === user.id);
    expect(tokens).toEqual([{ createdBy: { id: user.id }, status: 'REVOKED' }]);
    // The user themself may sign in again, with a new session.
    const again = await http.post(LOG_IN, { email: user.email, password });
    expect((await http.post(ME, {}, { cookie: cookieOf(again.setCookies[0]) })).body.data.me).not.toBeNull();
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

    const change = (input: object) => http.post(CHANGE_PASSWORD, { input }, { cookie });
    expect((await change({ currentPassword: oneTime, newPassword: 'short' })).body.data.changePassword.errors).toEqual([
      { code: 'WEAK_PASSWORD', path: ['input', 'newPassword'], retryAfterSeconds: null },
    ]);
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
