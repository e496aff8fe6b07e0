import { AuditLogPage } from '@/admin/audit/AuditLogPage';
import { titleMetadata } from '@/i18n/metadata';

export const generateMetadata = titleMetadata('audit');

/** The audit log: who created, changed, exported or deleted what, and when. */
export default function Page() {
  return <AuditLogPage />;
}
