import { RequireSection } from '@/auth/RequireAccess';
import { Dashboard } from '@/dashboard/Dashboard';
import { titleMetadata } from '@/i18n/metadata';
import { PageTitle } from '@/layout/PageTitle';

export const generateMetadata = titleMetadata('dashboard');

export default function HomePage() {
  return (
    <RequireSection section="dashboard">
      <PageTitle namespace="dashboard" />
      <Dashboard />
    </RequireSection>
  );
}
