'use client';

import { Text } from '@mantine/core';
import { useCallback, useState } from 'react';

/** The last thing a page did ("“Web” renamed."), announced politely; the line keeps its height when empty. */
export function StatusLine({ message }: { message: string | null }) {
  return (
    <Text size="sm" c="teal.8" role="status" aria-live="polite" mih="1.5em" data-testid="status-line">
      {message ?? ''}
    </Text>
  );
}

export function useStatus(): [string | null, (message: string | null) => void] {
  const [message, setMessage] = useState<string | null>(null);
  const set = useCallback((next: string | null) => setMessage(next), []);
  return [message, set];
}
