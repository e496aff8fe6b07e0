import { UsersPage } from '@/admin/users/UsersPage';
import { RequireSection } from '@/auth/RequireAccess';
import { titleMetadata } from '@/i18n/metadata';

export const generateMetadata = titleMetadata('users');

export default function Page() {
  return (
    <RequireSection section="users">
      <UsersPage />
    </RequireSection>
  );
}
