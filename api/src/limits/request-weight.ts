import { Kind, parse, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import type { ApiRequest } from '../common/http-request';

/**
 * What one /graphql request spends of the rate limit: each operation of a batch counts, and each
 * operation counts once per heavy read it asks for, so 30 aliased `previewSegment`s spend 30 points,
 * not 1 (the red team's name-extraction ran 30 previews a request).
 *
 * Heavy: a field that runs a count or page statement (HEAVY_FIELDS, or any field taking a `filter`).
 * Nested heavy fields are counted where they do the work: `previewSegment { memberCount
 * recipientCounts }` is 2, a heavy field with no heavy field under it is 1. Fragments count at each
 * spread. Cheap on the common path: a body naming no heavy field, and no `filter`, is not parsed.
 */
export const HEAVY_FIELDS = new Set(['previewSegment', 'memberCount', 'recipientCounts', 'members', 'recipients', 'entries', 'stopList', 'totalCount', 'segmentMembership']);
const MENTIONS_HEAVY = new RegExp(`\\b(${[...HEAVY_FIELDS, 'filter'].join('|')})\\b`);

/** Points for the whole request body (a JSON array is a batch): at least 1 per operation. */
export function weightOfBody(req: ApiRequest, maxTokens: number): number {
  const items: unknown[] = Array.isArray(req.body) ? req.body : [req.body];
  let points = 0;
  for (const item of items) points += weightOfOperation(item, maxTokens);
  return Math.max(1, points);
}

/**
 * Weights of the documents seen last, by operation name and text: clients send the same few
 * documents again and again, and parsing one costs more than the rest of this check.
 */
const WEIGHT_CACHE_SIZE = 500;
const weightCache = new Map<string, number>();

function weightOfOperation(item: unknown, maxTokens: number): number {
  const { query, operationName } = (item ?? {}) as { query?: unknown; operationName?: unknown };
  if (typeof query !== 'string' || !MENTIONS_HEAVY.test(query)) return 1;
  const key = `${maxTokens}\u0000${typeof operationName === 'string' ? operationName : ''}\u0000${query}`;
  let weight = weightCache.get(key);
  if (weight === undefined) {
    weight = weightOfDocument(query, operationName, maxTokens);
    if (weightCache.size >= WEIGHT_CACHE_SIZE) weightCache.delete(weightCache.keys().next().value!);
    weightCache.set(key, weight);
  }
  return weight;
}

function weightOfDocument(query: string, operationName: unknown, maxTokens: number): number {
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens, noLocation: true });
  } catch {
    return 1; // Apollo answers the syntax error itself
  }
  return Math.max(1, heavyReadsIn(document, typeof operationName === 'string' ? operationName : null));
}

/** Heavy reads in the operation that runs (the named one, or the heaviest when the name is missing). */
export function heavyReadsIn(document: DocumentNode, operationName: string | null): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const memo = new Map<string, number>();
  const count = (selectionSet: SelectionSetNode | undefined, visiting: Set<string>): number => {
    let total = 0;
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        const inner = count(selection.selectionSet, visiting);
        const heavy = HEAVY_FIELDS.has(selection.name.value) || selection.arguments?.some((arg) => arg.name.value === 'filter');
        total += inner > 0 ? inner : heavy ? 1 : 0;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        total += count(selection.selectionSet, visiting);
      } else {
        const name = selection.name.value;
        // A fragment spreading itself is invalid (validation refuses it); here it just counts 0.
        if (visiting.has(name)) continue;
        if (!memo.has(name)) {
          visiting.add(name);
          memo.set(name, count(fragments.get(name)?.selectionSet, visiting));
          visiting.delete(name);
        }
        total += memo.get(name)!;
      }
    }
    return total;
  };
  let heaviest = 0;
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const weight = count(definition.selectionSet, new Set());
    if (operationName !== null && definition.name?.value === operationName) return weight;
    heaviest = Math.max(heaviest, weight);
  }
  return heaviest;
}
