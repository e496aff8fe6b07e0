'use client';

import { Button, Group, Paper, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useClient } from 'urql';
import { useTranslations } from 'use-intl';
import type { Channel } from '@/graphql/gql/graphql';
import { ExportUrlQuery } from './editor.query';

const CHANNELS: Channel[] = ['EMAIL', 'PHONE', 'IM'];

/**
 * CSV downloads of the saved segment's recipients. Links are signed and short-lived, so each is
 * asked for when clicked, then followed (the web server proxies /export to the API).
 */
export function ExportLinks({ segmentId }: { segmentId: string | null }) {
  const t = useTranslations('segmentEditor');
  const client = useClient();
  const [busy, setBusy] = useState<Channel | null>(null);
  const download = async (channel: Channel) => {
    if (!segmentId) return;
    setBusy(channel);
    try {
      const result = await client.query(ExportUrlQuery, { id: segmentId, channel }, { requestPolicy: 'network-only' }).toPromise();
      const url = result.data?.segment?.exportUrl;
      if (url) window.location.assign(url);
    } finally {
      setBusy(null);
    }
  };
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
