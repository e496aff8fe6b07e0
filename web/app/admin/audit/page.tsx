import { AuditLogPage } from '@/admin/audit/AuditLogPage';
import { RequireSection } from '@/auth/RequireAccess';
import { titleMetadata } from '@/i18n/metadata';

export const generateMetadata = titleMetadata('audit');

/** The audit log: who created, changed, exported or deleted what, and when (administrators). */
export default function Page() {
  return (
    <RequireSection section="audit">
      <AuditLogPage />
    </RequireSection>
  );
}
