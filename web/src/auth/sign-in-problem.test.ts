import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { signInProblem } from './sign-in-problem';

describe('signInProblem', () => {
  it('reads wrong credentials', () => {
    expect(signInProblem([{ code: 'SIGN_IN_FAILED' }])).toEqual({ kind: 'failed' });
  });

  it('turns a wait of a minute or more into whole minutes', () => {
    expect(signInProblem([{ code: 'TOO_MANY_ATTEMPTS', count: 840 }])).toEqual({ kind: 'tooMany', minutes: 14 });
    expect(signInProblem([{ code: 'TOO_MANY_ATTEMPTS', count: 61 }])).toEqual({ kind: 'tooMany', minutes: 2 });
    expect(signInProblem([{ code: 'TOO_MANY_ATTEMPTS', count: 60 }])).toEqual({ kind: 'tooMany', minutes: 1 });
  });

  // Progressive delays hold the next try for 1 s, 2 s, 4 s…: "1 minute" for a 1-second hold misled people.
  it('says a shorter wait in seconds, at least one', () => {
    expect(signInProblem([{ code: 'TOO_MANY_ATTEMPTS', count: 1 }])).toEqual({ kind: 'tooManySeconds', seconds: 1 });
    expect(signInProblem([{ code: 'TOO_MANY_ATTEMPTS', count: 32 }])).toEqual({ kind: 'tooManySeconds', seconds: 32 });
    expect(signInProblem([{ code: 'TOO_MANY_ATTEMPTS', count: 0.2 }])).toEqual({ kind: 'tooManySeconds', seconds: 1 });
  });

  it('tells an unreachable API from an API error', () => {
    expect(signInProblem([], { networkError: new Error('Failed to fetch'), response: undefined })).toEqual({ kind: 'unreachable' });
    expect(signInProblem([], { networkError: undefined, response: { status: 502 } })).toEqual({ kind: 'unreachable' });
    expect(signInProblem([], { graphQLErrors: [new GraphQLError('down', { extensions: { code: 'API_UNAVAILABLE' } })] })).toEqual({ kind: 'unreachable' });
    expect(signInProblem([], { networkError: undefined, response: { status: 200 } })).toEqual({ kind: 'apiError' });
  });
});
