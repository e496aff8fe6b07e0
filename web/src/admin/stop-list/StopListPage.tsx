'use client';

import { Button, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useFormatter, useLocale, useTranslations } from 'use-intl';
import { useCan } from '@/auth/ViewerProvider';
import type { Channel } from '@/graphql/gql/graphql';
import { PageTitle } from '@/layout/PageTitle';
import { EmptyState, ErrorState, LoadingState } from '@/layout/QueryState';
import { formatCount } from '@/lib/format';
import { useIsClient } from '@/lib/useIsClient';
import { DeleteDialog, type DeleteTarget } from '../common/DeleteDialog';
import { StatusLine, useStatus } from '../common/StatusLine';
import { AddEntryModal } from './AddEntryModal';
import { ImportModal } from './ImportModal';
import { CHANNELS, pageVariables, type PageRequest } from './model';
import { RemoveStopListEntryMutation, StopListQuery } from './stop-list.query';

/** Empty pages must refresh too after an add or import: they hold no StopListEntry to match. */
const QUERY_CONTEXT = { additionalTypenames: ['StopListEntry'] };

/** The stop list: search, filter by channel, page, add one, remove one, import many. */
export function StopListPage() {
  const t = useTranslations('stopList');
  const tc = useTranslations('app.common');
  const locale = useLocale();
  const format = useFormatter();
  const isClient = useIsClient();
  // Reading the list needs recipients:read (the page's guard); changing it recipients:write.
  const canWrite = useCan('RECIPIENTS_WRITE');
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const [channel, setChannel] = useState<Channel | ''>('');
  const [page, setPage] = useState<PageRequest>({});
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const [removing, setRemoving] = useState<DeleteTarget | null>(null);
  const [status, setStatus] = useStatus();
  const context = useMemo(() => QUERY_CONTEXT, []);

  const variables = useMemo(() => ({ ...pageVariables(page), channel: channel || null, search: debouncedSearch || null }), [page, channel, debouncedSearch]);
  const [{ data, fetching, error }, reexecute] = useQuery({ query: StopListQuery, variables, pause: !isClient, context, requestPolicy: 'cache-and-network' });
  const [, removeEntry] = useMutation(RemoveStopListEntryMutation);

  const filtersChanged = (apply: () => void) => {
    apply();
    setPage({});
  };
  const connection = data?.stopList;
  const rows = connection?.edges.map((e) => e.node) ?? [];
  const filtered = Boolean(debouncedSearch || channel);

  return (
    <>
      <PageTitle namespace="stopList">
        {canWrite && (
          <Group gap="sm">
            <Button variant="default" onClick={() => setImporting(true)} data-testid="stop-import-open">
              {t('import.button')}
            </Button>
            <Button onClick={() => setAdding(true)} data-testid="stop-add-open">
              {t('add.button')}
            </Button>
          </Group>
        )}
      </PageTitle>
      <Stack gap="md">
        <Text c="dimmed" size="sm" maw="48rem">
          {t('intro')}
        </Text>
        <Group gap="md" align="flex-end" wrap="wrap">
          <TextInput
            label={t('search.label')}
            placeholder={t('search.placeholder')}
            value={search}
            onChange={(event) => filtersChanged(() => setSearch(event.currentTarget.value))}
            type="search"
            w="20rem"
            data-testid="stop-search"
          />
          <NativeSelect
            label={t('channel.label')}
            value={channel}
            onChange={(event) => filtersChanged(() => setChannel(event.currentTarget.value as Channel | ''))}
            data={[{ value: '', label: t('channel.all') }, ...CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))]}
            w="12rem"
            data-testid="stop-channel"
          />
          <Text size="sm" c="dimmed" ml="auto" mih="1.5em" data-testid="stop-total" data-value={connection?.totalCount ?? ''}>
            {connection ? t('total', { count: connection.totalCount, formatted: formatCount(connection.totalCount, locale) }) : ''}
          </Text>
        </Group>
        <StatusLine message={status} />

        {error && !data ? (
          <ErrorState error={error} title={t('loadError')} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
        ) : !connection ? (
          <LoadingState />
        ) : rows.length === 0 ? (
          <EmptyState title={filtered ? t('noMatch') : t('empty')} />
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover aria-busy={fetching} style={{ opacity: fetching ? 0.6 : 1 }} data-testid="stop-table">
              <Table.Caption>{t('table.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('table.address')}</Table.Th>
                  <Table.Th>{t('table.channel')}</Table.Th>
                  <Table.Th>{t('table.reason')}</Table.Th>
                  <Table.Th>{t('table.note')}</Table.Th>
                  <Table.Th>{t('table.added')}</Table.Th>
                  <Table.Th>
                    <span className="sr-only">{t('table.actions')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((entry) => (
                  <Table.Tr key={entry.id} data-testid="stop-entry" data-address={entry.address}>
                    <Table.Td style={{ wordBreak: 'break-all' }}>{entry.address}</Table.Td>
                    <Table.Td>{t(`channel.${entry.channel}`)}</Table.Td>
                    <Table.Td>{t(`reason.${entry.reason}`)}</Table.Td>
                    <Table.Td>{entry.note ?? tc('none')}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(new Date(entry.createdAt), { dateStyle: 'medium' })}</Table.Td>
                    <Table.Td ta="right">
                      {canWrite && (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          onClick={() => setRemoving({ id: entry.id, name: entry.address })}
                          aria-label={t('remove.label', { address: entry.address })}
                          data-testid="stop-remove"
                        >
                          {t('remove.button')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}

        {connection && (connection.pageInfo.hasPreviousPage || connection.pageInfo.hasNextPage || page.after || page.before) && (
          <Group justify="flex-end" gap="sm">
            <Button
              variant="default"
              disabled={!connection.pageInfo.hasPreviousPage || !connection.pageInfo.startCursor}
              onClick={() => setPage({ before: connection.pageInfo.startCursor ?? undefined })}
              data-testid="stop-previous"
            >
              {tc('previous')}
            </Button>
            <Button
              variant="default"
              disabled={!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor}
              onClick={() => setPage({ after: connection.pageInfo.endCursor ?? undefined })}
              data-testid="stop-next"
            >
              {tc('next')}
            </Button>
          </Group>
        )}

        <AddEntryModal
          opened={adding}
          onClose={() => setAdding(false)}
          onAdded={(address) => {
            setAdding(false);
            setStatus(t('add.added', { address }));
          }}
        />
        <ImportModal opened={importing} onClose={() => setImporting(false)} onImported={(count) => setStatus(t('import.done', { count }))} />
        <DeleteDialog
          target={removing}
          title={removing ? t('remove.title', { address: removing.name }) : undefined}
          confirmLabel={t('remove.confirm')}
          onClose={() => setRemoving(null)}
          onDeleted={(entry) => {
            setRemoving(null);
            setStatus(t('remove.removed', { address: entry.name }));
          }}
          remove={async (entry) => {
            const result = await removeEntry({ id: entry.id }, QUERY_CONTEXT);
            if (result.error) throw result.error;
            return result.data?.removeStopListEntry.errors ?? [];
          }}
          usedByRecords={() => ''}
        >
          <Text size="sm">{t('remove.text')}</Text>
        </DeleteDialog>
      </Stack>
    </>
  );
}
