'use client';

import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useMutation } from 'urql';
import { useLocale, useTranslations } from 'use-intl';
import { useUserErrorText, type UserErrorLike } from '@/layout/useUserErrorText';
import { SegmentListDeleteMutation } from './segments-list.query';

export interface SegmentRef {
  id: string;
  name: string;
}

/**
 * A payload error of deleting a segment in the marketer's words. IN_USE means other segments name
 * this one in a membership rule: English shows the API's message (it names them), the other
 * languages say so with the count rather than the generic "still used by # records".
 */
function useDeleteErrorText(): (error: UserErrorLike) => string {
  const locale = useLocale();
  const t = useTranslations('segments.delete');
  const userErrorText = useUserErrorText();
  return useCallback((error: UserErrorLike) => (error.code === 'IN_USE' && locale !== 'en' ? t('inUse', { count: error.count ?? 0 }) : userErrorText(error)), [locale, t, userErrorText]);
}

/** Asks before deleting a segment; shows why the API refused (e.g. other segments use it). */
export function DeleteSegmentModal({ segment, onClose, onDeleted }: { segment: SegmentRef | null; onClose: () => void; onDeleted: (segment: SegmentRef) => void }) {
  const t = useTranslations('segments.delete');
  const tCommon = useTranslations('app.common');
  const errorText = useDeleteErrorText();
  const [{ fetching }, deleteSegment] = useMutation(SegmentListDeleteMutation);
  const [problems, setProblems] = useState<string[]>([]);
  // Keep the name on screen while the dialog closes; start clean for another segment.
  const [shown, setShown] = useState<SegmentRef | null>(segment);
  if (segment && segment !== shown) {
    setShown(segment);
    setProblems([]);
  }

  function close() {
    setProblems([]);
    onClose();
  }

  async function confirm() {
    if (!segment) return;
    const result = await deleteSegment({ id: segment.id });
    const payload = result.data?.deleteSegment;
    if (result.error || !payload) {
      setProblems([result.error?.message ?? tCommon('apiError')]);
    } else if (payload.errors.length) {
      setProblems(payload.errors.map(errorText));
    } else {
      onDeleted(segment);
    }
  }

  return (
    <Modal opened={segment !== null} onClose={close} title={t('title')} centered data-testid="delete-segment-modal">
      <Stack gap="md">
        <Text size="sm">{t('text', { name: shown?.name ?? '' })}</Text>
        {problems.length > 0 && (
          <Alert color="red" role="alert" data-testid="delete-segment-error">
            {problems.map((problem) => (
              <Text key={problem} size="sm">
                {problem}
              </Text>
            ))}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          {/* The safe choice takes the focus; Tab reaches the destructive one. */}
          <Button variant="default" onClick={close} data-autofocus data-testid="delete-segment-cancel">
            {tCommon('cancel')}
          </Button>
          <Button color="red" onClick={confirm} loading={fetching} data-testid="delete-segment-confirm">
            {t('confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
