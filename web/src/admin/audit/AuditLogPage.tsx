'use client';

import { Text } from '@mantine/core';
import { Suspense } from 'react';
import { useTranslations } from 'use-intl';
import { PageTitle } from '@/layout/PageTitle';
import { LoadingState } from '@/layout/QueryState';
import { AuditLog } from './AuditLog';

/** /admin/audit: who did what, when; filters in the query string. */
export function AuditLogPage() {
  const t = useTranslations('audit');
  return (
    <>
      <PageTitle namespace="audit" />
      <Text c="dimmed" size="sm" maw="48rem" mb="md">
        {t('intro')}
      </Text>
      {/* The log reads its filters from the query string (useSearchParams). */}
      <Suspense fallback={<LoadingState />}>
        <AuditLog />
      </Suspense>
    </>
  );
}
