import { RequireSection } from '@/auth/RequireAccess';
import { SegmentPage } from '@/segments/SegmentPage';

/** One saved segment: the builder for a dynamic one, the address list for a static one. */
export default async function SegmentRoute({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <RequireSection section="segments">
      <SegmentPage id={decodeURIComponent(id)} />
    </RequireSection>
  );
}
