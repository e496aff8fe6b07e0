'use client';

import { Button, Group, Menu, Stack, Text } from '@mantine/core';
import Link from 'next/link';
import { useTranslations } from 'use-intl';

/** The builder for a new dynamic segment, and the same starting from a ready-made filter. */
export const NEW_DYNAMIC_HREF = '/segments/new';
export const NEW_FROM_TEMPLATE_HREF = '/segments/new?template=choose';

function ChevronDown() {
  return (
    <svg width="14" height="14" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.25" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d="m6 9 6 6 6-6" />
    </svg>
  );
}

function ItemText({ title, hint }: { title: string; hint: string }) {
  return (
    <Stack gap={0}>
      <Text size="sm" fw={500}>
        {title}
      </Text>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    </Stack>
  );
}

/** "New segment": dynamic (the builder), from a template, or static (asks for a name first). */
export function NewSegmentMenu({ onCreateStatic }: { onCreateStatic: () => void }) {
  const t = useTranslations('segments.create');
  return (
    <Menu position="bottom-end" width={320} shadow="md">
      <Menu.Target>
        <Button rightSection={<ChevronDown />} data-testid="new-segment">
          {t('button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component={Link} href={NEW_DYNAMIC_HREF} data-testid="new-segment-dynamic">
          <ItemText title={t('dynamic')} hint={t('dynamicHint')} />
        </Menu.Item>
        <Menu.Item component={Link} href={NEW_FROM_TEMPLATE_HREF} data-testid="new-segment-template">
          <ItemText title={t('template')} hint={t('templateHint')} />
        </Menu.Item>
        <Menu.Item onClick={onCreateStatic} data-testid="new-segment-static">
          <ItemText title={t('static')} hint={t('staticHint')} />
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** The same three ways to start, as buttons (the empty list's call to action). */
export function CreateSegmentButtons({ onCreateStatic }: { onCreateStatic: () => void }) {
  const t = useTranslations('segments.create');
  return (
    <Group gap="sm" justify="center">
      <Button component={Link} href={NEW_DYNAMIC_HREF} data-testid="empty-new-dynamic">
        {t('dynamic')}
      </Button>
      <Button component={Link} href={NEW_FROM_TEMPLATE_HREF} variant="light" data-testid="empty-new-template">
        {t('template')}
      </Button>
      <Button variant="default" onClick={onCreateStatic} data-testid="empty-new-static">
        {t('static')}
      </Button>
    </Group>
  );
}
