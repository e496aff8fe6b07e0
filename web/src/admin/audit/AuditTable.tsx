'use client';

import { Anchor, Badge, Table, Text } from '@mantine/core';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'use-intl';
import type { AdminAuditEventsQuery } from '@/graphql/gql/graphql';
import { segmentHref } from '@/segments/list/model';
import { detailLines, type DetailWords } from './details';
import styles from './AuditLog.module.css';

export type AuditRow = AdminAuditEventsQuery['auditEvents']['edges'][number]['node'];

/** One page of events: when, who, what, about which object, and the details. */
export function AuditTable({ rows, busy }: { rows: readonly AuditRow[]; busy: boolean }) {
  const t = useTranslations('audit');
  return (
    <Table.ScrollContainer minWidth={880}>
      <Table className={styles.table} verticalSpacing="sm" aria-busy={busy} data-testid="audit-table">
        <caption className="sr-only">{t('table.caption')}</caption>
        <colgroup>
          <col className={styles.colTime} />
          <col className={styles.colActor} />
          <col className={styles.colAction} />
          <col className={styles.colSubject} />
          <col />
        </colgroup>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('table.time')}</Table.Th>
            <Table.Th scope="col">{t('table.actor')}</Table.Th>
            <Table.Th scope="col">{t('table.action')}</Table.Th>
            <Table.Th scope="col">{t('table.subject')}</Table.Th>
            <Table.Th scope="col">{t('table.details')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <EventRow key={row.id} row={row} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function EventRow({ row }: { row: AuditRow }) {
  const t = useTranslations('audit');
  const tStop = useTranslations('stopList');
  const format = useFormatter();
  const at = new Date(row.occurredAt);
  const words: DetailWords = {
    channel: (c) => (['EMAIL', 'PHONE', 'IM'].includes(c) ? tStop(`channel.${c as 'EMAIL'}`) : c),
    reason: (r) => (['UNSUBSCRIBED', 'BOUNCED', 'COMPLAINED'].includes(r) ? tStop(`reason.${r as 'BOUNCED'}`) : r),
    kind: (k) => (k === 'DYNAMIC' || k === 'STATIC' ? t(`kind.${k}`) : k),
    part: (p) => (t.has(`part.${p as 'name'}`) ? t(`part.${p as 'name'}`) : p),
    list: (items) => format.list(items, { type: 'conjunction' }),
  };
  const details = detailLines(row.action, row.details, words);
  return (
    <Table.Tr data-testid="audit-row" data-action={row.action} data-subject-id={row.subjectId ?? ''}>
      <Table.Td>
        <time dateTime={row.occurredAt}>{format.dateTime(at, { dateStyle: 'medium', timeStyle: 'medium' })}</time>
      </Table.Td>
      <Table.Td className={styles.cellText}>
        <Text size="sm" data-testid="audit-actor">
          {row.actorLabel ?? row.actor?.name ?? t('anonymous')}
        </Text>
        {row.viaApiToken && (
          <Badge size="xs" variant="light" color="gray">
            {t('apiToken')}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={500} data-testid="audit-action-label">
          {t(`action.${row.action}`)}
        </Text>
      </Table.Td>
      <Table.Td className={styles.cellText} data-testid="audit-subject">
        <Subject row={row} />
      </Table.Td>
      <Table.Td>
        {details.length ? (
          <ul className={styles.details}>
            {details.map((line) => (
              <li key={line.key}>{t(`details.${line.key}` as 'details.version', line.values as { version: number })}</li>
            ))}
          </ul>
        ) : (
          <Text size="sm" c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** A segment links to its page while it exists; other subjects are named. */
function Subject({ row }: { row: AuditRow }) {
  const t = useTranslations('audit');
  switch (row.subjectType) {
    case 'SEGMENT':
      return row.segment ? (
        <>
          <Anchor component={Link} href={segmentHref(row.segment.id)} size="sm" data-testid="audit-subject-link">
            {row.subjectName ?? row.segment.name}
          </Anchor>
          {row.subjectName && row.subjectName !== row.segment.name && (
            <Text size="xs" c="dimmed">
              {t('nowNamed', { name: row.segment.name })}
            </Text>
          )}
        </>
      ) : (
        <Text size="sm">
          {row.subjectName ?? t('subjectType.SEGMENT')}{' '}
          <Badge size="xs" variant="outline" color="gray">
            {t('deleted')}
          </Badge>
        </Text>
      );
    case 'STOP_LIST':
    case 'STOP_LIST_ENTRY':
      return (
        <Anchor component={Link} href="/admin/stop-list" size="sm">
          {row.subjectName ?? t('stopList')}
        </Anchor>
      );
    default:
      return <Text size="sm">{row.subjectName ?? t(`subjectType.${row.subjectType}`)}</Text>;
  }
}
