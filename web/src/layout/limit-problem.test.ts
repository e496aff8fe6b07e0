import { CombinedError } from 'urql';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { limitProblem } from './limit-problem';

const withCode = (code: string) => new CombinedError({ graphQLErrors: [new GraphQLError('x', { extensions: { code } })] });

describe('limitProblem', () => {
  it('tells a stopped count, a rate limit and a busy server from other errors', () => {
    expect(limitProblem(withCode('QUERY_TIMEOUT'))).toBe('timedOut');
    expect(limitProblem(withCode('RATE_LIMITED'))).toBe('rateLimited');
    expect(limitProblem(withCode('SERVER_BUSY'))).toBe('busy');
    expect(limitProblem(withCode('INTERNAL_SERVER_ERROR'))).toBeNull();
    expect(limitProblem(new CombinedError({ networkError: new Error('down') }))).toBeNull();
    expect(limitProblem(null)).toBeNull();
  });
});
