import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/api';
import { engines } from '../../../test/databases';
import { UserRole } from '../../users/user.entity';
import { Scope } from '../actor';
import { ApiToken } from '../api-token.entity';
import { listen } from './http-client';

const CREATE = 'mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token { id name hint scopes status expiresAt } secret errors { code path } } }';
const SEGMENTS = '{ segments(first: 1) { totalCount } }';

/** API tokens over real HTTP: shown once, stored hashed, scoped, expiring, revocable. */
describe.each(engines)('API tokens on %s', (engine) => {
  let api: TestApi;
  let http: Awaited<ReturnType<typeof listen>>;
  const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

  beforeAll(async () => {
    api = await startTestApi(engine);
    http = await listen(api);
  });
  afterAll(async () => {
    await http.close();
    await api.close();
  });

  it('shows the secret once and stores only its hash', async () => {
    const created = (await api.exec(CREATE, { input: { name: 'Shop sync', scopes: ['SEGMENTS_READ', 'CRM_READ', 'SEGMENTS_READ'] } })).createApiToken;
    expect(created.errors).toEqual([]);
    expect(created.secret).toMatch(/^sgt_[\w-]{43}$/);
    expect(created.token).toMatchObject({ name: 'Shop sync', hint: created.secret.slice(0, 8), scopes: ['CRM_READ', 'SEGMENTS_READ'], status: 'ACTIVE', expiresAt: null });
    const stored = await api.db.fork().findOneOrFail(ApiToken, { name: 'Shop sync' });
    expect(stored.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await api.exec('{ apiTokens { id name hint scopes status } }'))).not.toContain(created.secret);

    const used = await http.post('{ me { token { name } scopes } ' + SEGMENTS.slice(1), {}, bearer(created.secret));
    expect(used.status).toBe(200);
    expect(used.body.data.me).toEqual({ token: { name: 'Shop sync' }, scopes: ['CRM_READ', 'SEGMENTS_READ'] });
    expect((await api.db.fork().findOneOrFail(ApiToken, { name: 'Shop sync' })).lastUsedAt).toBeInstanceOf(Date);
  });

  it('answers only within its scopes', async () => {
    const secret = await api.createToken([Scope.SEGMENTS_READ]);
    expect((await http.post(SEGMENTS, {}, bearer(secret))).body.errors).toBeUndefined();
    const write = await http.post('mutation { createSegment(input: { name: "x", kind: STATIC }) { errors { code } } }', {}, bearer(secret));
    expect(write.body.data).toBeNull();
    expect(write.body.errors[0].extensions).toEqual({ code: 'FORBIDDEN', scope: 'segments:write' });
    const contacts = await http.post('{ contacts(first: 1) { totalCount } }', {}, bearer(secret));
    expect(contacts.body.errors[0].extensions.code).toBe('FORBIDDEN');
    // Administration stays with people, whatever the creator's role.
    expect((await http.post('{ apiTokens { id } }', {}, bearer(secret))).body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('refuses an unknown, malformed, expired or revoked token with 401 and says so', async () => {
    const refused = async (authorization: string) => {
      const result = await http.post(SEGMENTS, {}, { authorization });
      expect(result.status).toBe(401);
      expect(result.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(result.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(result.body.data).toBeUndefined();
    };
    await refused('Bearer sgt_' + 'x'.repeat(43));
    await refused('Basic YWRtaW46YWRtaW4=');
    await refused("Bearer ' OR 1=1 --");

    // Really expiring (not rewritten in the table: the API trusts a checked token for
    // CREDENTIAL_CACHE_MS, but never past its expiry).
    const expiring = await api.createToken([Scope.SEGMENTS_READ], { expiresAt: new Date(Date.now() + 700) });
    expect((await http.post(SEGMENTS, {}, bearer(expiring))).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 800));
    await refused(`Bearer ${expiring}`);

    const created = (await api.exec(CREATE, { input: { name: 'To revoke', scopes: ['SEGMENTS_READ'] } })).createApiToken;
    expect((await http.post(SEGMENTS, {}, bearer(created.secret))).status).toBe(200);
    const revoked = await api.exec('mutation($id: ID!) { revokeApiToken(id: $id) { token { status revokedAt } errors { code } } }', { id: created.token.id });
    expect(revoked.revokeApiToken).toMatchObject({ token: { status: 'REVOKED' }, errors: [] });
    await refused(`Bearer ${created.secret}`);
    const events = await api.exec('query($id: ID!) { auditEvents(first: 5, filter: { subjectId: $id }) { edges { node { action actorLabel subjectName } } } }', { id: created.token.id });
    expect(events.auditEvents.edges.map((e: any) => e.node)).toEqual([
      { action: 'API_TOKEN_REVOKED', actorLabel: 'Administrator', subjectName: 'To revoke' },
      { action: 'API_TOKEN_CREATED', actorLabel: 'Administrator', subjectName: 'To revoke' },
    ]);
  });

  it('validates new tokens and lets only administrators make them', async () => {
    const bad = (await api.exec(CREATE, { input: { name: ' ', scopes: [], expiresAt: '2001-01-01T00:00:00Z' } })).createApiToken;
    expect(bad.errors.map((e: any) => e.code)).toEqual(['REQUIRED', 'REQUIRED', 'INVALID']);
    expect(bad.secret).toBeNull();
    const admin = (await api.exec(CREATE, { input: { name: 'Root', scopes: ['ADMIN'] } })).createApiToken;
    expect(admin.errors).toEqual([{ code: 'INVALID', path: ['input', 'scopes'] }]);
    const { actor } = await api.createUser(UserRole.MARKETER);
    const byMarketer = await api.execAs(actor, CREATE, { input: { name: 'Mine', scopes: ['CRM_READ'] } });
    expect(byMarketer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('follows its creator: narrowed when they are demoted, refused when they are deactivated', async () => {
    const { user } = await api.createUser(UserRole.ADMIN);
    const secret = await api.createToken([Scope.CRM_READ, Scope.SEGMENTS_READ], { creatorKey: user.key });
    expect((await http.post('{ contacts(first: 1) { totalCount } }', {}, bearer(secret))).body.errors).toBeUndefined();
    await api.exec('mutation($id: ID!) { updateUser(id: $id, input: { role: VIEWER }) { errors { code } } }', { id: user.id });
    expect((await http.post('{ contacts(first: 1) { totalCount } }', {}, bearer(secret))).body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await http.post(SEGMENTS, {}, bearer(secret))).body.errors).toBeUndefined();
    await api.exec('mutation($id: ID!) { updateUser(id: $id, input: { active: false }) { errors { code } } }', { id: user.id });
    expect((await http.post(SEGMENTS, {}, bearer(secret))).status).toBe(401);
  });

  it('signs export links for the token, and a revoked token downloads nothing', async () => {
    const created = (await api.exec(CREATE, { input: { name: 'Exporter', scopes: ['SEGMENTS_WRITE', 'SEGMENTS_READ', 'RECIPIENTS_READ'] } })).createApiToken;
    const segment = await http.post('mutation { createSegment(input: { name: "Export me", kind: STATIC }) { segment { exportUrl(channel: EMAIL) } } }', {}, bearer(created.secret));
    const url = segment.body.data.createSegment.segment.exportUrl as string;
    expect(url).toContain(`by=token%3A${Number(Buffer.from(created.token.id, 'base64url').toString().split(':')[1])}`);
    expect((await fetch(http.base + url)).status).toBe(200);
    await api.exec('mutation($id: ID!) { revokeApiToken(id: $id) { errors { code } } }', { id: created.token.id });
    const after = await fetch(http.base + url);
    expect(after.status).toBe(401);
    expect(((await after.json()) as any).errors[0].code).toBe('UNAUTHENTICATED');
  });
});
