import { TokensPage } from '@/admin/tokens/TokensPage';
import { RequireSection } from '@/auth/RequireAccess';
import { titleMetadata } from '@/i18n/metadata';

export const generateMetadata = titleMetadata('tokens');

export default function Page() {
  return (
    <RequireSection section="tokens">
      <TokensPage />
    </RequireSection>
  );
}
