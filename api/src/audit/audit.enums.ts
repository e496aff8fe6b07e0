import { registerEnumType } from 'type-graphql';

/**
 * What an audit event records. Named after what the API did, one value per operation that
 * changes or takes out data. Includes what administrators do to access: API tokens and one-time passwords.
 */
export enum AuditAction {
  SEGMENT_CREATED = 'SEGMENT_CREATED',
  /** A new version saved through updateSegment; details.changed lists the parts that differ. */
  SEGMENT_UPDATED = 'SEGMENT_UPDATED',
  /** An earlier version saved again as the newest (restoreSegmentVersion). */
  SEGMENT_VERSION_RESTORED = 'SEGMENT_VERSION_RESTORED',
  /** A copy made by duplicateSegment; the subject is the copy, details name the original. */
  SEGMENT_DUPLICATED = 'SEGMENT_DUPLICATED',
  SEGMENT_DELETED = 'SEGMENT_DELETED',
  /** A CSV download of recipients; details.rows is filled in when the download ends. */
  SEGMENT_EXPORTED = 'SEGMENT_EXPORTED',
  /** Text or a file imported into a static segment (importStaticSegment, startStaticSegmentImport). */
  STATIC_SEGMENT_IMPORTED = 'STATIC_SEGMENT_IMPORTED',
  STATIC_MEMBERS_ADDED = 'STATIC_MEMBERS_ADDED',
  STATIC_MEMBERS_REMOVED = 'STATIC_MEMBERS_REMOVED',
  STOP_LIST_ENTRY_ADDED = 'STOP_LIST_ENTRY_ADDED',
  STOP_LIST_ENTRY_REMOVED = 'STOP_LIST_ENTRY_REMOVED',
  STOP_LIST_IMPORTED = 'STOP_LIST_IMPORTED',
  /** A bulk upsert of CRM records (upsertContacts, upsertCompanies…) that stored at least one row. */
  CRM_IMPORTED = 'CRM_IMPORTED',
  /** An administrator made an API token (details: scopes, expiry). */
  API_TOKEN_CREATED = 'API_TOKEN_CREATED',
  API_TOKEN_REVOKED = 'API_TOKEN_REVOKED',
  /** An administrator gave a user a one-time password (resetUserPassword). */
  USER_PASSWORD_RESET = 'USER_PASSWORD_RESET',
}
registerEnumType(AuditAction, {
  name: 'AuditAction',
  description: 'What an audit event records: segment changes and exports, static-segment and stop-list changes, CRM imports, API tokens and one-time passwords.',
});

/** What an event is about. Values with a GraphQL type have a global id (see SUBJECT_TYPE_NAMES). */
export enum AuditSubjectType {
  SEGMENT = 'SEGMENT',
  /** The stop list as a whole (imports). */
  STOP_LIST = 'STOP_LIST',
  STOP_LIST_ENTRY = 'STOP_LIST_ENTRY',
  CONTACT = 'CONTACT',
  COMPANY = 'COMPANY',
  LEAD = 'LEAD',
  DEAL = 'DEAL',
  PRODUCT = 'PRODUCT',
  ORDER = 'ORDER',
  ACTIVITY = 'ACTIVITY',
  USER = 'USER',
  API_TOKEN = 'API_TOKEN',
}
registerEnumType(AuditSubjectType, { name: 'AuditSubjectType', description: 'The kind of object an audit event is about.' });
