'use client';

import { Group, Select } from '@mantine/core';
import { useTranslations } from 'use-intl';
import type { ClientType, SegmentSource } from '@/graphql/gql/graphql';

const SOURCES: SegmentSource[] = ['CLIENTS', 'LEADS'];
const CLIENT_TYPES: ClientType[] = ['ANY', 'CONTACT', 'COMPANY'];

/** Who the segment is made of: clients (contacts, companies or both) or leads. */
export function DefinitionControls({ source, clientType, onChange }: { source: SegmentSource; clientType: ClientType; onChange: (next: { source: SegmentSource; clientType: ClientType }) => void }) {
  const t = useTranslations('segmentEditor');
  return (
    <Group gap="sm" align="flex-end">
      <Select
        label={t('definition.source')}
        size="sm"
        w={180}
        allowDeselect={false}
        data={SOURCES.map((value) => ({ value, label: t(`sources.${value}`) }))}
        value={source}
        onChange={(value) => value && onChange({ source: value as SegmentSource, clientType: value === 'LEADS' ? 'ANY' : clientType })}
        data-testid="segment-source"
      />
      {source === 'CLIENTS' && (
        <Select
          label={t('definition.clientType')}
          size="sm"
          w={220}
          allowDeselect={false}
          data={CLIENT_TYPES.map((value) => ({ value, label: t(`clientTypes.${value}`) }))}
          value={clientType}
          onChange={(value) => value && onChange({ source, clientType: value as ClientType })}
          data-testid="segment-client-type"
        />
      )}
    </Group>
  );
}
