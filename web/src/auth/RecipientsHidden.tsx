'use client';

import { Paper, Text, Title } from '@mantine/core';
import { useTranslations } from 'use-intl';

/** Where the recipient preview would be, for a role that sees counts but not who the recipients are. */
export function RecipientsHidden() {
  const t = useTranslations('auth.recipientsHidden');
  return (
    <Paper withBorder p="md" radius="md" data-testid="recipients-hidden">
      <Title order={2} size="h5" mb={4}>
        {t('title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('text')}
      </Text>
    </Paper>
  );
}
