import { Scope } from '../actor';

/**
 * The access contract, written out by hand: which scopes (any one of them) each root operation
 * needs. The authorization matrix test holds the server to it, and fails for an operation that
 * is not listed here, so every new operation gets a deliberate decision.
 */
export type Requirement = { public: true } | { signedIn: true } | { anyOf: Scope[] } | { allOf: Scope[] };

const anyOf = (...scopes: Scope[]): Requirement => ({ anyOf: scopes });
const allOf = (...scopes: Scope[]): Requirement => ({ allOf: scopes });
const CATALOG = anyOf(Scope.CRM_READ, Scope.SEGMENTS_READ);

const EXPLICIT: Record<string, Requirement> = {
  me: { public: true },
  logIn: { public: true },
  logOut: { public: true },
  changePassword: { signedIn: true },
  // Per-type checks inside; an id of nothing answers null to anyone signed in.
  node: { signedIn: true },
  nodes: { signedIn: true },

  users: CATALOG,
  user: CATALOG,
  createUser: anyOf(Scope.ADMIN),
  updateUser: anyOf(Scope.ADMIN),
  deleteUser: anyOf(Scope.ADMIN),
  resetUserPassword: anyOf(Scope.ADMIN),
  apiTokens: anyOf(Scope.ADMIN),
  createApiToken: anyOf(Scope.ADMIN),
  revokeApiToken: anyOf(Scope.ADMIN),
  auditEvents: anyOf(Scope.ADMIN),

  referenceItems: CATALOG,
  pipelines: CATALOG,
  pipeline: CATALOG,
  customFields: CATALOG,
  segmentFields: CATALOG,
  filterValues: CATALOG,
  fieldFamilies: CATALOG,
  segmentScopes: CATALOG,
  checkFilter: CATALOG,

  segments: anyOf(Scope.SEGMENTS_READ),
  segment: anyOf(Scope.SEGMENTS_READ),
  segmentTags: anyOf(Scope.SEGMENTS_READ),
  segmentTemplates: anyOf(Scope.SEGMENTS_READ),
  // Whether one named record is in a segment is personal data: crm:read too.
  segmentMembership: allOf(Scope.SEGMENTS_READ, Scope.CRM_READ),
  previewSegment: anyOf(Scope.SEGMENTS_READ),
  createSegment: anyOf(Scope.SEGMENTS_WRITE),
  updateSegment: anyOf(Scope.SEGMENTS_WRITE),
  deleteSegment: anyOf(Scope.SEGMENTS_WRITE),
  duplicateSegment: anyOf(Scope.SEGMENTS_WRITE),
  restoreSegmentVersion: anyOf(Scope.SEGMENTS_WRITE),
  createSegmentFromTemplate: anyOf(Scope.SEGMENTS_WRITE),
  addStaticSegmentMembers: anyOf(Scope.SEGMENTS_WRITE),
  removeStaticSegmentMembers: anyOf(Scope.SEGMENTS_WRITE),
  importStaticSegment: anyOf(Scope.SEGMENTS_WRITE),
  startStaticSegmentImport: anyOf(Scope.SEGMENTS_WRITE),
  staticImportJob: anyOf(Scope.SEGMENTS_WRITE),

  // Frozen audiences hold recipients (addresses and names), like exports.
  freezeAudience: anyOf(Scope.RECIPIENTS_READ),
  frozenAudience: anyOf(Scope.RECIPIENTS_READ),
  frozenAudiences: anyOf(Scope.RECIPIENTS_READ),
  audienceDiff: anyOf(Scope.RECIPIENTS_READ),

  // Webhooks send recipients' ids to a URL: administrators decide where.
  webhookSubscriptions: anyOf(Scope.ADMIN),
  createWebhookSubscription: anyOf(Scope.ADMIN),
  setWebhookSubscriptionActive: anyOf(Scope.ADMIN),
  deleteWebhookSubscription: anyOf(Scope.ADMIN),
  testWebhookSubscription: anyOf(Scope.ADMIN),

  stopList: anyOf(Scope.RECIPIENTS_READ),
  addStopListEntry: anyOf(Scope.RECIPIENTS_WRITE),
  removeStopListEntry: anyOf(Scope.RECIPIENTS_WRITE),
  importStopList: anyOf(Scope.RECIPIENTS_WRITE),
};

/** Settings: reference lists, pipelines and stages, custom fields. */
const SETTINGS_WRITES = /^(add|update|delete|reorder)(ReferenceItems?|Stages?)$|^(create|update|delete)(Pipeline|CustomField)$|^editCustomFieldOptions$/;
/** CRM records: contacts, companies, leads, deals, products, orders, activities. */
const CRM_READS = /^(contacts?|compan(y|ies)|leads?|deals?|products?|orders?|activit(y|ies))$/;
const CRM_WRITES = /^(create|update|delete)(Contact|Company|Lead|Deal|Product|Order|Activity)$|^upsert(Contacts|Companies|Leads|Deals|Products|Orders|Activities)$/;

/**
 * Fields of `User` shown only to administrators and to the user themself; everyone else who may
 * read users sees them as id and name (these fields answer null, so lists naming people still
 * answer whole).
 */
export const ADMIN_OR_SELF_USER_FIELDS = ['email', 'role', 'active', 'mustChangePassword', 'lastSignInAt'] as const;

export function requirementOf(operation: string): Requirement | null {
  if (EXPLICIT[operation]) return EXPLICIT[operation];
  if (SETTINGS_WRITES.test(operation)) return anyOf(Scope.SETTINGS_WRITE);
  if (CRM_READS.test(operation)) return anyOf(Scope.CRM_READ);
  if (CRM_WRITES.test(operation)) return anyOf(Scope.CRM_WRITE);
  return null;
}

export function allows(requirement: Requirement, scopes: readonly Scope[] | null): boolean {
  if ('public' in requirement) return true;
  if (scopes === null) return false;
  if ('signedIn' in requirement) return true;
  if ('allOf' in requirement) return requirement.allOf.every((scope) => scopes.includes(scope));
  return requirement.anyOf.some((scope) => scopes.includes(scope));
}

/**
 * Fields below the root that need a scope of their own, as `Type.field`: they are refused (null,
 * FORBIDDEN) wherever they appear, mutation payloads included, while the rest of the object
 * arrives. The matrix test holds every count field of the schema to this list.
 */
export const FIELD_REQUIREMENTS: Record<string, Requirement> = {
  'Segment.memberCount': anyOf(Scope.SEGMENTS_READ),
  'Segment.recipientCounts': anyOf(Scope.SEGMENTS_READ),
  'SegmentPreview.memberCount': anyOf(Scope.SEGMENTS_READ),
  'SegmentPreview.recipientCounts': anyOf(Scope.SEGMENTS_READ),
  'Segment.members': anyOf(Scope.RECIPIENTS_READ),
  'Segment.recipients': anyOf(Scope.RECIPIENTS_READ),
  'Segment.exportUrl': anyOf(Scope.RECIPIENTS_READ),
  'Segment.entries': anyOf(Scope.RECIPIENTS_READ),
  'SegmentPreview.members': anyOf(Scope.RECIPIENTS_READ),
  'SegmentPreview.recipients': anyOf(Scope.RECIPIENTS_READ),
  // Who entered and left names people; sizes over time are counts.
  'Segment.membershipChanges': anyOf(Scope.RECIPIENTS_READ),
  'Segment.sizeHistory': anyOf(Scope.SEGMENTS_READ),
  'Segment.membership': anyOf(Scope.SEGMENTS_READ),
};

/** Types whose values are counts of people: every field returning one must be listed above. */
export const COUNT_TYPES = ['LiveCount', 'RecipientCount'];
