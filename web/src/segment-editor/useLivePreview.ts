'use client';

import { useDebouncedValue } from '@mantine/hooks';
import { useMemo } from 'react';
import { useQuery } from 'urql';
import type { SegmentDefinitionInput } from '@/graphql/gql/graphql';
import { PreviewCountsQuery } from './editor.query';

/** How long the definition must rest before it is counted: typing a value does not send a request per key. */
export const COUNT_DEBOUNCE_MS = 450;

/**
 * Live counts of the definition being edited. Requests wait for the edits to settle; a newer
 * definition replaces the request in flight (urql tears the old operation down, which aborts its
 * fetch), and the last answer stays shown, marked as counting, until the new one arrives.
 */
export function useLivePreview(definition: SegmentDefinitionInput, pause: boolean) {
  const key = JSON.stringify(definition);
  const [settledKey] = useDebouncedValue(key, COUNT_DEBOUNCE_MS);
  const settled = useMemo(() => JSON.parse(settledKey) as SegmentDefinitionInput, [settledKey]);
  const [{ data, fetching, error, operation }] = useQuery({ query: PreviewCountsQuery, variables: { input: settled }, pause, requestPolicy: 'network-only' });
  const answeredKey = operation ? JSON.stringify(operation.variables.input) : null;
  const counting = !pause && (key !== settledKey || fetching || answeredKey !== settledKey);
  return { preview: data?.previewSegment ?? null, counting, error, settled };
}
