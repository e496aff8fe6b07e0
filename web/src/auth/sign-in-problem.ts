import type { CombinedError } from '@urql/core';

/** Why signing in did not work, in the terms the login form explains. */
export type SignInProblem = { kind: 'failed' } | { kind: 'tooMany'; minutes: number } | { kind: 'tooManySeconds'; seconds: number } | { kind: 'unreachable' } | { kind: 'apiError' };

/**
 * The login form's reading of an answer without a viewer: wrong credentials, too many attempts
 * (the UserError's `count` is the wait in seconds: under a minute in seconds — a wrong password holds
 * the next try for a second or more — else in whole minutes), or no usable answer.
 */
export function signInProblem(
  errors: ReadonlyArray<{ code: string; count?: number | null }>,
  error?: Partial<Pick<CombinedError, 'networkError' | 'response' | 'graphQLErrors'>> | null,
): SignInProblem {
  const tooMany = errors.find((e) => e.code === 'TOO_MANY_ATTEMPTS');
  if (tooMany && (tooMany.count ?? 60) < 60) return { kind: 'tooManySeconds', seconds: Math.max(1, Math.ceil(tooMany.count ?? 1)) };
  if (tooMany) return { kind: 'tooMany', minutes: Math.max(1, Math.ceil((tooMany.count ?? 60) / 60)) };
  if (errors.some((e) => e.code === 'SIGN_IN_FAILED')) return { kind: 'failed' };
  // The web server answers 502 when it cannot reach the API; fetch fails when the web server is gone.
  const status = (error?.response as { status?: number } | undefined)?.status;
  const proxyDown = (error?.graphQLErrors ?? []).some((e) => e.extensions?.code === 'API_UNAVAILABLE');
  if (error?.networkError || proxyDown || status === 502 || status === 503 || status === 504) return { kind: 'unreachable' };
  return { kind: 'apiError' };
}
