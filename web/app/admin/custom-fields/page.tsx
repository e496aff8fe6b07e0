import { CustomFieldsPage } from '@/admin/custom-fields/CustomFieldsPage';
import { titleMetadata } from '@/i18n/metadata';

export const generateMetadata = titleMetadata('customFields');

export default function Page() {
  return <CustomFieldsPage />;
}
