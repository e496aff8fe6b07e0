import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/api';
import { engines } from '../../../test/databases';
import { createApp } from '../../app';
import { openDatabase } from '../../database';
import { UserRole } from '../../users/user.entity';
import { Scope } from '../actor';
import { ApiToken } from '../api-token.entity';
import { listen } from './http-client';

const SEGMENTS = '{ segments(first: 1) { totalCount } }';
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

/** Counts the statements that read the api_token table while `run` runs. */
async function tokenReads(api: TestApi, run: () => Promise<unknown>): Promise<number> {
  const knex = api.db.fork().getConnection().getKnex();
  let reads = 0;
  const onQuery = (query: { sql: string }) => {
    if (/^\s*select\b/i.test(query.sql) && /\bapi_token\b/.test(query.sql)) reads++;
  };
  knex.on('query', onQuery);
  try {
    await run();
  } finally {
    knex.off('query', onQuery);
  }
  return reads;
}

/**
 * An API token is checked against the database once per CREDENTIAL_CACHE_MS, not once per request
 * (the lookup and its entity hydration were the largest fixed cost of a cheap request), while every
 * change made through this API process applies to the very next request.
 */
describe.each(engines)('API token lookups on %s', (engine) => {
  let api: TestApi;
  let http: Awaited<ReturnType<typeof listen>>;

  beforeAll(async () => {
    api = await startTestApi(engine, { credentialCacheMs: 60_000 });
    http = await listen(api);
  });
  afterAll(async () => {
    await http.close();
    await api.close();
  });

  it('reads a token used again and again from the database once', async () => {
    const secret = await api.createToken([Scope.SEGMENTS_READ]);
    const reads = await tokenReads(api, async () => {
      for (let i = 0; i < 5; i++) expect((await http.post(SEGMENTS, {}, bearer(secret))).status).toBe(200);
    });
    expect(reads).toBe(1);
  });

  it('refuses a revoked token on the very next request, though it was just used', async () => {
    const created = (await api.exec('mutation { createApiToken(input: { name: "Revoke me", scopes: [SEGMENTS_READ] }) { token { id } secret } }')).createApiToken;
    expect((await http.post(SEGMENTS, {}, bearer(created.secret))).status).toBe(200);
    await api.exec('mutation($id: ID!) { revokeApiToken(id: $id) { errors { code } } }', { id: created.token.id });
    const after = await http.post(SEGMENTS, {}, bearer(created.secret));
    expect(after.status).toBe(401);
    expect(after.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a token at its expiry, though it was checked a moment before', async () => {
    const secret = await api.createToken([Scope.SEGMENTS_READ], { expiresAt: new Date(Date.now() + 800) });
    expect((await http.post(SEGMENTS, {}, bearer(secret))).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect((await http.post(SEGMENTS, {}, bearer(secret))).status).toBe(401);
  });

  it('applies a change of the creator to the next request: demoted, deactivated, deleted', async () => {
    const contacts = '{ contacts(first: 1) { totalCount } }';
    const { user } = await api.createUser(UserRole.ADMIN);
    const id = (await api.exec('query { users(first: 500) { edges { node { id email } } } }')).users.edges.find((e: any) => e.node.email === user.email).node.id;
    const secret = await api.createToken([Scope.CRM_READ, Scope.SEGMENTS_READ], { creatorKey: user.key });
    expect((await http.post(contacts, {}, bearer(secret))).body.errors).toBeUndefined();
    await api.exec('mutation($id: ID!) { updateUser(id: $id, input: { role: VIEWER }) { errors { code } } }', { id });
    expect((await http.post(contacts, {}, bearer(secret))).body.errors[0].extensions.code).toBe('FORBIDDEN');
    await api.exec('mutation($id: ID!) { updateUser(id: $id, input: { active: false }) { errors { code } } }', { id });
    expect((await http.post(SEGMENTS, {}, bearer(secret))).status).toBe(401);

    const { user: other } = await api.createUser(UserRole.MARKETER);
    const otherId = (await api.exec('query { users(first: 500) { edges { node { id email } } } }')).users.edges.find((e: any) => e.node.email === other.email).node.id;
    const otherSecret = await api.createToken([Scope.SEGMENTS_READ], { creatorKey: other.key });
    expect((await http.post(SEGMENTS, {}, bearer(otherSecret))).status).toBe(200);
    expect((await api.exec('mutation($id: ID!) { deleteUser(id: $id) { errors { code } } }', { id: otherId })).deleteUser.errors).toEqual([]);
    expect((await http.post(SEGMENTS, {}, bearer(otherSecret))).status).toBe(401);
  });

  it('still records when a token was last used', async () => {
    const secret = await api.createToken([Scope.SEGMENTS_READ]);
    expect((await http.post(SEGMENTS, {}, bearer(secret))).status).toBe(200);
    const token = await api.db.fork().findOneOrFail(ApiToken, { hint: secret.slice(0, 8) });
    expect(token.lastUsedAt).toBeInstanceOf(Date);
  });

  it('sees a revocation made by another API process within CREDENTIAL_CACHE_MS', async () => {
    const other = await openDatabase(api.url);
    const otherApp = await createApp(other, { ...api.config, credentialCacheMs: 60_000 });
    // Two processes on one database: this one (here with a short cache) and the other one.
    const shortApp = await createApp(api.db, { ...api.config, credentialCacheMs: 300 });
    try {
      await new Promise<void>((resolve) => shortApp.httpServer.listen(0, '127.0.0.1', resolve));
      const base = `http://127.0.0.1:${(shortApp.httpServer.address() as { port: number }).port}/graphql`;
      const ask = (secret: string) => fetch(base, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer(secret) }, body: JSON.stringify({ query: SEGMENTS }) });
      const created = (await api.exec('mutation { createApiToken(input: { name: "Elsewhere", scopes: [SEGMENTS_READ] }) { token { id } secret } }')).createApiToken;
      expect((await ask(created.secret)).status).toBe(200);
      const revoked = await otherApp.apollo.executeOperation(
        { query: 'mutation($id: ID!) { revokeApiToken(id: $id) { errors { code } } }', variables: { id: created.token.id } },
        { contextValue: otherApp.contextFor(api.admin) },
      );
      expect(revoked.body.kind === 'single' && revoked.body.singleResult.errors).toBeFalsy();
      await new Promise((resolve) => setTimeout(resolve, 350));
      expect((await ask(created.secret)).status).toBe(401);
    } finally {
      await new Promise<void>((resolve) => (shortApp.httpServer.listening ? shortApp.httpServer.close(() => resolve()) : resolve()));
      await shortApp.apollo.stop();
      await otherApp.apollo.stop();
      await other.close();
    }
  });
});
