import { useSyncExternalStore } from 'react';

const subscribe = () => unsubscribe;
function unsubscribe() {
  // Nothing to stop: the value never changes after hydration.
}

/**
 * False while rendering on the server and during hydration, true afterwards. Lets a component
 * render the same markup on both sides, then start browser-only work (such as a query to the
 * same-origin `/graphql`) without a hydration mismatch.
 */
export function useIsClient(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
