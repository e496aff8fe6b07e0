'use client';

import { Alert, Anchor, Button, Group, List, NativeSelect, Stack, Text } from '@mantine/core';
import Link from 'next/link';
import { useState, type ReactNode } from 'react';
import { useTranslations } from 'use-intl';
import { useUserErrorText } from '@/layout/useUserErrorText';
import { ConfirmModal } from './ConfirmModal';
import { inUseOf, type AdminUserError, type InUse } from './in-use';

export interface DeleteTarget {
  id: string;
  name: string;
}

/**
 * Delete with confirmation, and when the API answers IN_USE, why in the marketer's words: the
 * saved segments naming the value (links to open them), or how many records use it, with a choice
 * of another value to give those records when the page offers `replacements`.
 */
export function DeleteDialog({
  target,
  onClose,
  onDeleted,
  remove,
  usedByRecords,
  replacements,
  children,
  confirmLabel,
  title,
}: {
  target: DeleteTarget | null;
  onClose: () => void;
  onDeleted: (target: DeleteTarget) => void;
  /** Deletes (with a replacement when given) and answers the payload's errors (empty on success). */
  remove: (target: DeleteTarget, replacementId?: string) => Promise<readonly AdminUserError[]>;
  /** "12 contacts have this type." */
  usedByRecords: (count: number) => string;
  /** Other values the records may get instead; absent when the API offers no replacement. */
  replacements?: ReadonlyArray<{ value: string; label: string }>;
  children?: ReactNode;
  confirmLabel?: string;
  title?: string;
}) {
  const t = useTranslations('admin');
  const errorText = useUserErrorText();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<readonly AdminUserError[]>([]);
  const [replacement, setReplacement] = useState('');

  // A new target starts over, in the same render (an effect would show the last one's errors first).
  const targetId = target?.id;
  const [shownFor, setShownFor] = useState(targetId);
  if (targetId !== shownFor) {
    setShownFor(targetId);
    setErrors([]);
    setReplacement('');
    setBusy(false);
  }

  if (!target) return <ConfirmModal opened={false} title="" onClose={onClose} />;

  const run = async (replacementId?: string) => {
    setBusy(true);
    try {
      const result = await remove(target, replacementId);
      if (result.length) setErrors(result);
      else onDeleted(target);
    } catch (failure) {
      // No payload at all (network or GraphQL error): say it could not be done, keep the details.
      setErrors([{ code: 'WRITE_FAILED', message: failure instanceof Error ? failure.message : String(failure), path: [] }]);
    } finally {
      setBusy(false);
    }
  };

  const inUse = inUseOf(errors);
  const otherErrors = inUse ? [] : errors;
  const choices = (replacements ?? []).filter((r) => r.value !== target.id);
  return (
    <ConfirmModal opened title={title ?? t('delete.title', { name: target.name })} onClose={onClose} onConfirm={errors.length ? undefined : () => run()} confirmLabel={confirmLabel} busy={busy}>
      {!errors.length && (children ?? <Text size="sm">{t('delete.cannotUndo')}</Text>)}
      {inUse && (
        <InUseNotice inUse={inUse} name={target.name} usedByRecords={usedByRecords}>
          {inUse.kind === 'records' && replacements && (
            <ReplacementPicker name={target.name} choices={choices} value={replacement} onChange={setReplacement} busy={busy} onReplace={() => run(replacement)} />
          )}
        </InUseNotice>
      )}
      {otherErrors.map((error, index) => (
        <Alert key={index} color="red" role="alert" data-testid="delete-error">
          {errorText(error)}
        </Alert>
      ))}
    </ConfirmModal>
  );
}

function InUseNotice({ inUse, name, usedByRecords, children }: { inUse: InUse; name: string; usedByRecords: (count: number) => string; children?: ReactNode }) {
  const t = useTranslations('admin.inUse');
  const errorText = useUserErrorText();
  if (inUse.kind === 'other') {
    return (
      <Alert color="orange" role="alert" title={t('title', { name })} data-testid="in-use">
        {errorText(inUse.error)}
      </Alert>
    );
  }
  if (inUse.kind === 'segments') {
    const more = inUse.total - inUse.segments.length;
    return (
      <Alert color="orange" role="alert" title={t('title', { name })} data-testid="in-use" data-kind="segments">
        <Stack gap="xs">
          <Text size="sm">{t('segments', { count: inUse.total })}</Text>
          <List size="sm" data-testid="in-use-segments">
            {inUse.segments.map((segment) => (
              <List.Item key={segment.id}>
                <Anchor component={Link} href={`/segments/${encodeURIComponent(segment.id)}`} size="sm" target="_blank">
                  {segment.name}
                </Anchor>
              </List.Item>
            ))}
            {more > 0 && <List.Item>{t('more', { count: more })}</List.Item>}
          </List>
          <Text size="sm">{t('segmentsHint', { name })}</Text>
        </Stack>
      </Alert>
    );
  }
  return (
    <Alert color="orange" role="alert" title={t('title', { name })} data-testid="in-use" data-kind="records" data-count={inUse.count}>
      <Stack gap="sm">
        <Text size="sm">{usedByRecords(inUse.count)}</Text>
        {children}
      </Stack>
    </Alert>
  );
}

function ReplacementPicker({
  name,
  choices,
  value,
  onChange,
  onReplace,
  busy,
}: {
  name: string;
  choices: ReadonlyArray<{ value: string; label: string }>;
  value: string;
  onChange: (value: string) => void;
  onReplace: () => void;
  busy: boolean;
}) {
  const t = useTranslations('admin.inUse');
  if (!choices.length) return <Text size="sm">{t('noReplacement')}</Text>;
  return (
    <Stack gap="xs">
      <Text size="sm">{t('replaceHint', { name })}</Text>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <NativeSelect
          label={t('replaceLabel')}
          value={value}
          onChange={(event) => onChange(event.currentTarget.value)}
          data={[{ value: '', label: t('replacePlaceholder') }, ...choices]}
          data-testid="replacement-select"
          style={{ minWidth: '16rem' }}
        />
        <Button color="red" onClick={onReplace} disabled={!value} loading={busy} data-testid="replace-and-delete">
          {t('replaceAndDelete')}
        </Button>
      </Group>
    </Stack>
  );
}
