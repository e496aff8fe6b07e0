import { CustomFieldsPage } from '@/admin/custom-fields/CustomFieldsPage';
import { RequireSection } from '@/auth/RequireAccess';
import { titleMetadata } from '@/i18n/metadata';

export const generateMetadata = titleMetadata('customFields');

export default function Page() {
  return (
    <RequireSection section="customFields">
      <CustomFieldsPage />
    </RequireSection>
  );
}
