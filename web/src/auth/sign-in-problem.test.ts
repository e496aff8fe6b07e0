import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { signInProblem } from './sign-in-problem';

describe('signInProblem', () => {
  it('reads wrong credentials', () => {
    expect(signInProblem([{ code: 'SIGN_IN_FAILED' }])).toEqual({ kind: 'failed' });
  });

  it('turns the wait in seconds into whole minutes, at least one', () => {
    expect(signInProblem([{ code: 'TOO_MANY_ATTEMPTS', count: 840 }])).toEqual({ kind: 'tooMany', minutes: 14 });
    expect(signInProblem([{ code: 'TOO_MANY_ATTEMPTS', count: 61 }])).toEqual({ kind: 'tooMany', minutes: 2 });
    expect(signInProblem([{ code: 'TOO_MANY_ATTEMPTS', count: 5 }])).toEqual({ kind: 'tooMany', minutes: 1 });
  });

  it('tells an unreachable API from an API error', () => {
    expect(signInProblem([], { networkError: new Error('Failed to fetch'), response: undefined })).toEqual({ kind: 'unreachable' });
    expect(signInProblem([], { networkError: undefined, response: { status: 502 } })).toEqual({ kind: 'unreachable' });
    expect(signInProblem([], { graphQLErrors: [new GraphQLError('down', { extensions: { code: 'API_UNAVAILABLE' } })] })).toEqual({ kind: 'unreachable' });
    expect(signInProblem([], { networkError: undefined, response: { status: 200 } })).toEqual({ kind: 'apiError' });
  });
});
