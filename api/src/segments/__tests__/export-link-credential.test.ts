import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/api';
import { engines } from '../../../test/databases';
import { Scope } from '../../auth/actor';
import { cookieOf, listen } from '../../auth/__tests__/http-client';
import { UserSession } from '../../auth/user-session.entity';
import { UserRole } from '../../users/user.entity';

const LOG_IN = 'mutation($e: String!, $p: String!) { logIn(input: { email: $e, password: $p }) { errors { code } } }';
const EXPORT_URL = 'query($id: ID!) { segment(id: $id) { exportUrl(channel: EMAIL) } }';

/** Export links are signed for the session or token that asked, and die with it (over HTTP). */
describe.each(engines)('export links bound to their credential on %s', (engine) => {
  let api: TestApi;
  let http: Awaited<ReturnType<typeof listen>>;
  let segment: string;
  let marketer: { email: string; password: string; key: number };

  beforeAll(async () => {
    api = await startTestApi(engine);
    http = await listen(api);
    await api.exec('mutation { createContact(input: { firstName: "Ana", city: "Kraków", communications: [{ channel: EMAIL, value: "ana@example.com" }] }) { errors { code } } }');
    segment = (
      await api.exec(
        'mutation { createSegment(input: { name: "Everyone", filter: { combinator: AND, rules: [{ rule: { field: "client.city", operator: EQ, value: { string: "Kraków" } } }] } }) { segment { id } } }',
      )
    ).createSegment.segment.id;
    const { user, password } = await api.createUser(UserRole.MARKETER);
    marketer = { email: user.email!, password, key: user.key };
  });
  afterAll(async () => {
    await http.close();
    await api.close();
  });

  const signIn = async () => cookieOf((await http.post(LOG_IN, { e: marketer.email, p: marketer.password })).setCookies[0]);
  const linkFor = async (headers: Record<string, string>) => (await http.post(EXPORT_URL, { id: segment }, headers)).body.data.segment.exportUrl as string;
  const download = async (link: string) => {
    const response = await fetch(http.base + link);
    return { status: response.status, body: await response.text() };
  };

  it('refuses the link of a session once it signs out, while another session of the same user keeps its own', async () => {
    const first = await signIn();
    const second = await signIn();
    const link = await linkFor({ cookie: first });
    const other = await linkFor({ cookie: second });
    expect(link).toMatch(/&by=session%3A\d+&/);
    const before = await download(link);
    expect(before.status).toBe(200);
    expect(before.body).toContain('ana@example.com');
    expect((await http.post('mutation { logOut }', {}, { cookie: first })).body.data.logOut).toBe(true);
    const after = await download(link);
    expect(after.status).toBe(401);
    expect(JSON.parse(after.body)).toEqual({ errors: [{ code: 'UNAUTHENTICATED', message: expect.stringMatching(/session or API token that asked for this link has ended/) }] });
    expect(after.body).not.toContain('ana@example.com');
    expect((await download(other)).status).toBe(200);
  });

  it('refuses the link of a session that has expired', async () => {
    const cookie = await signIn();
    const link = await linkFor({ cookie });
    expect((await download(link)).status).toBe(200);
    await api.db.fork().nativeUpdate(UserSession, { user: marketer.key }, { expiresAt: new Date(Date.now() - 1000) });
    expect((await download(link)).status).toBe(401);
  });

  it('refuses the link of a token once it is revoked', async () => {
    const secret = await api.createToken([Scope.SEGMENTS_READ, Scope.RECIPIENTS_READ]);
    const link = await linkFor({ authorization: `Bearer ${secret}` });
    expect(link).toMatch(/&by=token%3A\d+&/);
    expect((await download(link)).status).toBe(200);
    const tokenId = (await api.exec('{ apiTokens { id hint } }')).apiTokens.find((t: any) => secret.startsWith(t.hint)).id;
    expect((await api.exec('mutation($id: ID!) { revokeApiToken(id: $id) { errors { code } } }', { id: tokenId })).revokeApiToken.errors).toEqual([]);
    const refused = await download(link);
    expect(refused.status).toBe(401);
    expect(JSON.parse(refused.body).errors[0].code).toBe('UNAUTHENTICATED');
  });
});
