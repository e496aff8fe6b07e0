import type { AuditSubjectType } from './audit.enums';

/**
 * The GraphQL type (and global-id prefix) of each subject type that is one object (the stop list
 * as a whole, STOP_LIST, has none). Written out here because the audit log sits below the record kinds; the
 * manifest (domains.ts) refuses to load when an entry's audit subject names another type.
 */
export const SUBJECT_TYPE_NAMES: Readonly<Partial<Record<AuditSubjectType, string>>> = {
  SEGMENT: 'Segment',
  STOP_LIST_ENTRY: 'StopListEntry',
  CONTACT: 'Contact',
  COMPANY: 'Company',
  LEAD: 'Lead',
  DEAL: 'Deal',
  PRODUCT: 'Product',
  ORDER: 'Order',
  ACTIVITY: 'Activity',
  USER: 'User',
  API_TOKEN: 'ApiToken',
};

/** The subject type of a GraphQL type name ("Contact" → CONTACT); undefined when none matches. */
export function subjectTypeOf(typeName: string): AuditSubjectType | undefined {
  const entry = Object.entries(SUBJECT_TYPE_NAMES).find(([, name]) => name === typeName);
  return entry?.[0] as AuditSubjectType | undefined;
}
