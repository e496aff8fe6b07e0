'use client';

import { Alert, Badge, Button, Group, Modal, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useFormatter, useTranslations } from 'use-intl';
import type { Channel, StaticSegmentEntriesPageQuery } from '@/graphql/gql/graphql';
import { EmptyState, ErrorState, LoadingState } from '@/layout/QueryState';
import { useUserErrorText } from '@/layout/useUserErrorText';
import { useIsClient } from '@/lib/useIsClient';
import { afterRemoval, CHANNELS, currentCursor, firstPage, nextPage, ownerName, PAGE_SIZE, pageIndex, pageRange, previousPage, type PageTrail } from './model';
import { RemoveStaticMemberMutation, StaticSegmentEntriesQuery } from './static-segment.query';

type Entry = NonNullable<StaticSegmentEntriesPageQuery['segment']>['entries']['edges'][number]['node'];

const ALL = 'ALL';

/**
 * The stored addresses, a page at a time (keyset cursors), searchable and filtered by channel,
 * each removable after a confirmation. `refresh` changes when something else changed the list.
 */
export function EntriesTable({ segmentId, refresh, canRemove = true, onRemoved }: { segmentId: string; refresh: number; canRemove?: boolean; onRemoved: () => void }) {
  const t = useTranslations('staticSegment.entries');
  const tChannel = useTranslations('staticSegment.channel');
  const tApp = useTranslations('app');
  const isClient = useIsClient();
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const [channel, setChannel] = useState<string>(ALL);
  const [trail, setTrail] = useState<PageTrail>(firstPage);
  // A new search or channel starts from the first page, in the same render: reset in an effect,
  // the query would first go out with the new search and the old page's cursor.
  const filterKey = `${channel}:${debouncedSearch}`;
  const [pagedFor, setPagedFor] = useState(filterKey);
  if (pagedFor !== filterKey) {
    setPagedFor(filterKey);
    setTrail(firstPage());
  }
  const [removing, setRemoving] = useState<Entry | null>(null);

  const variables = {
    id: segmentId,
    first: PAGE_SIZE,
    after: currentCursor(trail),
    search: debouncedSearch || null,
    channel: channel === ALL ? null : (channel as Channel),
  };
  const [{ data, error, fetching }, reexecute] = useQuery({ query: StaticSegmentEntriesQuery, variables, pause: !isClient, requestPolicy: 'cache-and-network' });

  useEffect(() => {
    if (refresh > 0) reexecute({ requestPolicy: 'network-only' });
  }, [refresh, reexecute]);

  const entries = data?.segment?.entries;
  const rows = entries?.edges ?? [];
  const filtered = Boolean(debouncedSearch) || channel !== ALL;
  const { from, to } = pageRange(pageIndex(trail) * PAGE_SIZE, rows.length);

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="entries-heading" data-testid="static-entries">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <Title order={2} size="h4" id="entries-heading">
            {t('heading')}
          </Title>
          <Group gap="sm" align="flex-end">
            <TextInput label={t('search')} type="search" value={search} onChange={(event) => setSearch(event.currentTarget.value)} w={260} data-testid="entries-search" />
            <Select
              label={t('channelFilter')}
              data={[{ value: ALL, label: t('allChannels') }, ...CHANNELS.map((c) => ({ value: c, label: tChannel(c) }))]}
              value={channel}
              onChange={(value) => setChannel(value ?? ALL)}
              allowDeselect={false}
              w={180}
              data-testid="entries-channel"
            />
          </Group>
        </Group>

        {error && !data ? (
          <ErrorState error={error} title={tApp('errorPage.title')} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
        ) : !entries ? (
          <LoadingState />
        ) : rows.length === 0 && pageIndex(trail) === 0 ? (
          <EmptyState title={filtered ? t('noMatch') : t('empty')} />
        ) : (
          <>
            <Table.ScrollContainer minWidth={720}>
              <Table striped highlightOnHover verticalSpacing="xs" aria-busy={fetching} data-testid="entries-table" data-total={entries.totalCount}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('address')}</Table.Th>
                    <Table.Th w={120}>{t('channel')}</Table.Th>
                    <Table.Th>{t('name')}</Table.Th>
                    <Table.Th>{t('owner')}</Table.Th>
                    <Table.Th w={150}>{t('addedAt')}</Table.Th>
                    <Table.Th w={110}>
                      <span className="sr-only">{t('actions')}</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map(({ node }) => (
                    <EntryRow key={node.id} entry={node} onRemove={canRemove ? () => setRemoving(node) : null} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Group justify="space-between" component="nav" aria-label={t('pagination')}>
              <Text size="sm" c="dimmed" data-testid="entries-range">
                {t('range', { from, to, total: entries.totalCount })}
              </Text>
              <Group gap="xs">
                <Button variant="default" size="xs" disabled={pageIndex(trail) === 0} onClick={() => setTrail(previousPage)} data-testid="entries-previous">
                  {tApp('common.previous')}
                </Button>
                <Button
                  variant="default"
                  size="xs"
                  disabled={!entries.pageInfo.hasNextPage || !entries.pageInfo.endCursor}
                  onClick={() => entries.pageInfo.endCursor && setTrail((current) => nextPage(current, entries.pageInfo.endCursor!))}
                  data-testid="entries-next"
                >
                  {tApp('common.next')}
                </Button>
              </Group>
            </Group>
          </>
        )}
      </Stack>
      <RemoveDialog
        segmentId={segmentId}
        entry={removing}
        onClose={() => setRemoving(null)}
        onRemoved={() => {
          setRemoving(null);
          setTrail((current) => afterRemoval(current, rows.length - 1));
          reexecute({ requestPolicy: 'network-only' });
          onRemoved();
        }}
      />
    </Paper>
  );
}

function EntryRow({ entry, onRemove }: { entry: Entry; onRemove: (() => void) | null }) {
  const t = useTranslations('staticSegment.entries');
  const tChannel = useTranslations('staticSegment.channel');
  const format = useFormatter();
  const owner = entry.owner;
  const ownerLabel = ownerName(owner);
  return (
    <Table.Tr data-testid="entry-row" data-address={entry.address} data-channel={entry.channel}>
      <Table.Td>
        <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
          {entry.address}
        </Text>
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color={entry.channel === 'EMAIL' ? 'indigo' : entry.channel === 'PHONE' ? 'teal' : 'grape'}>
          {tChannel(entry.channel)}
        </Badge>
      </Table.Td>
      <Table.Td>{entry.name ?? <Text c="dimmed">—</Text>}</Table.Td>
      <Table.Td>
        {owner ? (
          <Group gap={6} wrap="nowrap">
            <Text size="sm">{ownerLabel ?? '—'}</Text>
            <Text size="xs" c="dimmed">
              {t(`ownerType.${owner.__typename}`)}
            </Text>
          </Group>
        ) : (
          <Text c="dimmed">—</Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {format.dateTime(new Date(entry.addedAt), { dateStyle: 'medium' })}
        </Text>
      </Table.Td>
      <Table.Td ta="right">
        {onRemove && (
          <Button variant="subtle" color="red" size="xs" onClick={onRemove} aria-label={t('removeLabel', { address: entry.address })} data-testid="entry-remove">
            {t('remove')}
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function RemoveDialog({ segmentId, entry, onClose, onRemoved }: { segmentId: string; entry: Entry | null; onClose: () => void; onRemoved: () => void }) {
  const t = useTranslations('staticSegment.entries');
  const tCommon = useTranslations('app.common');
  const errorText = useUserErrorText();
  const [{ fetching }, remove] = useMutation(RemoveStaticMemberMutation);
  const [error, setError] = useState<string | null>(null);
  // Another entry (or none: closed) starts without the last one's error, in the same render.
  const [errorFor, setErrorFor] = useState(entry);
  if (entry !== errorFor) {
    setErrorFor(entry);
    setError(null);
  }

  const confirm = async () => {
    if (!entry) return;
    const result = await remove({ id: segmentId, members: [{ channel: entry.channel, address: entry.address }] });
    const payload = result.data?.removeStaticSegmentMembers;
    if (!payload) return setError(result.error?.message ?? tCommon('retry'));
    if (payload.errors.length) return setError(payload.errors.map(errorText).join(' '));
    onRemoved();
  };

  return (
    <Modal opened={entry !== null} onClose={onClose} title={t('removeTitle')} centered data-testid="remove-dialog">
      <Stack gap="md">
        <Text size="sm">{entry && t('removeText', { address: entry.address })}</Text>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {tCommon('cancel')}
          </Button>
          <Button color="red" loading={fetching} onClick={confirm} data-testid="remove-confirm">
            {tCommon('delete')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
