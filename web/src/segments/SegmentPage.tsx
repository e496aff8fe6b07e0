'use client';

import { notFound } from 'next/navigation';
import { useQuery } from 'urql';
import { useTranslations } from 'use-intl';
import { ErrorState, LoadingState } from '@/layout/QueryState';
import { useIsClient } from '@/lib/useIsClient';
import { DynamicSegmentEditor } from '@/segment-editor/DynamicSegmentEditor';
import { StaticSegmentEditor } from '@/static-segment/StaticSegmentEditor';
import { SegmentKindQuery } from './segment-kind.query';

/** Opens a saved segment in the editor that fits its kind. */
export function SegmentPage({ id }: { id: string }) {
  const t = useTranslations('app');
  const isClient = useIsClient();
  const [{ data, error }, reexecute] = useQuery({ query: SegmentKindQuery, variables: { id }, pause: !isClient });
  if (error && !data) return <ErrorState error={error} title={t('errorPage.title')} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!data) return <LoadingState />;
  if (!data.segment) notFound();
  return data.segment.kind === 'STATIC' ? <StaticSegmentEditor segmentId={id} /> : <DynamicSegmentEditor segmentId={id} />;
}
