import { Suspense } from 'react';
import { RequireScope } from '@/auth/RequireAccess';
import { titleMetadata } from '@/i18n/metadata';
import { LoadingState } from '@/layout/QueryState';
import { DynamicSegmentEditor } from '@/segment-editor/DynamicSegmentEditor';

export const generateMetadata = titleMetadata('segmentEditor');

/** A new dynamic segment: blank, or from a ready-made filter (`?template=<id>`, `?template=choose`). */
export default function NewSegmentRoute() {
  return (
    <RequireScope anyOf={['SEGMENTS_WRITE']}>
      <Suspense fallback={<LoadingState />}>
        <DynamicSegmentEditor />
      </Suspense>
    </RequireScope>
  );
}
