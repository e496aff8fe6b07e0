import { StopListPage } from '@/admin/stop-list/StopListPage';
import { titleMetadata } from '@/i18n/metadata';

export const generateMetadata = titleMetadata('stopList');

export default function Page() {
  return <StopListPage />;
}
