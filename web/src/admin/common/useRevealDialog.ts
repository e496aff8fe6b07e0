'use client';

import { useCallback, useState } from 'react';

/**
 * A dialog that shows a secret once. Closing starts the dialog's exit animation with its content
 * still in place; the secret is dropped from memory when the animation ends (`forget`).
 */
export function useRevealDialog<T>() {
  const [value, setValue] = useState<T | null>(null);
  const [opened, setOpened] = useState(false);
  const show = useCallback((next: T) => {
    setValue(next);
    setOpened(true);
  }, []);
  const close = useCallback(() => setOpened(false), []);
  const forget = useCallback(() => setValue(null), []);
  return { value, opened: opened && value !== null, show, close, forget };
}

export type RevealDialog<T> = ReturnType<typeof useRevealDialog<T>>;
