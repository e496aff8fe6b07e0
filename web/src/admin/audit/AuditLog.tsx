'use client';

import { Alert, Button, CloseButton, Group, Text } from '@mantine/core';
import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { useQuery } from 'urql';
import { useTranslations } from 'use-intl';
import { EmptyState, ErrorState, LoadingState } from '@/layout/QueryState';
import { useIsClient } from '@/lib/useIsClient';
import { AuditEventsQuery, AuditUsersQuery } from './audit.query';
import { auditStateToQuery, auditVariables, DEFAULT_AUDIT_STATE, hasFilters, pageState, parseAuditState, withFilters, type AuditState } from './audit-state';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import styles from './AuditLog.module.css';

/**
 * The filters and one page of events. The view lives in the query string: filters replace the
 * current history entry, pages push one (Back returns to the newer page).
 */
export function AuditLog() {
  const t = useTranslations('audit');
  const tCommon = useTranslations('app.common');
  const pathname = usePathname() ?? '/admin/audit';
  const searchParams = useSearchParams();
  const state = useMemo(() => parseAuditState(searchParams), [searchParams]);
  const isClient = useIsClient();

  const navigate = useCallback(
    (next: AuditState, mode: 'push' | 'replace') => {
      const url = `${pathname}${auditStateToQuery(next)}`;
      if (mode === 'push') window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
    },
    [pathname],
  );

  const variables = useMemo(() => auditVariables(state), [state]);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: AuditEventsQuery, variables, pause: !isClient, requestPolicy: 'cache-and-network' });
  const [{ data: userData }] = useQuery({ query: AuditUsersQuery, pause: !isClient });
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const users = useMemo(() => userData?.users.edges.map((e) => e.node) ?? [], [userData]);

  const connection = data?.auditEvents;
  const rows = connection?.edges.map((edge) => edge.node) ?? [];
  const filtered = hasFilters(state);
  const onLaterPage = Boolean(state.after || state.before);
  const subjectName = state.subject ? rows.find((r) => r.subjectId === state.subject)?.subjectName : null;

  let content;
  if (!isClient || (!connection && !error)) {
    content = <LoadingState label={t('loading')} />;
  } else if (!connection) {
    content = <ErrorState error={error!} title={t('loadError')} onRetry={refresh} />;
  } else if (rows.length === 0 && onLaterPage) {
    content = (
      <EmptyState title={t('emptyPage')}>
        <Button variant="light" onClick={() => navigate({ ...state, after: null, before: null }, 'replace')}>
          {t('firstPage')}
        </Button>
      </EmptyState>
    );
  } else if (rows.length === 0) {
    content = filtered ? (
      <div data-testid="audit-no-match">
        <EmptyState title={t('noMatch')}>
          <Button variant="light" onClick={() => navigate(DEFAULT_AUDIT_STATE, 'replace')}>
            {t('filters.clear')}
          </Button>
        </EmptyState>
      </div>
    ) : (
      <EmptyState title={t('empty')} />
    );
  } else {
    content = (
      <>
        <AuditTable rows={rows} busy={fetching} />
        <nav className={styles.footer} aria-label={t('paging.label')}>
          <Text size="sm" c="dimmed" data-testid="audit-total" data-value={connection.totalCount}>
            {t('total', { count: connection.totalCount })}
          </Text>
          <Group gap="xs">
            <Button
              variant="default"
              size="xs"
              disabled={!connection.pageInfo.hasPreviousPage}
              onClick={() => navigate(pageState(state, 'previous', connection.pageInfo), 'push')}
              data-testid="audit-newer"
            >
              {t('paging.newer')}
            </Button>
            <Button variant="default" size="xs" disabled={!connection.pageInfo.hasNextPage} onClick={() => navigate(pageState(state, 'next', connection.pageInfo), 'push')} data-testid="audit-older">
              {t('paging.older')}
            </Button>
          </Group>
        </nav>
      </>
    );
  }

  return (
    <>
      <AuditFilters state={state} users={users} onChange={(change) => navigate(withFilters(state, change), 'replace')} onClear={() => navigate(DEFAULT_AUDIT_STATE, 'replace')} />
      {state.subject && (
        <Alert color="indigo" mb="md" data-testid="audit-subject-filter">
          <Group justify="space-between" wrap="nowrap" gap="sm">
            {/* Named once the page has loaded (the name comes with the events). */}
            <Text size="sm">{!connection ? '\u00a0' : subjectName ? t('filters.subject', { name: subjectName }) : t('filters.subjectUnnamed')}</Text>
            <CloseButton size="sm" aria-label={t('filters.clearSubject')} title={tCommon('close')} onClick={() => navigate(withFilters(state, { subject: null }), 'replace')} />
          </Group>
        </Alert>
      )}
      {connection && error && <ErrorState error={error} title={t('loadError')} onRetry={refresh} />}
      <div className={styles.panel}>{content}</div>
    </>
  );
}
