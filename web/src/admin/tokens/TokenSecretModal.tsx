'use client';

import { Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslations } from 'use-intl';
import { SecretReveal } from '../common/SecretReveal';
import type { RevealDialog } from '../common/useRevealDialog';
import { curlExample } from './model';
import type { IssuedToken } from './CreateTokenModal';

/** The new token's secret, shown this once, and a curl command that tries it against this server. */
export function TokenSecretModal({ dialog }: { dialog: RevealDialog<IssuedToken> }) {
  const issued = dialog.value;
  const t = useTranslations('tokens.secret');
  const tAdmin = useTranslations('admin.secret');
  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  const example = issued ? curlExample(origin, issued.secret) : '';
  return (
    <Modal opened={dialog.opened} onClose={dialog.close} onExitTransitionEnd={dialog.forget} title={t('title', { name: issued?.name ?? '' })} centered size="xl">
      {issued && (
        <Stack gap="md" data-testid="token-secret-dialog">
          <Text size="sm">{t('text')}</Text>
          <SecretReveal label={t('label')} secret={issued.secret} testId="token-secret" />
          <div>
            <Group justify="space-between" mb={4}>
              <Text size="sm" fw={500}>
                {t('example')}
              </Text>
              <CopyButton value={example}>
                {({ copied, copy }) => (
                  <Button size="compact-xs" variant="subtle" onClick={copy} data-testid="token-curl-copy">
                    {copied ? tAdmin('copied') : tAdmin('copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Code block data-testid="token-curl">
              {example}
            </Code>
          </div>
          <Group justify="flex-end">
            <Button onClick={dialog.close} data-testid="token-secret-done">
              {t('done')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
