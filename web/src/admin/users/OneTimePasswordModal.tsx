'use client';

import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslations } from 'use-intl';
import { SecretReveal } from '../common/SecretReveal';
import type { RevealDialog } from '../common/useRevealDialog';

export interface IssuedPassword {
  name: string;
  email: string | null;
  /** Null when the user was stored but no password could be issued (Reset password gives one). */
  password: string | null;
  /** Shown after creating the user (rather than a reset). */
  created: boolean;
}

/** The one-time password of a new or reset user, shown this once; closing the dialog forgets it. */
export function OneTimePasswordModal({ dialog }: { dialog: RevealDialog<IssuedPassword> }) {
  const t = useTranslations('users.oneTime');
  const issued = dialog.value;
  return (
    <Modal
      opened={dialog.opened}
      onClose={dialog.close}
      onExitTransitionEnd={dialog.forget}
      title={issued?.created ? t('createdTitle', { name: issued.name }) : t('resetTitle', { name: issued?.name ?? '' })}
      centered
      size="lg"
    >
      {issued && (
        <Stack gap="md" data-testid="one-time-password-dialog">
          {issued.password ? (
            <>
              <Text size="sm">{t('text', { email: issued.email ?? issued.name })}</Text>
              <SecretReveal label={t('label')} secret={issued.password} testId="one-time-password" />
            </>
          ) : (
            <Alert color="red" role="alert">
              {t('failed')}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button onClick={dialog.close} data-testid="one-time-password-done">
              {t('done')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
