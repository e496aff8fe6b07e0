'use client';

import { Button, Group, Text, TextInput } from '@mantine/core';
import { useState, type KeyboardEvent } from 'react';
import { useTranslations } from 'use-intl';

/**
 * A name that turns into an input on "Rename": Enter or Save stores it, Escape or Cancel leaves it.
 * `onSave` answers an error text to show under the input, or null when stored.
 */
export function InlineRename({ value, onSave, testId }: { value: string; onSave: (name: string) => Promise<string | null>; testId?: string }) {
  const t = useTranslations('admin');
  const tc = useTranslations('app.common');
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const cancel = () => {
    setDraft(null);
    setError(null);
  };
  const save = async () => {
    if (draft === null) return;
    if (draft.trim() === value) return cancel();
    setBusy(true);
    const problem = await onSave(draft.trim());
    setBusy(false);
    if (problem) setError(problem);
    else cancel();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void save();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      cancel();
    }
  };

  if (draft === null) {
    return (
      <Group gap="xs" wrap="nowrap" justify="space-between">
        <Text size="sm" fw={500} style={{ minWidth: 0, overflowWrap: 'anywhere' }} data-testid={testId ? `${testId}-name` : undefined}>
          {value}
        </Text>
        <Button
          size="compact-xs"
          variant="subtle"
          style={{ flexShrink: 0 }}
          onClick={() => setDraft(value)}
          aria-label={t('renameLabel', { name: value })}
          data-testid={testId ? `${testId}-rename` : undefined}
        >
          {tc('rename')}
        </Button>
      </Group>
    );
  }
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap">
      <TextInput
        size="xs"
        value={draft}
        onChange={(event) => {
          setDraft(event.currentTarget.value);
          setError(null);
        }}
        onKeyDown={onKeyDown}
        aria-label={t('renameLabel', { name: value })}
        error={error}
        autoFocus
        maxLength={200}
        style={{ flex: 1, minWidth: '8rem' }}
        data-testid={testId ? `${testId}-input` : undefined}
      />
      <Button size="xs" onClick={() => void save()} loading={busy} data-testid={testId ? `${testId}-save` : undefined}>
        {tc('save')}
      </Button>
      <Button size="xs" variant="default" onClick={cancel}>
        {tc('cancel')}
      </Button>
    </Group>
  );
}
