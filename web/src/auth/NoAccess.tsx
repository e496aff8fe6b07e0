'use client';

import { Anchor, Stack, Text, ThemeIcon } from '@mantine/core';
import Link from 'next/link';
import { useTranslations } from 'use-intl';
import { visibleSections } from './access';
import { useViewer } from './ViewerProvider';

function LockIcon() {
  return (
    <svg width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <rect x="4" y="11" width="16" height="10" rx="2" />
      <path d="M8 11V7a4 4 0 0 1 8 0v4" />
    </svg>
  );
}

/**
 * What a page (or a part of one) shows to someone whose role or token does not cover it: said
 * plainly, with their role and the way back, instead of an error.
 */
export function NoAccess() {
  const t = useTranslations('auth');
  const tNav = useTranslations('app.nav');
  const { viewer } = useViewer();
  const home = viewer ? visibleSections(viewer.scopes)[0] : undefined;
  return (
    <Stack align="center" gap="xs" py="xl" role="alert" data-testid="no-access">
      <ThemeIcon variant="light" color="gray" size={44} radius="xl">
        <LockIcon />
      </ThemeIcon>
      <Text fw={600} size="lg">
        {t('noAccess.title')}
      </Text>
      <Text size="sm" c="dimmed" ta="center" maw="32rem">
        {viewer ? t('noAccess.text', { role: t(`roles.${viewer.role}`) }) : t('noAccess.textSignedOut')}
      </Text>
      {home && (
        <Anchor component={Link} href={home.href} size="sm">
          {t('noAccess.back', { section: tNav(home.key) })}
        </Anchor>
      )}
    </Stack>
  );
}
