'use client';

import { ActionIcon, Anchor, Badge, Menu, Table, Text } from '@mantine/core';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'use-intl';
import type { SegmentsListQuery } from '@/graphql/gql/graphql';
import { segmentHref, sourceKey } from './model';
import { SegmentSizes, SegmentSizesHeading } from './SegmentSizes';
import styles from './SegmentsList.module.css';

export type SegmentRow = SegmentsListQuery['segments']['edges'][number]['node'];

interface RowHandlers {
  onDuplicate: (row: SegmentRow) => void;
  onDelete: (row: SegmentRow) => void;
}

/** The segments of one page: what each is, its sizes (counted per row) and when it last changed. */
export function SegmentsTable({
  rows,
  busy,
  canWrite,
  highlightId,
  duplicatingId,
  ...handlers
}: { rows: SegmentRow[]; busy: boolean; canWrite: boolean; highlightId: string | null; duplicatingId: string | null } & RowHandlers) {
  const t = useTranslations('segments');
  return (
    <Table.ScrollContainer minWidth={900} type="native">
      <Table className={styles.table} verticalSpacing="sm" highlightOnHover aria-label={t('list.label')} aria-busy={busy} data-testid="segments-table">
        <colgroup>
          <col className={styles.colName} />
          <col className={styles.colKind} />
          <col className={styles.colTags} />
          <col className={styles.colSize} />
          <col className={styles.colUpdated} />
          <col className={styles.colActions} />
        </colgroup>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('columns.name')}</Table.Th>
            <Table.Th scope="col">{t('columns.kindSource')}</Table.Th>
            <Table.Th scope="col">{t('columns.tags')}</Table.Th>
            <Table.Th scope="col">
              <SegmentSizesHeading />
            </Table.Th>
            <Table.Th scope="col">{t('columns.updated')}</Table.Th>
            <Table.Th scope="col">
              <span className={styles.srOnly}>{t('columns.actions')}</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Row key={row.id} row={row} canWrite={canWrite} highlighted={row.id === highlightId} duplicating={row.id === duplicatingId} {...handlers} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Row({ row, canWrite, highlighted, duplicating, onDuplicate, onDelete }: { row: SegmentRow; canWrite: boolean; highlighted: boolean; duplicating: boolean } & RowHandlers) {
  const t = useTranslations('segments');
  const format = useFormatter();
  const updatedAt = new Date(row.updatedAt);
  return (
    <Table.Tr className={highlighted ? styles.newRow : undefined} data-testid="segment-row" data-segment-id={row.id} data-name={row.name} data-new={highlighted || undefined}>
      <Table.Td>
        <Anchor component={Link} href={segmentHref(row.id)} className={styles.nameLink} data-testid="segment-link">
          {row.name}
        </Anchor>
        {row.description && (
          <Text size="xs" c="dimmed" lineClamp={1} title={row.description}>
            {row.description}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color={row.kind === 'STATIC' ? 'teal' : 'indigo'} tt="none" data-testid="segment-kind" data-kind={row.kind}>
          {t(`kind.${row.kind}`)}
        </Badge>
        <Text size="xs" c="dimmed" mt={4} data-testid="segment-source" data-source={sourceKey(row)}>
          {t(`source.${sourceKey(row)}`)}
        </Text>
      </Table.Td>
      <Table.Td>
        {row.tags.length > 0 && (
          <ul className={styles.tags} data-testid="segment-tags">
            {row.tags.map((tag) => (
              <li key={tag}>
                <Badge variant="outline" color="gray" size="sm" tt="none" maw="100%" title={tag}>
                  {tag}
                </Badge>
              </li>
            ))}
          </ul>
        )}
      </Table.Td>
      <Table.Td>
        <SegmentSizes segmentId={row.id} />
      </Table.Td>
      <Table.Td>
        <Text size="sm" title={format.dateTime(updatedAt, { dateStyle: 'full', timeStyle: 'medium' })}>
          <time dateTime={row.updatedAt}>{format.dateTime(updatedAt, { dateStyle: 'medium', timeStyle: 'short' })}</time>
        </Text>
        {row.updatedBy && (
          <Text size="xs" c="dimmed" truncate="end" title={row.updatedBy.name}>
            {t('updated.by', { name: row.updatedBy.name })}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {/* Duplicate and delete write; without segments:write the name's link is the way in. */}
        {canWrite && <RowActions row={row} duplicating={duplicating} onDuplicate={onDuplicate} onDelete={onDelete} />}
      </Table.Td>
    </Table.Tr>
  );
}

function DotsIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" fill="currentColor" aria-hidden="true">
      <circle cx="5" cy="12" r="2" />
      <circle cx="12" cy="12" r="2" />
      <circle cx="19" cy="12" r="2" />
    </svg>
  );
}

function RowActions({ row, duplicating, onDuplicate, onDelete }: { row: SegmentRow; duplicating: boolean } & RowHandlers) {
  const t = useTranslations('segments.rowActions');
  return (
    <Menu position="bottom-end" shadow="md" width={200}>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('menu', { name: row.name })} loading={duplicating} data-testid="row-actions">
          <DotsIcon />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component={Link} href={segmentHref(row.id)} data-testid="row-open">
          {t('open')}
        </Menu.Item>
        <Menu.Item onClick={() => onDuplicate(row)} disabled={duplicating} data-testid="row-duplicate">
          {t('duplicate')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item color="red" onClick={() => onDelete(row)} data-testid="row-delete">
          {t('delete')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
