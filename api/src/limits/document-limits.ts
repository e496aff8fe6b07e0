import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { getOperationAST, getVariableValues, GraphQLError, validate, type DocumentNode, type GraphQLFormattedError, type GraphQLSchema, type ValidationContext, type ValidationRule } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import type { GraphqlLimits } from '../config';
import { LimitCode, limitError } from './limit-error';
import { connectionCostEstimator } from './query-cost';

/**
 * GraphQL document limits, checked after the document is parsed and validated and before any
 * resolver runs. Depth, aliases and directives depend on the document alone: they are checked
 * once per document (Apollo hands the same parsed document back for a repeated query). The cost
 * depends on the variables (`first: $first`), so it is computed for every request.
 *
 * Tokens are counted while parsing (graphql-js's `maxTokens`): a huge document is cut off before
 * it is parsed or validated at all. Apollo reports that as a parse failure; `withLimitCode` gives
 * it its own code.
 */

type ArmorRejection = (context: ValidationContext | null, error: GraphQLError) => void;

/** The armor rules report a typed error of ours instead of their generic "Syntax Error: …". */
function reportAs(code: LimitCode, advice: string): { propagateOnRejection: false; onReject: ArmorRejection[] } {
  return {
    propagateOnRejection: false,
    onReject: [
      (context, error) => {
        const found = error.message.replace(/^Syntax Error: /, '');
        context?.reportError(limitError(code, `${found} ${advice}`, { status: 400 }));
      },
    ],
  };
}

export function documentLimitRules(limits: GraphqlLimits): ValidationRule[] {
  return [
    maxDepthRule({ n: limits.maxDepth, ...reportAs(LimitCode.QUERY_TOO_DEEP, 'Select fewer levels of nested fields, or split the query (GRAPHQL_MAX_DEPTH).') }),
    maxAliasesRule({ n: limits.maxAliases, ...reportAs(LimitCode.TOO_MANY_ALIASES, 'Use fewer aliased fields, or send several requests (GRAPHQL_MAX_ALIASES).') }),
    maxDirectivesRule({ n: limits.maxDirectives, ...reportAs(LimitCode.TOO_MANY_DIRECTIVES, 'Use fewer @include/@skip directives (GRAPHQL_MAX_DIRECTIVES).') }),
  ] as ValidationRule[];
}

export interface OperationToCheck {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/** The cost of the operation that would run (see query-cost.ts). */
export function operationCost({ schema, document, operationName, variables }: OperationToCheck, maxPageSize: number): number {
  const estimators = [connectionCostEstimator(maxPageSize)];
  return getComplexity({ schema, query: document, operationName: operationName ?? undefined, variables: variables ?? {}, estimators });
}

/** The limits a document is checked against; MAX_PAGE_SIZE caps what one `first` can add to the cost. */
export type DocumentLimits = GraphqlLimits & { maxPageSize: number };

/**
 * Every limit the document breaks (empty: it may run). The test over the app's own operations and
 * the Apollo plugin both call this, so what the tests pass is what the server accepts.
 */
export function checkDocumentLimits(operation: OperationToCheck, limits: DocumentLimits, staticCache?: WeakMap<DocumentNode, readonly GraphQLError[]>): GraphQLError[] {
  let structural = staticCache?.get(operation.document);
  if (!structural) {
    structural = validate(operation.schema, operation.document, documentLimitRules(limits));
    staticCache?.set(operation.document, structural);
  }
  if (structural.length) return [...structural];
  // Variables that do not fit the operation: execution refuses them before any resolver runs.
  const definition = getOperationAST(operation.document, operation.operationName);
  if (!definition || getVariableValues(operation.schema, definition.variableDefinitions ?? [], operation.variables ?? {}).errors) return [];
  let cost: number;
  try {
    cost = operationCost(operation, limits.maxPageSize);
  } catch {
    // The walk gives up on documents that expand to more than 10,000 fields (fragments spread many times).
    cost = Infinity;
  }
  if (cost <= limits.maxCost) return [];
  return [
    limitError(
      LimitCode.QUERY_TOO_COSTLY,
      `This query would cost ${cost}; the limit is ${limits.maxCost}. Connections multiply what they select by "first"/"last" (50 when not given): ask for smaller pages, fewer nested connections or fewer counts (GRAPHQL_MAX_COST).`,
      { status: 400, details: { cost, maxCost: limits.maxCost } },
    ),
  ];
}

/** Refuses an operation that breaks a limit before it executes (HTTP 400, the limit's own code). */
export function documentLimitsPlugin(limits: DocumentLimits): ApolloServerPlugin {
  const checked = new WeakMap<DocumentNode, readonly GraphQLError[]>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request }) {
          const [first] = checkDocumentLimits({ schema, document, operationName: request.operationName, variables: request.variables }, limits, checked);
          if (first) throw first;
        },
      };
    },
  };
}

/** graphql-js's own message when `maxTokens` cuts a document off (16.x spells it "more that"). */
const TOKEN_LIMIT_MESSAGE = /Document contains more tha[nt] (\d+) tokens/;

/**
 * For formatError: Apollo reports graphql-js's token cut-off as GRAPHQL_PARSE_FAILED; clients get
 * TOO_MANY_TOKENS and a message that says what to do. Other errors pass unchanged.
 */
export function withLimitCode(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const match = formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED' ? TOKEN_LIMIT_MESSAGE.exec(formatted.message) : null;
  if (!match) return formatted;
  return {
    message: `The query has more than ${match[1]} tokens (names, punctuation, values). Send large values such as filters and import text as variables, or split the query (GRAPHQL_MAX_TOKENS).`,
    extensions: { ...formatted.extensions, code: LimitCode.TOO_MANY_TOKENS },
  };
}
