import { PipelinesPage } from '@/admin/pipelines/PipelinesPage';
import { RequireSection } from '@/auth/RequireAccess';
import { titleMetadata } from '@/i18n/metadata';

export const generateMetadata = titleMetadata('pipelines');

export default function Page() {
  return (
    <RequireSection section="pipelines">
      <PipelinesPage />
    </RequireSection>
  );
}
