import { ReferenceListsPage } from '@/admin/reference-lists/ReferenceListsPage';
import { titleMetadata } from '@/i18n/metadata';

export const generateMetadata = titleMetadata('referenceLists');

export default function Page() {
  return <ReferenceListsPage />;
}
