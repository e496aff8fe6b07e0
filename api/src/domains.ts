import { Activity } from './activities/activity.entity';
import { AuditEvent } from './audit/audit-event.entity';
import { AuditSubjectType } from './audit/audit.enums';
import { SUBJECT_TYPE_NAMES } from './audit/subject-types';
import { ApiToken } from './auth/api-token.entity';
import { Scope } from './auth/actor';
import { UserSession } from './auth/user-session.entity';
import { AuditedRecord } from './records/audited-record.entity';
import type { NodeType } from './records/node-type';
// The stored-record base class, named apart from TypeScript's Record<K, V> used below.
import { Record as StoredRecord } from './common/record.entity';
import { Communication } from './communications/communication.entity';
import { Company } from './companies/company.entity';
import { Contact } from './contacts/contact.entity';
import { CustomFieldOption } from './custom-fields/custom-field-option.entity';
import { CustomFieldValue } from './custom-fields/custom-field-value.entity';
import { CustomField } from './custom-fields/custom-field.entity';
import { Deal } from './deals/deal.entity';
import { Pipeline } from './deals/pipeline.entity';
import { Stage } from './deals/stage.entity';
import { Lead } from './leads/lead.entity';
import { Order } from './products/order.entity';
import { ProductRow } from './products/product-row.entity';
import { Product } from './products/product.entity';
import { StopListEntry } from './recipients/stop-list-entry.entity';
import { ReferenceItem } from './reference-lists/reference-item.entity';
import { SegmentMember } from './segments/segment-member.entity';
import { SegmentTag } from './segments/segment-tag.entity';
import { SegmentVersion } from './segments/segment-version.entity';
import { Segment } from './segments/definition/segment.entity';
import { User } from './users/user.entity';

/**
 * The manifest of what the API stores and serves by global id. The ORM's entity list, `node()`'s
 * types and readers, the audit log's subject names and the bulk imports all derive from it, and
 * resolvers.ts lists the resolvers of each entry: a new kind of record without its resolvers, or
 * an importable one without an audit subject, does not compile.
 *
 * Each entry is keyed by the GraphQL type name, which is the entity's class name and the prefix
 * of its global ids (checked below).
 */
const CRM = [Scope.CRM_READ];
/** What the filter builder shows (users, products, lists, pipelines): readable with segments too. */
const CATALOG = [Scope.CRM_READ, Scope.SEGMENTS_READ];
/** A type only administrators may read by id. */
const ADMIN = [Scope.ADMIN];

/**
 * Objects `node(id:)` fetches, and who may read each by id. People's records (recipients' names
 * and addresses) need `crm:read`.
 */
export const NODE_TYPES = {
  User: { entity: User, readers: CATALOG, audit: AuditSubjectType.USER },
  ApiToken: { entity: ApiToken, readers: ADMIN, audit: AuditSubjectType.API_TOKEN },
  ReferenceItem: { entity: ReferenceItem, readers: CATALOG },
  Pipeline: { entity: Pipeline, readers: CATALOG },
  Stage: { entity: Stage, readers: CATALOG },
  CustomField: { entity: CustomField, readers: CATALOG },
  Company: { entity: Company, readers: CRM, audit: AuditSubjectType.COMPANY, imports: true },
  Contact: { entity: Contact, readers: CRM, audit: AuditSubjectType.CONTACT, imports: true },
  Lead: { entity: Lead, readers: CRM, audit: AuditSubjectType.LEAD, imports: true },
  Deal: { entity: Deal, readers: CRM, audit: AuditSubjectType.DEAL, imports: true },
  Product: { entity: Product, readers: CATALOG, audit: AuditSubjectType.PRODUCT, imports: true },
  Order: { entity: Order, readers: CRM, audit: AuditSubjectType.ORDER, imports: true },
  Activity: { entity: Activity, readers: CRM, audit: AuditSubjectType.ACTIVITY, imports: true },
  Segment: { entity: Segment, readers: [Scope.SEGMENTS_READ], audit: AuditSubjectType.SEGMENT },
} as const satisfies Record<string, NodeType>;

export type NodeTypeName = keyof typeof NODE_TYPES;

/** Objects with a global id that `node()` does not fetch, with the audit log's name for them. */
const OTHER_GLOBAL_IDS = {
  StopListEntry: { audit: AuditSubjectType.STOP_LIST_ENTRY },
} as const satisfies Record<string, { audit: AuditSubjectType }>;

/** Rows that belong to a record or to the service and have no global id of their own. */
const ROW_ENTITIES = [Communication, ProductRow, CustomFieldOption, CustomFieldValue, StopListEntry, SegmentTag, SegmentVersion, SegmentMember, UserSession, AuditEvent];

for (const [name, node] of Object.entries(NODE_TYPES)) {
  if (node.entity.name !== name) throw new Error(`NODE_TYPES.${name} holds ${node.entity.name}: the key is its GraphQL type name.`);
}

/** Every entity MikroORM manages; discovery is explicit so builds and tests need no folder scan. */
export const entities: Array<abstract new (...args: never[]) => object> = [StoredRecord, AuditedRecord, ...Object.values(NODE_TYPES).map((n) => n.entity), ...ROW_ENTITIES];

// The audit log names the GraphQL type of each subject type (audit/subject-types.ts): it must
// name the manifest's, both ways.
const AUDITED: ReadonlyArray<[string, AuditSubjectType | undefined]> = Object.entries({ ...NODE_TYPES, ...OTHER_GLOBAL_IDS }).map(([name, node]) => [name, 'audit' in node ? node.audit : undefined]);
for (const [name, subject] of AUDITED) {
  if (subject && SUBJECT_TYPE_NAMES[subject] !== name) throw new Error(`${name} is audited as ${subject}, which audit/subject-types.ts names ${SUBJECT_TYPE_NAMES[subject]}.`);
}
for (const [subject, name] of Object.entries(SUBJECT_TYPE_NAMES) as Array<[AuditSubjectType, string]>) {
  if (name && !AUDITED.some(([typeName, audited]) => typeName === name && audited === subject))
    throw new Error(`audit/subject-types.ts names ${subject} ${name}, which the manifest does not audit as ${subject}.`);
}

export { SUBJECT_TYPE_NAMES, subjectTypeOf } from './audit/subject-types';
