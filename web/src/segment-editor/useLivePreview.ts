'use client';

import { useDebouncedValue } from '@mantine/hooks';
import { useMemo } from 'react';
import { useQuery } from 'urql';
import type { FigureSource, MembershipState, SegmentDefinitionInput } from '@/graphql/gql/graphql';
import { PreviewCountsQuery, SavedCountsQuery } from './editor.query';

/** How fresh a saved segment's figures are (an unsaved definition's are always counted now). */
export interface Freshness {
  source: FigureSource;
  exact: boolean;
  asOf: string;
  state: MembershipState;
}

/** How long the definition must rest before it is counted: typing a value does not send a request per key. */
export const COUNT_DEBOUNCE_MS = 450;

/**
 * Live counts of the definition being edited. Requests wait for the edits to settle; a newer
 * definition replaces the request in flight (urql tears the old operation down, which aborts its
 * fetch), and the last answer stays shown, marked as counting, until the new one arrives.
 * `savedSegmentId`: the definition is that saved segment's, unchanged, so the segment itself is
 * counted (the API lets a viewer count a saved segment it may not compose; see FIELD_NOT_ALLOWED).
 */
export function useLivePreview(definition: SegmentDefinitionInput, pause: boolean, savedSegmentId: string | null = null) {
  const key = JSON.stringify(definition);
  const [settledKey] = useDebouncedValue(key, COUNT_DEBOUNCE_MS);
  const settled = useMemo(() => JSON.parse(settledKey) as SegmentDefinitionInput, [settledKey]);
  const [{ data, fetching, error, operation }] = useQuery({ query: PreviewCountsQuery, variables: { input: settled }, pause: pause || savedSegmentId !== null, requestPolicy: 'network-only' });
  const [saved] = useQuery({ query: SavedCountsQuery, variables: { id: savedSegmentId ?? '' }, pause: pause || savedSegmentId === null, requestPolicy: 'network-only' });
  if (savedSegmentId !== null) {
    const segment = saved.data?.segment;
    const preview = segment ? { errors: [], memberCount: segment.memberCount, recipientCounts: segment.recipientCounts } : null;
    // Where a saved segment's figures come from: its maintained membership, or counted live while it builds.
    const freshness: Freshness | null =
      segment?.memberCount && segment.membership ? { source: segment.memberCount.source, exact: segment.memberCount.exact, asOf: segment.memberCount.asOf, state: segment.membership.state } : null;
    return { preview, freshness, counting: !pause && (saved.fetching || !saved.data), error: saved.error, settled };
  }
  const answeredKey = operation ? JSON.stringify(operation.variables.input) : null;
  const counting = !pause && (key !== settledKey || fetching || answeredKey !== settledKey);
  return { preview: data?.previewSegment ?? null, freshness: null, counting, error, settled };
}
