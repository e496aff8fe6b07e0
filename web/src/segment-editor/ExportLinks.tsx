'use client';

import { Button, Group, Paper, Text, Title } from '@mantine/core';
import { useTranslations } from 'use-intl';
import type { Channel } from '@/graphql/gql/graphql';
import { useExportDownload } from '@/segments/useExportDownload';

const CHANNELS: Channel[] = ['EMAIL', 'PHONE', 'IM'];

/** CSV downloads of the saved segment's recipients, one button per channel. */
export function ExportLinks({ segmentId }: { segmentId: string | null }) {
  const t = useTranslations('segmentEditor');
  const { download, busy } = useExportDownload(segmentId);
  return (
    <Paper withBorder p="md" radius="md" data-testid="export-links">
      <Title order={2} size="h5" mb="xs">
        {t('export.heading')}
      </Title>
      <Group gap="xs">
        {CHANNELS.map((channel) => (
          <Button key={channel} size="xs" variant="light" disabled={!segmentId} loading={busy === channel} onClick={() => void download(channel)} data-testid={`export-${channel}`}>
            {t('export.link', { channel: t(`counts.${channel}`) })}
          </Button>
        ))}
      </Group>
      <Text size="xs" c="dimmed" mt="xs">
        {t('export.hint')}
      </Text>
    </Paper>
  );
}
