'use client';

import { Badge, Button, Stack, Table, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useFormatter, useTranslations } from 'use-intl';
import type { AdminApiTokensQuery, ApiTokenStatus } from '@/graphql/gql/graphql';
import { PageTitle } from '@/layout/PageTitle';
import { EmptyState, ErrorState, LoadingState } from '@/layout/QueryState';
import { useUserErrorText } from '@/layout/useUserErrorText';
import { useIsClient } from '@/lib/useIsClient';
import { ConfirmModal } from '../common/ConfirmModal';
import { StatusLine, useStatus } from '../common/StatusLine';
import { useRevealDialog } from '../common/useRevealDialog';
import { CreateTokenModal, type IssuedToken } from './CreateTokenModal';
import { scopeCode } from './model';
import { ApiTokensQuery, RevokeApiTokenMutation } from './tokens.query';
import { TokenSecretModal } from './TokenSecretModal';

type Token = AdminApiTokensQuery['apiTokens'][number];

/** A new token is not in the cached list yet: the list refreshes after writes. */
const QUERY_CONTEXT = { additionalTypenames: ['ApiToken'] };

const STATUS_COLOR: Record<ApiTokenStatus, string> = { ACTIVE: 'teal', EXPIRED: 'gray', REVOKED: 'red' };

/**
 * /admin/tokens: API tokens for integrators. Each shows what it is for, its first characters, its
 * scopes and state, who made it and when it was last used. A new token's secret is shown once;
 * revoking stops it at once.
 */
export function TokensPage() {
  const t = useTranslations('tokens');
  const format = useFormatter();
  const errorText = useUserErrorText();
  const isClient = useIsClient();
  const [creating, setCreating] = useState(false);
  const issued = useRevealDialog<IssuedToken>();
  const [revoking, setRevoking] = useState<Token | null>(null);
  const [revokeProblem, setRevokeProblem] = useState<string | null>(null);
  const [status, setStatus] = useStatus();
  const context = useMemo(() => QUERY_CONTEXT, []);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: ApiTokensQuery, pause: !isClient, context, requestPolicy: 'cache-and-network' });
  const [{ fetching: revokeBusy }, revoke] = useMutation(RevokeApiTokenMutation);
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const date = (value: string | null | undefined) => (value ? format.dateTime(new Date(value), { dateStyle: 'medium', timeStyle: 'short' }) : null);

  const confirmRevoke = async () => {
    if (!revoking) return;
    const result = await revoke({ id: revoking.id });
    const errors = result.data?.revokeApiToken.errors ?? [];
    if (!result.data || errors.length) {
      setRevokeProblem(errors.length ? errors.map(errorText).join(' ') : t('revoke.failed'));
      return;
    }
    setStatus(t('revoke.done', { name: revoking.name }));
    setRevoking(null);
    setRevokeProblem(null);
  };

  const tokens = data?.apiTokens;
  let content;
  if (!tokens && error) content = <ErrorState error={error} title={t('loadFailed')} onRetry={refresh} />;
  else if (!tokens) content = <LoadingState />;
  else if (tokens.length === 0)
    content = (
      <EmptyState title={t('empty')}>
        <Text size="sm" c="dimmed">
          {t('emptyText')}
        </Text>
      </EmptyState>
    );
  else
    content = (
      <Table.ScrollContainer minWidth={1000} type="native">
        <Table verticalSpacing="sm" highlightOnHover aria-label={t('title')} aria-busy={fetching} data-testid="tokens-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('columns.name')}</Table.Th>
              <Table.Th scope="col">{t('columns.scopes')}</Table.Th>
              <Table.Th scope="col">{t('columns.status')}</Table.Th>
              <Table.Th scope="col">{t('columns.created')}</Table.Th>
              <Table.Th scope="col">{t('columns.expires')}</Table.Th>
              <Table.Th scope="col">{t('columns.lastUsed')}</Table.Th>
              <Table.Th scope="col">
                <span className="sr-only">{t('columns.actions')}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tokens.map((token) => (
              <Table.Tr key={token.id} data-testid="token-row" data-token-id={token.id} data-name={token.name} data-status={token.status}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {token.name}
                  </Text>
                  <Text size="xs" c="dimmed" className="mono" title={t('hintTitle')} data-testid="token-hint">
                    {token.hint}…
                  </Text>
                </Table.Td>
                <Table.Td>
                  <ul className="token-scopes">
                    {token.scopes.map((scope) => (
                      <li key={scope}>
                        <Badge variant="outline" color="gray" size="sm" tt="none" title={t(`scopes.${scope}`)}>
                          {scopeCode(scope)}
                        </Badge>
                      </li>
                    ))}
                  </ul>
                </Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLOR[token.status]} variant="light" data-testid="token-status">
                    {t(`status.${token.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{date(token.createdAt)}</Text>
                  <Text size="xs" c="dimmed">
                    {t('by', { name: token.createdBy.name })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={token.expiresAt ? undefined : 'dimmed'}>
                    {date(token.expiresAt) ?? t('never')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={token.lastUsedAt ? undefined : 'dimmed'}>
                    {date(token.lastUsedAt) ?? t('notUsed')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {token.status === 'ACTIVE' && (
                    <Button size="compact-sm" variant="light" color="red" onClick={() => setRevoking(token)} aria-label={t('revoke.label', { name: token.name })} data-testid="token-revoke">
                      {t('revoke.button')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );

  return (
    <>
      <PageTitle namespace="tokens">
        <Button onClick={() => setCreating(true)} data-testid="token-create-open">
          {t('create.button')}
        </Button>
      </PageTitle>
      <Stack gap="md">
        <Text c="dimmed" size="sm" maw="52rem">
          {t('intro')}
        </Text>
        <StatusLine message={status} />
        {content}
      </Stack>
      <CreateTokenModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(token) => {
          issued.show(token);
          setStatus(t('create.done', { name: token.name }));
          refresh();
        }}
      />
      <TokenSecretModal dialog={issued} />
      <ConfirmModal
        opened={revoking !== null}
        title={t('revoke.title', { name: revoking?.name ?? '' })}
        onClose={() => {
          setRevoking(null);
          setRevokeProblem(null);
        }}
        onConfirm={() => void confirmRevoke()}
        confirmLabel={t('revoke.button')}
        busy={revokeBusy}
      >
        <Text size="sm">{t('revoke.text')}</Text>
        {revokeProblem && (
          <Text size="sm" c="red" role="alert">
            {revokeProblem}
          </Text>
        )}
      </ConfirmModal>
    </>
  );
}
