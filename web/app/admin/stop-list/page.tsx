import { StopListPage } from '@/admin/stop-list/StopListPage';
import { RequireSection } from '@/auth/RequireAccess';
import { titleMetadata } from '@/i18n/metadata';

export const generateMetadata = titleMetadata('stopList');

export default function Page() {
  return (
    <RequireSection section="stopList">
      <StopListPage />
    </RequireSection>
  );
}
