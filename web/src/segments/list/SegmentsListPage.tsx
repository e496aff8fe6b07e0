'use client';

import { useRouter } from 'next/navigation';
import { Suspense, useCallback, useState } from 'react';
import { useCan } from '@/auth/ViewerProvider';
import { LoadingState } from '@/layout/QueryState';
import { PageTitle } from '@/layout/PageTitle';
import { CreateStaticSegmentModal } from './CreateStaticSegmentModal';
import { segmentHref } from './model';
import { NewSegmentMenu } from './NewSegmentMenu';
import { SegmentsList } from './SegmentsList';

/** /segments: every saved segment, with the "New segment" menu in the heading. */
export function SegmentsListPage() {
  const router = useRouter();
  const [creatingStatic, setCreatingStatic] = useState(false);
  const createStatic = useCallback(() => setCreatingStatic(true), []);
  // Creating needs segments:write; a viewer sees the list only.
  const canWrite = useCan('SEGMENTS_WRITE');
  return (
    <>
      <PageTitle namespace="segments">{canWrite && <NewSegmentMenu onCreateStatic={createStatic} />}</PageTitle>
      {/* The list reads its filters from the query string (useSearchParams). */}
      <Suspense fallback={<LoadingState />}>
        <SegmentsList onCreateStatic={createStatic} />
      </Suspense>
      <CreateStaticSegmentModal opened={creatingStatic} onClose={() => setCreatingStatic(false)} onCreated={(id) => router.push(segmentHref(id))} />
    </>
  );
}
