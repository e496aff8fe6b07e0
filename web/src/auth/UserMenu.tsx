'use client';

import { Avatar, Badge, Menu, Text, UnstyledButton } from '@mantine/core';
import Link from 'next/link';
import { useState } from 'react';
import { useMutation } from 'urql';
import { useTranslations } from 'use-intl';
import { LogOutMutation } from './auth.query';
import { CHANGE_PASSWORD_PATH, LOGIN_PATH } from './paths';
import type { Viewer } from './ViewerProvider';

function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return (words.length > 1 ? `${words[0]![0]}${words[words.length - 1]![0]}` : (words[0] ?? '?').slice(0, 2)).toUpperCase();
}

/** The signed-in user's name and role in the header; the menu changes the password or signs out. */
export function UserMenu({ viewer }: { viewer: Viewer }) {
  const t = useTranslations('auth');
  const [, logOut] = useMutation(LogOutMutation);
  const [leaving, setLeaving] = useState(false);

  const signOut = async () => {
    setLeaving(true);
    await logOut({});
    // A full load of the login page: nothing of this session stays in memory.
    window.location.assign(LOGIN_PATH);
  };

  return (
    <Menu position="bottom-end" width={240} shadow="md" withinPortal>
      <Menu.Target>
        <UnstyledButton className="user-menu-button" aria-label={t('menu.label', { name: viewer.user.name })} data-testid="user-menu" data-role={viewer.role}>
          <Avatar size={28} radius="xl" color="indigo" aria-hidden="true">
            {initials(viewer.user.name)}
          </Avatar>
          <span className="user-menu-text">
            <Text size="sm" fw={600} truncate="end" data-testid="user-name">
              {viewer.user.name}
            </Text>
            <Badge size="xs" variant="light" tt="none" color={viewer.role === 'ADMIN' ? 'grape' : viewer.role === 'MARKETER' ? 'indigo' : 'gray'} data-testid="user-role">
              {t(`roles.${viewer.role}`)}
            </Badge>
          </span>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('menu.signedInAs', { email: viewer.user.email ?? viewer.user.name })}</Menu.Label>
        <Menu.Item component={Link} href={CHANGE_PASSWORD_PATH} data-testid="menu-change-password">
          {t('menu.changePassword')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item onClick={() => void signOut()} disabled={leaving} data-testid="menu-sign-out">
          {t('menu.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
