'use client';

import { ActionIcon, Badge, Group, Menu, NativeSelect, Table, Text, Tooltip } from '@mantine/core';
import { useFormatter, useTranslations } from 'use-intl';
import type { AdminUsersQuery, UserRole } from '@/graphql/gql/graphql';
import { isSelf, ROLES } from './model';

export type UserRow = AdminUsersQuery['users']['edges'][number]['node'];

interface RowHandlers {
  onRole: (user: UserRow, role: UserRole) => void;
  onActive: (user: UserRow, active: boolean) => void;
  onReset: (user: UserRow) => void;
  onDelete: (user: UserRow) => void;
}

interface TableProps extends RowHandlers {
  rows: UserRow[];
  busy: boolean;
  viewerId: string | undefined;
  busyId: string | null;
  problem: { userId: string; text: string } | null;
}

export function UsersTable({ rows, busy, viewerId, busyId, problem, ...handlers }: TableProps) {
  const t = useTranslations('users');
  return (
    <Table.ScrollContainer minWidth={860} type="native">
      <Table verticalSpacing="sm" highlightOnHover aria-label={t('title')} aria-busy={busy} data-testid="users-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('columns.name')}</Table.Th>
            <Table.Th scope="col" w={200}>
              {t('columns.role')}
            </Table.Th>
            <Table.Th scope="col" w={200}>
              {t('columns.status')}
            </Table.Th>
            <Table.Th scope="col" w={180}>
              {t('columns.lastSignIn')}
            </Table.Th>
            <Table.Th scope="col" w={60}>
              <span className="sr-only">{t('columns.actions')}</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((user) => (
            <Row key={user.id} user={user} self={isSelf(user.id, viewerId)} busy={busyId === user.id} problem={problem?.userId === user.id ? problem.text : null} {...handlers} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Row({ user, self, busy, problem, onRole, onActive, onReset, onDelete }: { user: UserRow; self: boolean; busy: boolean; problem: string | null } & RowHandlers) {
  const t = useTranslations('users');
  const format = useFormatter();
  return (
    <Table.Tr data-testid="user-row" data-user-id={user.id} data-email={user.email ?? ''} data-role={user.role} data-active={user.active}>
      <Table.Td>
        <Text size="sm" fw={600}>
          {user.name}{' '}
          {self && (
            <Badge size="xs" variant="light">
              {t('you')}
            </Badge>
          )}
        </Text>
        <Text size="xs" c="dimmed">
          {user.email ?? t('noEmail')}
        </Text>
        {problem && (
          <Text size="xs" c="red" role="alert" mt={4} data-testid="user-problem">
            {problem}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Tooltip label={t('selfHint')} disabled={!self} withArrow>
          <NativeSelect
            size="xs"
            aria-label={t('roleOf', { name: user.name })}
            // Null only for non-administrators, who do not get this page.
            value={user.role ?? ''}
            disabled={self || busy}
            data={ROLES.map((role) => ({ value: role, label: t(`roles.${role}.label`) }))}
            onChange={(event) => onRole(user, event.currentTarget.value as UserRole)}
            data-testid="user-role"
          />
        </Tooltip>
      </Table.Td>
      <Table.Td>
        <Group gap={6}>
          <Badge color={user.active ? 'teal' : 'gray'} variant="light" data-testid="user-status">
            {user.active ? t('status.active') : t('status.inactive')}
          </Badge>
          {user.mustChangePassword && (
            <Badge color="orange" variant="light" title={t('status.oneTimeHint')} data-testid="user-one-time">
              {t('status.oneTime')}
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm" c={user.lastSignInAt ? undefined : 'dimmed'}>
          {user.lastSignInAt ? format.dateTime(new Date(user.lastSignInAt), { dateStyle: 'medium', timeStyle: 'short' }) : t('never')}
        </Text>
      </Table.Td>
      <Table.Td>
        <Menu position="bottom-end" shadow="md" width={230} withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('actionsFor', { name: user.name })} loading={busy} data-testid="user-actions">
              <DotsIcon />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => onReset(user)} disabled={!user.email} data-testid="user-reset">
              {t('reset.button')}
            </Menu.Item>
            <Menu.Item onClick={() => onActive(user, !user.active)} disabled={self} data-testid="user-toggle-active">
              {user.active ? t('deactivate') : t('activate')}
            </Menu.Item>
            <Menu.Divider />
            <Menu.Item color="red" onClick={() => onDelete(user)} disabled={self} data-testid="user-delete">
              {t('delete.button')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
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
