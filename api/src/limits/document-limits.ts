import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { getOperationAST, getVariableValues, GraphQLError, validate, type DocumentNode, type GraphQLFormattedError, type GraphQLSchema, type ValidationContext, type ValidationRule } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import type { GraphqlLimits } from '../config/config';
import { LimitCode, limitError } from '../errors/limit-error';
import { connectionCostEstimator } from './query-cost';

/**
 * GraphQL document limits, checked after the document is parsed and validated and before any
 * resolver runs. Depth, aliases and directives depend on the document alone: they are checked
 * once per document (Apollo hands the same parsed document back for a repeated query). The cost
 * depends on the variables (`first: $first`): it is computed once per document and shape of the
 * variables (about 0.05-0.2 ms for the client's operations; a remembered one costs a few µs).
 *
 * Tokens are counted while parsing (graphql-js's `maxTokens`): a huge document is cut off as soon
 * as it passes the limit and never validated. That also bounds graphql-js's own validation, which
 * runs before these checks and is quadratic in the fields of one selection (the worst document of
 * 2,000 tokens measured took about 25 ms to validate). Apollo reports the cut-off as a parse
 * failure; `withLimitCode` gives it its own code.
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
 * What the server remembers between requests: the structural verdict per document, and the cost
 * per document and shape of the variables (see costKey). Both are keyed by the parsed document,
 * which Apollo hands back for a repeated query, so they go when Apollo forgets the document.
 */
export interface LimitCache {
  structural: WeakMap<DocumentNode, readonly GraphQLError[]>;
  costs: WeakMap<DocumentNode, Map<string, number>>;
}

export function newLimitCache(): LimitCache {
  return { structural: new WeakMap(), costs: new WeakMap() };
}

/** Costs remembered per document: pages of one list share one; more shapes than this start over. */
const COST_SHAPES_PER_DOCUMENT = 64;

/**
 * The cost depends on numbers (`first`, `last`), booleans (`@include(if:)`) and list lengths
 * (`recipientCounts(channels:)`) among the variables, never on the text of a string: with strings
 * blanked, the pages of one list (only the `after` cursor changes) share one key.
 */
function costKey(operationName: string | null | undefined, variables: Record<string, unknown> | null | undefined): string {
  return `${operationName ?? ''}\u0000${JSON.stringify(variables ?? {}, (_key, value: unknown) => (typeof value === 'string' ? '' : value))}`;
}

function costOf(operation: OperationToCheck, limits: DocumentLimits): number | null {
  // Variables that do not fit the operation: execution refuses them before any resolver runs.
  const definition = getOperationAST(operation.document, operation.operationName);
  if (!definition || getVariableValues(operation.schema, definition.variableDefinitions ?? [], operation.variables ?? {}).errors) return null;
  try {
    return operationCost(operation, limits.maxPageSize);
  } catch {
    // The walk gives up on documents that expand to more than 10,000 fields (fragments spread many times).
    return Infinity;
  }
}

/**
 * Every limit the document breaks (empty: it may run). The test over the app's own operations and
 * the Apollo plugin both call this, so what the tests pass is what the server accepts.
 */
export function checkDocumentLimits(operation: OperationToCheck, limits: DocumentLimits, cache: LimitCache = newLimitCache()): GraphQLError[] {
  let structural = cache.structural.get(operation.document);
  if (!structural) {
    structural = validate(operation.schema, operation.document, documentLimitRules(limits));
    cache.structural.set(operation.document, structural);
  }
  if (structural.length) return [...structural];

  let costs = cache.costs.get(operation.document);
  if (!costs) cache.costs.set(operation.document, (costs = new Map<string, number>()));
  const key = costKey(operation.operationName, operation.variables);
  let cost = costs.get(key);
  if (cost === undefined) {
    const computed = costOf(operation, limits);
    if (computed === null) return [];
    if (costs.size >= COST_SHAPES_PER_DOCUMENT) costs.clear();
    costs.set(key, (cost = computed));
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
  const cache = newLimitCache();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request }) {
          const [first] = checkDocumentLimits({ schema, document, operationName: request.operationName, variables: request.variables }, limits, cache);
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
