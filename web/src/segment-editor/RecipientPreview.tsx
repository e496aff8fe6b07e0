'use client';

import { Button, Group, Paper, SegmentedControl, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useQuery } from 'urql';
import { useFormatter, useTranslations } from 'use-intl';
import type { Channel, SegmentDefinitionInput } from '@/graphql/gql/graphql';
import { PreviewRecipientsQuery } from './editor.query';

const CHANNELS: Channel[] = ['EMAIL', 'PHONE', 'IM'];

/**
 * The recipients the (settled, valid) definition reaches on a channel, a keyset page at a time:
 * "next" follows the page's end cursor, "previous" goes back through the cursors already seen.
 */
export function RecipientPreview({ definition, valid }: { definition: SegmentDefinitionInput; valid: boolean }) {
  const t = useTranslations('segmentEditor');
  const format = useFormatter();
  const [channel, setChannel] = useState<Channel>('EMAIL');
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  // A new definition or channel starts from the first page, in the same render: reset in an effect,
  // the query would first go out with the new definition and the old page's cursor.
  const pagedKey = `${channel}:${JSON.stringify(definition)}`;
  const [pagedFor, setPagedFor] = useState(pagedKey);
  if (pagedFor !== pagedKey) {
    setPagedFor(pagedKey);
    setCursors([null]);
  }
  const after = cursors[cursors.length - 1] ?? null;
  const [{ data, fetching }] = useQuery({ query: PreviewRecipientsQuery, variables: { input: definition, channel, after }, pause: !valid });
  const connection = data?.previewSegment.recipients;
  const rows = connection?.edges ?? [];

  return (
    <Paper withBorder p="md" radius="md" data-testid="recipient-preview" aria-busy={fetching}>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h5">
          {t('preview.heading')}
        </Title>
        <SegmentedControl
          size="xs"
          value={channel}
          onChange={(value) => setChannel(value as Channel)}
          data={CHANNELS.map((c) => ({ value: c, label: t(`counts.${c}`) }))}
          aria-label={t('preview.heading')}
        />
      </Group>
      <div className="preview-table">
        <Table striped highlightOnHover verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('preview.address')}</Table.Th>
              <Table.Th>{t('preview.name')}</Table.Th>
              <Table.Th>{t('preview.owner')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(({ node, cursor }) => (
              <Table.Tr key={cursor} data-testid="preview-row">
                <Table.Td className="mono">{node.address}</Table.Td>
                <Table.Td>{node.name ?? '—'}</Table.Td>
                <Table.Td>
                  {node.owner ? t(`ownerTypes.${node.owner.__typename}`) : '—'}
                  {node.ownerCount > 1 && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      {t('preview.sharedBy', { count: node.ownerCount - 1 })}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {valid && !fetching && rows.length === 0 && (
          <Text size="sm" c="dimmed" py="md" ta="center">
            {t('preview.empty')}
          </Text>
        )}
      </div>
      <Group justify="space-between" mt="xs">
        <Text size="xs" c="dimmed" data-testid="preview-total">
          {connection ? t('preview.total', { count: connection.totalCount, formatted: format.number(connection.totalCount) }) : ''}
        </Text>
        <Group gap="xs">
          <Button size="xs" variant="default" disabled={cursors.length <= 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
            {t('preview.previous')}
          </Button>
          <Button
            size="xs"
            variant="default"
            disabled={!connection?.pageInfo.hasNextPage}
            onClick={() => connection?.pageInfo.endCursor && setCursors((c) => [...c, connection.pageInfo.endCursor ?? null])}
          >
            {t('preview.next')}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
