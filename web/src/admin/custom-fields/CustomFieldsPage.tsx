'use client';

import { Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import type { CustomFieldEntity } from '@/graphql/gql/graphql';
import { PageTitle } from '@/layout/PageTitle';
import { CustomFieldsEditor } from './CustomFieldsEditor';
import { ENTITIES } from './model';

/** Custom fields per kind of record. */
export function CustomFieldsPage() {
  const t = useTranslations('customFields');
  const [entity, setEntity] = useState<CustomFieldEntity>(ENTITIES[0]!);
  return (
    <>
      <PageTitle namespace="customFields" />
      <Stack gap="md">
        <Text c="dimmed" size="sm" maw="48rem">
          {t('intro')}
        </Text>
        <Tabs value={entity} onChange={(value) => value && setEntity(value as CustomFieldEntity)} keepMounted={false} variant="outline">
          <Tabs.List aria-label={t('entities.label')}>
            {ENTITIES.map((e) => (
              <Tabs.Tab key={e} value={e} data-testid={`entity-tab-${e}`}>
                {t(`entities.${e}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {ENTITIES.map((e) => (
            <Tabs.Panel key={e} value={e} pt="md">
              <CustomFieldsEditor entity={e} />
            </Tabs.Panel>
          ))}
        </Tabs>
      </Stack>
    </>
  );
}
