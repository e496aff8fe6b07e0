import type { SqlEntityManager } from '@mikro-orm/knex';
import type { Actor } from '../auth/actor';
import { AuditEvent, type AuditDetails } from './audit-event.entity';
import { AuditAction, AuditSubjectType } from './audit.enums';

export interface AuditSubject {
  type: AuditSubjectType;
  /** The object's database key; leave out for events about a whole list. */
  key?: number | null;
  /** Its name now (kept with the event: the object may be renamed or deleted later). */
  name?: string | null;
}

export interface AuditEntry {
  action: AuditAction;
  subject: AuditSubject;
  details?: AuditDetails | null;
}

/** What recording needs from a request context: its entity manager and who is acting. */
export interface AuditScope {
  em: SqlEntityManager;
  actor: Actor | null;
}

const NAME_LENGTH = 300;

/**
 * Records one event as done by the request's actor (null actor: an anonymous request, e.g. a
 * failed sign-in). Runs on the context's entity manager, so inside `inTransaction(ctx.em, …)` the
 * event commits or rolls back with the change it describes. Returns the event's key.
 */
export async function recordAudit(scope: AuditScope, entry: AuditEntry, at: Date = new Date()): Promise<number> {
  const { actor } = scope;
  const key = await scope.em.insert(AuditEvent, {
    occurredAt: at,
    user: actor?.userKey ?? null,
    tokenKey: actor?.tokenKey ?? null,
    actorLabel: actor?.label.slice(0, NAME_LENGTH) ?? null,
    action: entry.action,
    subjectType: entry.subject.type,
    subjectKey: entry.subject.key ?? null,
    subjectName: entry.subject.name?.slice(0, NAME_LENGTH) ?? null,
    details: entry.details ?? null,
  });
  return Number(key);
}

/** Replaces an event's details: only for facts known when a long operation ends (an export's row count). */
export async function completeAudit(scope: Pick<AuditScope, 'em'>, eventKey: number, details: AuditDetails): Promise<void> {
  await scope.em.nativeUpdate(AuditEvent, { key: eventKey }, { details });
}

/** A segment as an audit subject. */
export const segmentSubject = (segment: { key: number; name: string }): AuditSubject => ({ type: AuditSubjectType.SEGMENT, key: segment.key, name: segment.name });

/** A bulk upsert of CRM records in the audit log: counts per outcome, the kind of record as the subject. */
export function recordCrmImport(scope: AuditScope, type: AuditSubjectType, counts: { rows: number; created: number; updated: number }): Promise<number> {
  const { rows, created, updated } = counts;
  return recordAudit(scope, { action: AuditAction.CRM_IMPORTED, subject: { type }, details: { rows, created, updated, failed: rows - created - updated } });
}
