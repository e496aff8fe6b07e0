import { ReferenceListsPage } from '@/admin/reference-lists/ReferenceListsPage';
import { RequireSection } from '@/auth/RequireAccess';
import { titleMetadata } from '@/i18n/metadata';

export const generateMetadata = titleMetadata('referenceLists');

export default function Page() {
  return (
    <RequireSection section="referenceLists">
      <ReferenceListsPage />
    </RequireSection>
  );
}
