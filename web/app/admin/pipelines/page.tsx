import { PipelinesPage } from '@/admin/pipelines/PipelinesPage';
import { titleMetadata } from '@/i18n/metadata';

export const generateMetadata = titleMetadata('pipelines');

export default function Page() {
  return <PipelinesPage />;
}
