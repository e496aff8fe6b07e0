'use client';

import { Badge, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useFormatter, useTranslations } from 'use-intl';
import { useUserErrorText } from '@/layout/useUserErrorText';
import { RestoreSegmentVersionMutation, SegmentVersionsQuery } from './editor.query';

/**
 * Every saved definition of the segment, newest first. Restoring saves the old definition as a new
 * version (nothing is lost), checked against the version the editor holds.
 */
export function VersionHistory({
  segmentId,
  currentVersion,
  onRestored,
  disabled,
  canRestore = true,
}: {
  segmentId: string;
  currentVersion: number;
  onRestored: () => void;
  disabled?: boolean;
  canRestore?: boolean;
}) {
  const t = useTranslations('segmentEditor.history');
  const tCommon = useTranslations('app.common');
  const format = useFormatter();
  const errorText = useUserErrorText();
  const [{ data }, reexecute] = useQuery({ query: SegmentVersionsQuery, variables: { id: segmentId }, requestPolicy: 'cache-and-network' });
  const [restoring, restore] = useMutation(RestoreSegmentVersionMutation);
  const [asked, setAsked] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const versions = data?.segment?.versions ?? [];

  const confirm = async () => {
    if (asked === null) return;
    const result = await restore({ id: segmentId, version: asked, expectedVersion: currentVersion });
    const errors = result.data?.restoreSegmentVersion.errors ?? [];
    if (result.error || errors.length) {
      setProblem(errors.length ? errors.map(errorText).join(' ') : (result.error?.message ?? ''));
      return;
    }
    setAsked(null);
    setProblem(null);
    reexecute({ requestPolicy: 'network-only' });
    onRestored();
  };

  return (
    <Paper withBorder p="md" radius="md" data-testid="version-history">
      <Title order={2} size="h5" mb="xs">
        {t('heading')}
      </Title>
      {versions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('empty')}
        </Text>
      ) : (
        <Stack gap={6} component="ol" className="version-list">
          {versions.map((version) => (
            <Group key={version.id} component="li" justify="space-between" wrap="nowrap" gap="xs" data-testid="version-row" data-version={version.version}>
              <div>
                <Text size="sm" fw={600}>
                  {t('version', { version: version.version })}{' '}
                  {version.version === currentVersion && (
                    <Badge size="xs" variant="light">
                      {t('current')}
                    </Badge>
                  )}
                </Text>
                <Text size="xs" c="dimmed">
                  {format.dateTime(new Date(version.savedAt), { dateStyle: 'medium', timeStyle: 'short' })} · {version.savedBy?.name ?? t('nobody')}
                </Text>
              </div>
              {canRestore && version.version !== currentVersion && (
                <Button size="compact-xs" variant="default" disabled={disabled} onClick={() => setAsked(version.version)} data-testid="restore-version">
                  {t('restore')}
                </Button>
              )}
            </Group>
          ))}
        </Stack>
      )}
      <Modal opened={asked !== null} onClose={() => setAsked(null)} title={asked !== null ? t('restoreTitle', { version: asked }) : ''} centered>
        <Text size="sm">{t('restoreText')}</Text>
        {problem && (
          <Text size="sm" c="red" role="alert" mt="xs">
            {problem}
          </Text>
        )}
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setAsked(null)}>
            {tCommon('cancel')}
          </Button>
          <Button onClick={() => void confirm()} loading={restoring.fetching} data-testid="confirm-restore">
            {t('restore')}
          </Button>
        </Group>
      </Modal>
    </Paper>
  );
}
