'use client';

import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { useQuery, type CombinedError } from 'urql';
import type { MeQuery as MeQueryResult, Scope } from '@/graphql/gql/graphql';
import { useIsClient } from '@/lib/useIsClient';
import { mayUse } from './access';
import { MeQuery } from './auth.query';

export type Viewer = NonNullable<MeQueryResult['me']>;

/** Who is signed in: not known yet (server render, first request), nobody, someone, or the API did not answer. */
export type ViewerState =
  { status: 'loading'; viewer: null } | { status: 'signedOut'; viewer: null } | { status: 'signedIn'; viewer: Viewer } | { status: 'failed'; viewer: null; error: CombinedError; retry: () => void };

const ViewerContext = createContext<ViewerState>({ status: 'loading', viewer: null });

/**
 * Asks the API once per page load who is signed in (`me`), for the header and for every part of
 * the UI that shows or hides by scope. The API stays the authority: hiding only spares people
 * buttons that would be refused.
 */
export function ViewerProvider({ children }: { children: ReactNode }) {
  const isClient = useIsClient();
  const [{ data, error }, reexecute] = useQuery({ query: MeQuery, pause: !isClient, requestPolicy: 'network-only' });
  const retry = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const state = useMemo((): ViewerState => {
    if (data) return data.me ? { status: 'signedIn', viewer: data.me } : { status: 'signedOut', viewer: null };
    if (error) return { status: 'failed', viewer: null, error, retry };
    return { status: 'loading', viewer: null };
  }, [data, error, retry]);
  return <ViewerContext.Provider value={state}>{children}</ViewerContext.Provider>;
}

export function useViewer(): ViewerState {
  return useContext(ViewerContext);
}

/** The signed-in viewer's scopes (none while unknown). */
export function useScopes(): readonly Scope[] {
  const { viewer } = useViewer();
  return viewer?.scopes ?? NO_SCOPES;
}

const NO_SCOPES: readonly Scope[] = [];

/** Whether the viewer holds one of these scopes, e.g. `useCan('SEGMENTS_WRITE')` before offering "Save". */
export function useCan(...anyOf: Scope[]): boolean {
  return mayUse(useScopes(), anyOf);
}
