import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, visit, type DocumentNode } from 'graphql';
import type { Context } from './context';
import { UserErrorCode } from '../common/user-error';

/**
 * Properties of request input that no resolver can defend on its own, checked once before
 * execution (found by the attack tests, test/attack); besides these two, an operation type the
 * schema does not have (a subscription) is refused here:
 *
 * - Nesting depth of the variables. graphql-js coerces variables recursively: a filter nested a
 *   thousand groups deep overflows the stack before the filter's own TOO_DEEP check runs, and
 *   the client got INTERNAL_SERVER_ERROR. Legitimate input stays far below the limit (a filter
 *   at the deepest the filter engine allows is about three JSON levels per group).
 * - The NUL character (U+0000). PostgreSQL cannot store or compare it in text ("invalid byte
 *   sequence for encoding UTF8: 0x00"), so any text value with it failed there with an internal
 *   error, while SQLite took it. Refusing it on both engines keeps them alike; in practice it
 *   comes from a UTF-16 file read as UTF-8, which the message says.
 */
export function maxInputDepth(filterMaxDepth: number): number {
  return Math.max(64, filterMaxDepth * 3 + 16);
}

const NUL = '\u0000';

function refused(message: string, path: Array<string | number>): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code: 'BAD_USER_INPUT',
      problems: [{ path: path.map(String), code: UserErrorCode.INVALID, message }],
      // Thrown before execution: without a status Apollo would answer 500.
      http: { status: 400 },
    },
  });
}

const nulMessage = 'Text may not contain the NUL character (U+0000). A file saved as UTF-16 is full of them: save it as UTF-8 and try again.';

/** The first problem of a variables object, walked without recursion (it may be arbitrarily deep). */
export function inputProblem(variables: unknown, maxDepth: number): GraphQLError | null {
  const stack: Array<{ value: unknown; path: Array<string | number> }> = [{ value: variables, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes(NUL)) return refused(nulMessage, ['variables', ...path]);
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= maxDepth) return refused(`The input nests deeper than ${maxDepth} levels.`, ['variables', ...path.slice(0, 8), '…']);
    for (const [key, child] of Object.entries(value)) {
      if (key.includes(NUL)) return refused(nulMessage, ['variables', ...path]);
      stack.push({ value: child, path: [...path, Array.isArray(value) ? Number(key) : key] });
    }
  }
  return null;
}

export function inputGuard(maxDepth: number): ApolloServerPlugin<Context> {
  const literalsWithNul = new WeakMap<DocumentNode, boolean>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation, schema }) {
          // graphql-js validates `subscription { … }` against a schema without subscriptions and only
          // fails when executing it, with an error that has no code (an internal error until now).
          if (operation && !schema.getRootType(operation.operation)) {
            throw new GraphQLError(`This API has no ${operation.operation} operations.`, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } });
          }
          const problem = inputProblem(request.variables ?? {}, maxDepth);
          if (problem) throw problem;
          // Inline literals: the parser already bounds their depth; NUL can arrive as "\u0000".
          // A property of the document alone: walked once per parsed document (Apollo hands the
          // same one back for a repeated query), not per request.
          let hasNul = literalsWithNul.get(document);
          if (hasNul === undefined) {
            hasNul = false;
            visit(document, {
              [Kind.STRING]: (node) => {
                if (node.value.includes(NUL)) hasNul = true;
              },
            });
            literalsWithNul.set(document, hasNul);
          }
          if (hasNul) throw refused(nulMessage, ['query']);
        },
      };
    },
  };
}
