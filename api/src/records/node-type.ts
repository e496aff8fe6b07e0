import type { ClassType } from 'type-graphql';
import type { AuditSubjectType } from '../audit/audit.enums';
import type { Scope } from '../auth/actor';
// The stored-record base class, named apart from TypeScript's Record<K, V>.
import type { Record as StoredRecord } from '../common/record.entity';

/**
 * One entry of the manifest (domains.ts): a stored type that `node(id:)` serves, who may read it
 * by id, and its audit subject. Declared here, below the record kinds, so their resolvers can be
 * typed by it; the manifest itself sits above them.
 */
export type NodeType =
  | { entity: ClassType<StoredRecord>; readers: readonly Scope[]; audit?: AuditSubjectType; imports?: false }
  /** Offers a bulk upsert by external id, which the audit log records against `audit`. */
  | { entity: ClassType<StoredRecord>; readers: readonly Scope[]; audit: AuditSubjectType; imports: true };

/** A type imported in bulk: its resolver has an upsert and writes an import audit event. */
export type ImportedNodeType = Extract<NodeType, { imports: true }>;

/** A type written one record at a time. */
export type PlainNodeType = Exclude<NodeType, ImportedNodeType>;
