'use client';

import { Button, Card, SimpleGrid, Text, Title } from '@mantine/core';
import { useQuery } from 'urql';
import { useLocale, useTranslations } from 'use-intl';
import type { EditorSegmentTemplatesQuery } from '@/graphql/gql/graphql';
import { ErrorState, LoadingState } from '@/layout/QueryState';
import { SegmentTemplatesQuery } from './editor.query';

export type SegmentTemplate = EditorSegmentTemplatesQuery['segmentTemplates'][number];

/** Ready-made filters (in the UI language) and a blank start. */
export function TemplatePicker({ onPick }: { onPick: (template: SegmentTemplate | null) => void }) {
  const t = useTranslations('segmentEditor.templates');
  const locale = useLocale();
  const [{ data, error }, reexecute] = useQuery({ query: SegmentTemplatesQuery, variables: { locale } });
  if (error && !data) return <ErrorState error={error} title={t('failed')} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!data) return <LoadingState />;
  return (
    <section aria-labelledby="templates-heading" data-testid="template-picker">
      <Title order={2} size="h4" id="templates-heading" mb="sm">
        {t('heading')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        <Card withBorder padding="md" radius="md">
          <Text fw={600}>{t('blank')}</Text>
          <Text size="sm" c="dimmed" mb="sm">
            {t('blankText')}
          </Text>
          <Button variant="default" size="xs" onClick={() => onPick(null)} mt="auto" data-testid="template-blank">
            {t('use')}
          </Button>
        </Card>
        {data.segmentTemplates.map((template) => (
          <Card key={template.id} withBorder padding="md" radius="md" data-testid="template-card" data-template={template.id}>
            <Text fw={600}>{template.name}</Text>
            <Text size="sm" c="dimmed" mb="sm">
              {template.description}
            </Text>
            <Button size="xs" onClick={() => onPick(template)} mt="auto" aria-label={`${t('use')}: ${template.name}`} data-testid="template-use">
              {t('use')}
            </Button>
          </Card>
        ))}
      </SimpleGrid>
    </section>
  );
}
