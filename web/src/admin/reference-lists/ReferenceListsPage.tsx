'use client';

import { Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import type { ReferenceList } from '@/graphql/gql/graphql';
import { PageTitle } from '@/layout/PageTitle';
import { ReferenceListEditor } from './ReferenceListEditor';
import { REFERENCE_LISTS } from './model';

/** Reference lists: pick a list, then edit its values. */
export function ReferenceListsPage() {
  const t = useTranslations('referenceLists');
  const [list, setList] = useState<ReferenceList>(REFERENCE_LISTS[0]!);
  return (
    <>
      <PageTitle namespace="referenceLists" />
      <Stack gap="md">
        <Text c="dimmed" size="sm" maw="48rem">
          {t('intro')}
        </Text>
        <Tabs value={list} onChange={(value) => value && setList(value as ReferenceList)} keepMounted={false} variant="outline">
          <Tabs.List aria-label={t('lists.label')}>
            {REFERENCE_LISTS.map((l) => (
              <Tabs.Tab key={l} value={l} data-testid={`list-tab-${l}`}>
                {t(`lists.${l}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {REFERENCE_LISTS.map((l) => (
            <Tabs.Panel key={l} value={l} pt="md">
              <ReferenceListEditor list={l} />
            </Tabs.Panel>
          ))}
        </Tabs>
      </Stack>
    </>
  );
}
