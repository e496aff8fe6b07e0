import { RequireSection } from '@/auth/RequireAccess';
import { titleMetadata } from '@/i18n/metadata';
import { SegmentsListPage } from '@/segments/list/SegmentsListPage';

export const generateMetadata = titleMetadata('segments');

/** Every saved segment: search, filter, create, duplicate, delete. */
export default function SegmentsRoute() {
  return (
    <RequireSection section="segments">
      <SegmentsListPage />
    </RequireSection>
  );
}
