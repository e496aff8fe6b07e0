import type { CombinedError } from 'urql';
import { errorCodes } from '@/auth/auth-exchange';

/** The API's limits a person can act on: a count stopped by the time limit, too many requests, or a server busy with other counts. */
export type LimitProblem = 'timedOut' | 'rateLimited' | 'busy';

/** Which limit refused the request, if one did (from the GraphQL errors' `extensions.code`, or HTTP 429). */
export function limitProblem(error: CombinedError | Error | null | undefined): LimitProblem | null {
  if (!error || !('graphQLErrors' in error)) return null;
  const codes = errorCodes(error);
  if (codes.includes('QUERY_TIMEOUT')) return 'timedOut';
  const status = (error.response as { status?: number } | undefined)?.status;
  if (codes.includes('RATE_LIMITED') || status === 429) return 'rateLimited';
  // Too many counts and pages running (for this user, or in all): retry in a moment.
  if (codes.includes('SERVER_BUSY')) return 'busy';
  return null;
}
