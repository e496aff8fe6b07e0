'use client';

import { Alert, Anchor, Button, CloseButton, Group, Text } from '@mantine/core';
import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback, useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useTranslations } from 'use-intl';
import { useCan } from '@/auth/ViewerProvider';
import { EmptyState, ErrorState, LoadingState } from '@/layout/QueryState';
import { useUserErrorText } from '@/layout/useUserErrorText';
import { useIsClient } from '@/lib/useIsClient';
import { DeleteSegmentModal, type SegmentRef } from './DeleteSegmentModal';
import { clearedFilters, hasFilters, listStateToQuery, listVariables, pageState, parseListState, withFilters, type ListState } from './list-state';
import { ListFilters } from './ListFilters';
import { segmentHref } from './model';
import { CreateSegmentButtons } from './NewSegmentMenu';
import { SegmentListDuplicateMutation, SegmentListTagsQuery, SegmentsListQuery } from './segments-list.query';
import { SegmentsTable, type SegmentRow } from './SegmentsTable';
import styles from './SegmentsList.module.css';

type Notice = { kind: 'duplicated'; id: string; name: string } | { kind: 'duplicateFailed'; name: string; reason: string } | { kind: 'deleted'; name: string };

/**
 * The filters and the page of segments. The view lives in the query string: filters replace the
 * current history entry (Back leaves the list as it was), pages push one.
 */
export function SegmentsList({ onCreateStatic }: { onCreateStatic: () => void }) {
  const t = useTranslations('segments');
  const pathname = usePathname() ?? '/segments';
  const searchParams = useSearchParams();
  const state = useMemo(() => parseListState(searchParams), [searchParams]);
  const isClient = useIsClient();
  const canWrite = useCan('SEGMENTS_WRITE');

  // The History API keeps Next's router in step (useSearchParams follows) without a server round trip.
  const navigate = useCallback(
    (next: ListState, mode: 'push' | 'replace') => {
      const url = `${pathname}${listStateToQuery(next)}`;
      if (mode === 'push') window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
    },
    [pathname],
  );

  const variables = useMemo(() => listVariables(state), [state]);
  const [{ data, error, fetching }, reexecuteList] = useQuery({ query: SegmentsListQuery, variables, pause: !isClient, requestPolicy: 'cache-and-network' });
  const [{ data: tagData }, reexecuteTags] = useQuery({ query: SegmentListTagsQuery, pause: !isClient, requestPolicy: 'cache-and-network' });
  const refresh = useCallback(() => {
    reexecuteList({ requestPolicy: 'network-only' });
    reexecuteTags({ requestPolicy: 'network-only' });
  }, [reexecuteList, reexecuteTags]);

  const [notice, setNotice] = useState<Notice | null>(null);
  const [highlightId, setHighlightId] = useState<string | null>(null);
  const [duplicatingId, setDuplicatingId] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<SegmentRef | null>(null);
  const [, duplicate] = useMutation(SegmentListDuplicateMutation);
  const userErrorText = useUserErrorText();

  const onDuplicate = useCallback(
    async (row: SegmentRow) => {
      setDuplicatingId(row.id);
      const result = await duplicate({ id: row.id });
      setDuplicatingId(null);
      const payload = result.data?.duplicateSegment;
      if (payload?.segment) {
        setNotice({ kind: 'duplicated', id: payload.segment.id, name: payload.segment.name });
        setHighlightId(payload.segment.id);
        refresh();
      } else {
        const reason = payload?.errors.map(userErrorText).join(' ') || result.error?.message || '';
        setNotice({ kind: 'duplicateFailed', name: row.name, reason });
      }
    },
    [duplicate, refresh, userErrorText],
  );

  const onDeleted = useCallback(
    (segment: SegmentRef) => {
      setDeleting(null);
      setNotice({ kind: 'deleted', name: segment.name });
      setHighlightId((id) => (id === segment.id ? null : id));
      refresh();
    },
    [refresh],
  );

  const setFilters = (change: Parameters<typeof withFilters>[1]) => navigate(withFilters(state, change), 'replace');
  const clearFilters = () => navigate(clearedFilters(state), 'replace');

  const connection = data?.segments;
  const rows = connection?.edges.map((edge) => edge.node) ?? [];
  const filtered = hasFilters(state);
  const onLaterPage = Boolean(state.after || state.before);
  // With no segment at all there is nothing to filter: only the invitation to create one.
  const nothingYet = connection && rows.length === 0 && !filtered && !onLaterPage;

  let content;
  if (!isClient || (!connection && !error)) {
    content = <LoadingState label={t('list.loading')} />;
  } else if (!connection) {
    content = <ErrorState error={error!} title={t('list.errorTitle')} onRetry={refresh} />;
  } else if (nothingYet) {
    content = (
      <EmptyState title={t('list.emptyTitle')}>
        <Text size="sm" c="dimmed" ta="center" maw="36rem">
          {t('list.emptyText')}
        </Text>
        {canWrite && <CreateSegmentButtons onCreateStatic={onCreateStatic} />}
      </EmptyState>
    );
  } else if (rows.length === 0 && onLaterPage) {
    content = (
      <EmptyState title={t('list.emptyPage')}>
        <Button variant="light" onClick={() => navigate({ ...state, after: null, before: null }, 'replace')}>
          {t('list.firstPage')}
        </Button>
      </EmptyState>
    );
  } else if (rows.length === 0) {
    content = (
      <div data-testid="no-match">
        <EmptyState title={t('list.noMatchTitle')}>
          <Text size="sm" c="dimmed">
            {t('list.noMatchText')}
          </Text>
          <Button variant="light" onClick={clearFilters} data-testid="clear-filters">
            {t('list.clearFilters')}
          </Button>
        </EmptyState>
      </div>
    );
  } else {
    content = (
      <>
        <SegmentsTable
          rows={rows}
          busy={fetching}
          canWrite={canWrite}
          highlightId={highlightId}
          duplicatingId={duplicatingId}
          onDuplicate={onDuplicate}
          onDelete={(row) => setDeleting({ id: row.id, name: row.name })}
        />
        <nav className={styles.footer} aria-label={t('paging.label')}>
          <Text size="sm" c="dimmed" data-testid="segments-total" data-value={connection.totalCount}>
            {t('list.total', { count: connection.totalCount })}
          </Text>
          <Group gap="xs">
            <Button
              variant="default"
              size="xs"
              disabled={!connection.pageInfo.hasPreviousPage}
              onClick={() => navigate(pageState(state, 'previous', connection.pageInfo), 'push')}
              data-testid="page-previous"
            >
              {t('paging.previous')}
            </Button>
            <Button variant="default" size="xs" disabled={!connection.pageInfo.hasNextPage} onClick={() => navigate(pageState(state, 'next', connection.pageInfo), 'push')} data-testid="page-next">
              {t('paging.next')}
            </Button>
          </Group>
        </nav>
      </>
    );
  }

  return (
    <>
      {!nothingYet && <ListFilters state={state} tags={tagData?.segmentTags ?? []} onChange={setFilters} />}
      {notice && <NoticeBar notice={notice} onClose={() => setNotice(null)} />}
      {connection && error && <ErrorState error={error} title={t('list.errorTitle')} onRetry={refresh} />}
      <div className={styles.panel}>{content}</div>
      <DeleteSegmentModal segment={deleting} onClose={() => setDeleting(null)} onDeleted={onDeleted} />
    </>
  );
}

function NoticeBar({ notice, onClose }: { notice: Notice; onClose: () => void }) {
  const t = useTranslations('segments');
  const tCommon = useTranslations('app.common');
  const failed = notice.kind === 'duplicateFailed';
  return (
    <Alert color={failed ? 'red' : 'teal'} role={failed ? 'alert' : 'status'} mb="md" data-testid="segments-notice" data-kind={notice.kind}>
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm">
          {notice.kind === 'duplicated' && (
            <>
              {t('duplicate.done', { name: notice.name })}{' '}
              <Anchor component={Link} href={segmentHref(notice.id)} data-testid="notice-open">
                {t('duplicate.open')}
              </Anchor>
            </>
          )}
          {notice.kind === 'duplicateFailed' && t('duplicate.failed', { name: notice.name, reason: notice.reason })}
          {notice.kind === 'deleted' && t('delete.deleted', { name: notice.name })}
        </Text>
        <CloseButton size="sm" aria-label={tCommon('close')} onClick={onClose} />
      </Group>
    </Alert>
  );
}
