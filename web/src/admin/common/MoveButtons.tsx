'use client';

import { ActionIcon, Group } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslations } from 'use-intl';

/**
 * Up / down buttons for one row of an ordered list. Moving re-renders the row elsewhere; the button
 * used keeps the focus there (or its twin, at an end of the list), so a keyboard user can press it
 * again. While a move is saved the buttons ignore presses but stay focusable (`aria-disabled`).
 */
export function MoveButtons({ name, index, count, busy, onMove }: { name: string; index: number; count: number; busy?: boolean; onMove: (delta: -1 | 1) => void }) {
  const t = useTranslations('admin');
  const up = useRef<HTMLButtonElement>(null);
  const down = useRef<HTMLButtonElement>(null);
  const moved = useRef<-1 | 1 | null>(null);
  const first = index === 0;
  const last = index === count - 1;

  useEffect(() => {
    if (moved.current === null) return;
    const wanted = moved.current === -1 ? (first ? down : up) : last ? up : down;
    moved.current = null;
    wanted.current?.focus();
  }, [index, first, last]);

  const press = (delta: -1 | 1) => {
    if (busy || (delta === -1 ? first : last)) return;
    moved.current = delta;
    onMove(delta);
  };
  return (
    <Group gap={4} wrap="nowrap">
      <ActionIcon
        ref={up}
        variant="default"
        size="md"
        aria-label={t('moveUp', { name })}
        aria-disabled={first || busy || undefined}
        data-disabled={first || undefined}
        onClick={() => press(-1)}
        data-testid="move-up"
      >
        <span aria-hidden="true">↑</span>
      </ActionIcon>
      <ActionIcon
        ref={down}
        variant="default"
        size="md"
        aria-label={t('moveDown', { name })}
        aria-disabled={last || busy || undefined}
        data-disabled={last || undefined}
        onClick={() => press(1)}
        data-testid="move-down"
      >
        <span aria-hidden="true">↓</span>
      </ActionIcon>
    </Group>
  );
}
