import { getNamedType, isEnumType, isObjectType, Kind, type FieldNode, type GraphQLNamedType, type SelectionNode } from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';

/**
 * The cost model, from the schema's shape alone (no annotations on resolvers, so a new connection
 * or count is priced the day it is added):
 *
 * - every field costs 1 plus what it selects;
 * - a connection (a type with `edges` and `pageInfo`) costs 1 + `first`/`last` (default: the page
 *   size the server uses when neither is given) × what one edge selects, plus `totalCount` and
 *   `pageInfo` once: nested connections multiply, so `first: 500` inside `first: 500` is 250,000
 *   rows and is refused. A `first` above MAX_PAGE_SIZE counts as MAX_PAGE_SIZE: the connection
 *   itself refuses it with a clearer message (INVALID, "first must be between 0 and 500");
 * - a count (`totalCount`, a `LiveCount`, each channel of `recipientCounts`) costs COUNT_COST,
 *   since it reads every matching row where a page reads a few.
 */
export const COUNT_COST = 100;
/** The page size a connection returns when the operation gives neither `first` nor `last` (see common/paging.ts). */
export const DEFAULT_PAGE_SIZE = 50;

const COUNT_TYPES = new Set(['LiveCount', 'RecipientCount']);

export function isConnectionType(type: GraphQLNamedType): boolean {
  if (!isObjectType(type)) return false;
  const fields = type.getFields();
  return 'edges' in fields && 'pageInfo' in fields;
}

function pageSizeOf(args: Record<string, unknown>, maxPageSize: number): number {
  const size = Number(args.first ?? args.last ?? DEFAULT_PAGE_SIZE);
  return Number.isFinite(size) && size > 0 ? Math.min(size, maxPageSize) : 0;
}

/**
 * What a connection's own selections cost once per page (not per edge): `totalCount` and a plain
 * `pageInfo { … }`. Only selections the cost walk certainly counted are taken out (no directives,
 * no fragments), so a query can never make its edges look cheaper than they are.
 */
function oncePerPage(node: FieldNode): number {
  let once = 0;
  for (const selection of node.selectionSet?.selections ?? []) {
    if (selection.kind !== Kind.FIELD || selection.directives?.length) continue;
    if (selection.name.value === 'totalCount') once += COUNT_COST;
    if (selection.name.value === 'pageInfo' && isPlainLeafSelection(selection.selectionSet?.selections ?? [])) {
      once += 1 + (selection.selectionSet?.selections.length ?? 0);
    }
  }
  return once;
}

function isPlainLeafSelection(selections: readonly SelectionNode[]): boolean {
  return selections.every((s) => s.kind === Kind.FIELD && !s.directives?.length && !s.selectionSet);
}

/** One estimator for every field: the rules above. */
export const connectionCostEstimator =
  (maxPageSize: number): ComplexityEstimator =>
  ({ field, type, node, args, childComplexity }) => {
    const named = getNamedType(field.type);
    if (field.name === 'totalCount' && isConnectionType(type as GraphQLNamedType)) return COUNT_COST;
    if (COUNT_TYPES.has(named.name)) {
      // recipientCounts(channels): one count per channel asked, every channel when none is given.
      const channelsArg = field.args.find((arg) => arg.name === 'channels');
      const channelType = channelsArg ? getNamedType(channelsArg.type) : null;
      const counts = Array.isArray(args.channels) ? args.channels.length : channelType && isEnumType(channelType) ? channelType.getValues().length : 1;
      return counts * (COUNT_COST + childComplexity);
    }
    if (isConnectionType(named)) {
      const once = oncePerPage(node);
      const perEdge = Math.max(0, childComplexity - once);
      return 1 + once + pageSizeOf(args, maxPageSize) * perEdge;
    }
    return 1 + childComplexity;
  };
