import type { TestProject } from 'vitest/node';
import { ADMIN_EMAIL, ADMIN_PASSWORD, BASE_URL, SESSION_COOKIE } from './env';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The session secret of the administrator, for direct GraphQL requests (graphqlRequest). */
    adminSession: string;
  }
}

/**
 * Signs the administrator in once for the whole run, through the web app's /graphql proxy like a
 * browser, and hands the session to the test files: their direct API calls (set-up, checks
 * against the API) carry it. Browsers sign in through the login form themselves (signIn).
 */
export default async function setup(project: TestProject) {
  const response = await fetch(`${BASE_URL}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($input: LogInInput!) { logIn(input: $input) { viewer { passwordChangeRequired } errors { code message } } }',
      variables: { input: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } },
    }),
  }).catch((error: unknown) => {
    throw new Error(`e2e set-up: the web app at ${BASE_URL} does not answer (${String(error)})`);
  });
  const body = (await response.json()) as { data?: { logIn: { viewer: { passwordChangeRequired: boolean } | null; errors: Array<{ code: string; message: string }> } } };
  const payload = body.data?.logIn;
  if (!payload?.viewer) {
    throw new Error(
      `e2e set-up: ${ADMIN_EMAIL} could not sign in (${payload?.errors.map((e) => e.code).join(', ') || response.status}). ` +
        'Start the API with ADMIN_PASSWORD=<E2E_ADMIN_PASSWORD> on a fresh database (scripts/test.mjs does).',
    );
  }
  if (payload.viewer.passwordChangeRequired) throw new Error(`e2e set-up: ${ADMIN_EMAIL} still has a one-time password; start the API with ADMIN_PASSWORD on a fresh database.`);
  const session = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0]!)
    .find((pair) => pair.startsWith(`${SESSION_COOKIE}=`));
  if (!session) throw new Error('e2e set-up: signing in set no session cookie (is Set-Cookie lost in the web proxy?)');
  project.provide('adminSession', session.slice(SESSION_COOKIE.length + 1));
}
