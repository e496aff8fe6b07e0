'use client';

import { Alert, Button, Loader, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { useTranslations } from 'use-intl';
import { isForbidden } from '@/auth/auth-exchange';
import { NoAccess } from '@/auth/NoAccess';
import { limitProblem } from './limit-problem';

/** A centred spinner with a screen-reader status; `label` defaults to "Loading…". */
export function LoadingState({ label }: { label?: string }) {
  const t = useTranslations('app.common');
  return (
    <Stack align="center" py="xl" role="status" aria-live="polite" data-testid="loading">
      <Loader size="sm" aria-hidden="true" />
      <Text size="sm" c="dimmed">
        {label ?? t('loading')}
      </Text>
    </Stack>
  );
}

/**
 * A failed query in words a marketer understands: unreachable API versus an API error, a retry
 * button, and the technical message folded away for whoever runs Segmenta. A refusal for the
 * viewer's role or token (FORBIDDEN) is not an error to retry: it shows the "no access" state.
 */
export function ErrorState({ error, title, onRetry }: { error: CombinedError | Error; title: string; onRetry?: () => void }) {
  const t = useTranslations('app.common');
  if ('graphQLErrors' in error && isForbidden(error)) return <NoAccess />;
  const unreachable = 'networkError' in error && Boolean(error.networkError);
  const limit = limitProblem(error);
  return (
    <Alert color="red" title={title} role="alert" data-testid="error-state">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{limit ? t(limit) : unreachable ? t('unreachable') : t('apiError')}</Text>
        {onRetry && (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            {t('retry')}
          </Button>
        )}
        <details>
          <summary>{t('details')}</summary>
          <code>{error.message}</code>
        </details>
      </Stack>
    </Alert>
  );
}

/** Nothing to show yet, with an optional call to action. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Stack align="center" py="xl" gap="xs" data-testid="empty-state">
      <Text fw={600}>{title}</Text>
      {children}
    </Stack>
  );
}
