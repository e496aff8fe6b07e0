'use client';

import { Alert, Button, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslations } from 'use-intl';

/**
 * A secret the API gives out once (a one-time password, an API token): read-only, selected on
 * focus for a manual copy, with a copy button, and the warning that it cannot be shown again.
 */
export function SecretReveal({ label, secret, testId }: { label: string; secret: string; testId: string }) {
  const t = useTranslations('admin.secret');
  return (
    <Stack gap="xs">
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput
          label={label}
          value={secret}
          readOnly
          onFocus={(event) => event.currentTarget.select()}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          style={{ flex: 1 }}
          data-testid={testId}
        />
        <CopyButton value={secret}>
          {({ copied, copy }) => (
            <Button variant={copied ? 'light' : 'filled'} color={copied ? 'teal' : undefined} onClick={copy} data-testid={`${testId}-copy`}>
              {copied ? t('copied') : t('copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Alert color="orange" p="xs">
        <Text size="sm">{t('once')}</Text>
      </Alert>
    </Stack>
  );
}
