'use client';

import { Badge, Button, Grid, Group, Menu, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useQuery } from 'urql';
import { useFormatter, useLocale, useTranslations } from 'use-intl';
import { RecipientsHidden } from '@/auth/RecipientsHidden';
import { useCan } from '@/auth/ViewerProvider';
import type { StaticSegmentSummaryQuery } from '@/graphql/gql/graphql';
import { EmptyState, ErrorState, LoadingState } from '@/layout/QueryState';
import { formatReportedCount, reportedCountAttribute, type ReportedCount } from '@/lib/format';
import { useIsClient } from '@/lib/useIsClient';
import { useExportDownload } from '@/segments/useExportDownload';
import { AddAddressForm } from './AddAddressForm';
import { DetailsDialog } from './DetailsDialog';
import { EntriesTable } from './EntriesTable';
import { ImportPanel } from './ImportPanel';
import { CHANNELS } from './model';
import { StaticSegmentSummaryQuery as SummaryQuery } from './static-segment.query';

type Summary = NonNullable<StaticSegmentSummaryQuery['segment']>;

/** The page of a static segment: its size, the import (pasted or a file) with progress, the address list. */
export function StaticSegmentEditor({ segmentId }: { segmentId: string }) {
  const t = useTranslations('staticSegment');
  const tApp = useTranslations('app');
  const isClient = useIsClient();
  // Changing the list needs segments:write; seeing its addresses (and exporting) recipients:read.
  const canWrite = useCan('SEGMENTS_WRITE');
  const canSeeRecipients = useCan('RECIPIENTS_READ');
  const [{ data, error, fetching }, reexecute] = useQuery({ query: SummaryQuery, variables: { id: segmentId, withAddresses: canSeeRecipients }, pause: !isClient });
  // Bumped when the addresses changed (import, add, remove): the list reloads; the sizes reload here.
  const [changes, setChanges] = useState(0);
  const [editing, setEditing] = useState(false);
  const changed = useCallback(() => {
    setChanges((n) => n + 1);
    reexecute({ requestPolicy: 'network-only' });
  }, [reexecute]);

  if (error && !data) return <ErrorState error={error} title={t('errorTitle')} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!data) return <LoadingState label={t('loading')} />;
  if (!data.segment) return <EmptyState title={tApp('notFound.title')} />;
  const segment = data.segment;

  return (
    <Stack gap="lg" data-testid="static-segment-editor" data-segment-id={segmentId}>
      <div className="page-heading" style={{ marginBottom: 0 }}>
        <Stack gap={4}>
          <Group gap="sm">
            <h1 className="page-title" data-testid="segment-name">
              {segment.name}
            </h1>
            <Badge variant="light" title={t('kindHint')}>
              {t('kind')}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {segment.description || t('noDescription')}
          </Text>
          {segment.tags.length > 0 && (
            <Group gap={6}>
              {segment.tags.map((tag) => (
                <Badge key={tag} variant="outline" color="gray" tt="none">
                  {tag}
                </Badge>
              ))}
            </Group>
          )}
        </Stack>
        <div className="page-actions">
          {canWrite && (
            <Button variant="default" onClick={() => setEditing(true)} data-testid="details-edit">
              {t('details.edit')}
            </Button>
          )}
          {canSeeRecipients && <ExportMenu segmentId={segmentId} />}
        </div>
      </div>

      <Sizes segment={segment} busy={fetching} />

      {canWrite && (
        <Grid gutter="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <ImportPanel segmentId={segmentId} onImported={changed} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <AddAddressForm segmentId={segmentId} onAdded={changed} />
          </Grid.Col>
        </Grid>
      )}

      {canSeeRecipients ? <EntriesTable segmentId={segmentId} refresh={changes} canRemove={canWrite} onRemoved={() => reexecute({ requestPolicy: 'network-only' })} /> : <RecipientsHidden />}

      <DetailsDialog segment={segment} opened={editing} onClose={() => setEditing(false)} />
    </Stack>
  );
}

/** Stored addresses, CRM records and recipients per channel, in cards of fixed height (no shift when they reload). */
function Sizes({ segment, busy }: { segment: Summary; busy: boolean }) {
  const t = useTranslations('staticSegment');
  const locale = useLocale();
  const format = useFormatter();
  const app = useTranslations('app');
  const byChannel = new Map((segment.recipientCounts ?? []).map((c) => [c.channel, c]));
  const time = segment.memberCount ? format.dateTime(new Date(segment.memberCount.computedAt), { timeStyle: 'medium' }) : '';
  // The stored total is exact for whoever may list the entries; the others may be "fewer than k".
  const cards: Array<{ key: string; label: string; hint: string; count: ReportedCount | undefined }> = [
    ...(segment.stored ? [{ key: 'stored', label: t('sizes.stored'), hint: t('kindHint'), count: { value: segment.stored.totalCount } }] : []),
    { key: 'members', label: t('sizes.members'), hint: t('sizes.membersHint'), count: segment.memberCount ?? undefined },
    ...CHANNELS.map((channel) => ({ key: channel, label: t(`channel.${channel}`), hint: t('sizes.recipientsHint'), count: byChannel.get(channel) })),
  ];
  return (
    <section aria-labelledby="sizes-heading" aria-busy={busy}>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="sizes-heading">
          {t('sizes.heading')}
        </Title>
        <Text size="xs" c="dimmed" data-testid="sizes-computed-at">
          {t('sizes.computedAt', { time })}
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="sm">
        {cards.map((card) => (
          <Paper key={card.key} withBorder p="sm" mih={92} data-testid={`size-${card.key}`} data-value={reportedCountAttribute(card.count)}>
            <Text size="sm" fw={500}>
              {card.label}
            </Text>
            {card.count === undefined ? (
              <Skeleton h={28} w={60} my={2} />
            ) : (
              <Text fw={700} fz={24} lh="32px" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {formatReportedCount(card.count, locale, (count) => app('common.fewerThan', { count }))}
              </Text>
            )}
            <Text size="xs" c="dimmed" lineClamp={1} title={card.hint}>
              {card.hint}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
    </section>
  );
}

/** One CSV per channel; the signed link expires within minutes, so a fresh one is asked for on click. */
function ExportMenu({ segmentId }: { segmentId: string }) {
  const t = useTranslations('staticSegment');
  const { download, failed } = useExportDownload(segmentId);
  return (
    <Stack gap={2} align="flex-end">
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="light" data-testid="export-menu">
            {t('export.button')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {CHANNELS.map((channel) => (
            <Menu.Item key={channel} onClick={() => void download(channel)} data-testid={`export-${channel}`}>
              {t('export.item', { channel: t(`channel.${channel}`) })}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      {failed && (
        <Text size="xs" c="red" role="alert">
          {t('export.failed')}
        </Text>
      )}
    </Stack>
  );
}
