'use client';

import { Button, Group, Modal, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslations } from 'use-intl';

/** A question before something destructive: Cancel, and a red confirm button (left out while `onConfirm` is absent). */
export function ConfirmModal({
  opened,
  title,
  onClose,
  onConfirm,
  confirmLabel,
  busy = false,
  children,
}: {
  opened: boolean;
  title: string;
  onClose: () => void;
  onConfirm?: () => void;
  confirmLabel?: string;
  busy?: boolean;
  children?: ReactNode;
}) {
  const t = useTranslations('app.common');
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered size="lg">
      <Stack gap="md" data-testid="confirm-modal">
        {children}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} data-testid="confirm-cancel">
            {onConfirm ? t('cancel') : t('close')}
          </Button>
          {onConfirm && (
            <Button color="red" loading={busy} onClick={onConfirm} data-testid="confirm-ok">
              {confirmLabel ?? t('delete')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
