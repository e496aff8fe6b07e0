'use client';

import { Button, Group, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useTranslations } from 'use-intl';
import { useViewer } from '@/auth/ViewerProvider';
import type { UserRole } from '@/graphql/gql/graphql';
import { PageTitle } from '@/layout/PageTitle';
import { EmptyState, ErrorState, LoadingState } from '@/layout/QueryState';
import { useUserErrorText, type UserErrorLike } from '@/layout/useUserErrorText';
import { useIsClient } from '@/lib/useIsClient';
import { ConfirmModal } from '../common/ConfirmModal';
import { StatusLine, useStatus } from '../common/StatusLine';
import { useRevealDialog } from '../common/useRevealDialog';
import { pageVariables, type PageRequest } from '../stop-list/model';
import { CreateUserModal } from './CreateUserModal';
import { PAGE_SIZE } from './model';
import { OneTimePasswordModal, type IssuedPassword } from './OneTimePasswordModal';
import { DeleteUserMutation, ResetUserPasswordMutation, UpdateUserMutation, UsersQuery } from './users.query';
import { UsersTable, type UserRow } from './UsersTable';

/** A new user has no node in the cached pages yet: lists of users refresh after writes. */
const QUERY_CONTEXT = { additionalTypenames: ['User'] };

interface Pending {
  kind: 'delete' | 'reset';
  user: UserRow;
}

/**
 * /admin/users: who may sign in, with which role. Create (the one-time password is shown once),
 * change the role, deactivate / activate, give a new one-time password, delete; the API's refusals
 * (the last administrator, a user still named on records) are shown in the page's words.
 */
export function UsersPage() {
  const t = useTranslations('users');
  const errorText = useUserErrorText();
  const isClient = useIsClient();
  const { viewer } = useViewer();
  const [page, setPage] = useState<PageRequest>({});
  const [creating, setCreating] = useState(false);
  const issued = useRevealDialog<IssuedPassword>();
  const [pending, setPending] = useState<Pending | null>(null);
  const [problem, setProblem] = useState<{ userId: string; text: string } | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [status, setStatus] = useStatus();
  const context = useMemo(() => QUERY_CONTEXT, []);

  const variables = useMemo(() => pageVariables(page, PAGE_SIZE), [page]);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: UsersQuery, variables, pause: !isClient, context, requestPolicy: 'cache-and-network' });
  const [, updateUser] = useMutation(UpdateUserMutation);
  const [{ fetching: resetting }, resetPassword] = useMutation(ResetUserPasswordMutation);
  const [{ fetching: deleting }, deleteUser] = useMutation(DeleteUserMutation);
  const refresh = () => reexecute({ requestPolicy: 'network-only' });

  /** Runs a write for one row; its refusal is shown on that row, its success on the status line. */
  const run = async (user: UserRow, write: () => Promise<{ errors: readonly UserErrorLike[]; failed: string | null }>, done: string) => {
    setBusyId(user.id);
    setProblem(null);
    const { errors, failed } = await write();
    setBusyId(null);
    if (errors.length || failed) {
      setProblem({ userId: user.id, text: errors.length ? errors.map(errorText).join(' ') : t('failed') });
      return false;
    }
    setStatus(done);
    return true;
  };

  const changeRole = (user: UserRow, role: UserRole) =>
    run(
      user,
      async () => {
        const result = await updateUser({ id: user.id, input: { role } });
        return { errors: result.data?.updateUser.errors ?? [], failed: result.data ? null : (result.error?.message ?? 'failed') };
      },
      t('done.role', { name: user.name, role: t(`roles.${role}.label`) }),
    );

  const setActive = (user: UserRow, active: boolean) =>
    run(
      user,
      async () => {
        const result = await updateUser({ id: user.id, input: { active } });
        return { errors: result.data?.updateUser.errors ?? [], failed: result.data ? null : (result.error?.message ?? 'failed') };
      },
      active ? t('done.activated', { name: user.name }) : t('done.deactivated', { name: user.name }),
    );

  const confirmPending = async () => {
    if (!pending) return;
    const { user, kind } = pending;
    if (kind === 'reset') {
      let password: string | null = null;
      const ok = await run(
        user,
        async () => {
          const result = await resetPassword({ id: user.id });
          password = result.data?.resetUserPassword.oneTimePassword ?? null;
          return { errors: result.data?.resetUserPassword.errors ?? [], failed: result.data ? null : (result.error?.message ?? 'failed') };
        },
        t('done.reset', { name: user.name }),
      );
      setPending(null);
      if (ok) issued.show({ name: user.name, email: user.email ?? null, password, created: false });
      return;
    }
    const ok = await run(
      user,
      async () => {
        const result = await deleteUser({ id: user.id });
        return { errors: result.data?.deleteUser.errors ?? [], failed: result.data ? null : (result.error?.message ?? 'failed') };
      },
      t('done.deleted', { name: user.name }),
    );
    setPending(null);
    if (ok) refresh();
  };

  const connection = data?.users;
  const rows = connection?.edges.map((e) => e.node) ?? [];

  let content;
  if (!connection && error) content = <ErrorState error={error} title={t('loadFailed')} onRetry={refresh} />;
  else if (!connection) content = <LoadingState />;
  else if (rows.length === 0) content = <EmptyState title={t('empty')} />;
  else
    content = (
      <UsersTable
        rows={rows}
        busy={fetching}
        viewerId={viewer?.user.id}
        busyId={busyId}
        problem={problem}
        onRole={(user, role) => void changeRole(user, role)}
        onActive={(user, active) => void setActive(user, active)}
        onReset={(user) => setPending({ kind: 'reset', user })}
        onDelete={(user) => setPending({ kind: 'delete', user })}
      />
    );

  return (
    <>
      <PageTitle namespace="users">
        <Button onClick={() => setCreating(true)} data-testid="user-create-open">
          {t('create.button')}
        </Button>
      </PageTitle>
      <Stack gap="md">
        <Text c="dimmed" size="sm" maw="52rem">
          {t('intro')}
        </Text>
        <StatusLine message={status} />
        {content}
        {connection && (connection.pageInfo.hasPreviousPage || connection.pageInfo.hasNextPage) && (
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {t('total', { count: connection.totalCount })}
            </Text>
            <Group gap="xs">
              <Button variant="default" size="xs" disabled={!connection.pageInfo.hasPreviousPage} onClick={() => setPage({ before: connection.pageInfo.startCursor ?? undefined })}>
                {t('previous')}
              </Button>
              <Button variant="default" size="xs" disabled={!connection.pageInfo.hasNextPage} onClick={() => setPage({ after: connection.pageInfo.endCursor ?? undefined })}>
                {t('next')}
              </Button>
            </Group>
          </Group>
        )}
      </Stack>
      <CreateUserModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(created) => {
          issued.show(created);
          setStatus(t('done.created', { name: created.name }));
          refresh();
        }}
      />
      <OneTimePasswordModal dialog={issued} />
      <ConfirmModal
        opened={pending !== null}
        title={pending?.kind === 'reset' ? t('reset.title', { name: pending.user.name }) : t('delete.title', { name: pending?.user.name ?? '' })}
        onClose={() => setPending(null)}
        onConfirm={() => void confirmPending()}
        confirmLabel={pending?.kind === 'reset' ? t('reset.confirm') : t('delete.confirm')}
        busy={resetting || deleting}
      >
        <Text size="sm">{pending?.kind === 'reset' ? t('reset.text', { name: pending.user.name }) : t('delete.text', { name: pending?.user.name ?? '' })}</Text>
      </ConfirmModal>
    </>
  );
}
