import type { FilterQuery } from '@mikro-orm/core';
import type { Context } from '../request/context';
import { findPage, type Page, heavyRead } from '../common/connection';
import { fromGlobalId, keyOf } from '../common/global-id';
import { OrderDirection, type PageArgs } from '../common/paging';
import { UserError, UserErrorCode, UserErrors } from '../common/user-error';
import { AuditEvent } from './audit-event.entity';
import { subjectTypeOf } from './subject-types';
import type { AuditAction, AuditSubjectType } from './audit.enums';

/** What the audit log can be narrowed by; every given condition holds. */
export interface AuditConditions {
  actions?: AuditAction[] | null;
  /** Global id of a user. */
  actorId?: string | null;
  /** Global id of the object the events are about (a segment, a stop-list entry). */
  subjectId?: string | null;
  subjectTypes?: AuditSubjectType[] | null;
  /** Inclusive. */
  from?: Date | null;
  /** Exclusive. */
  to?: Date | null;
}

/** Newest first; events of the same millisecond by key, so pages never skip or repeat one. */
const NEWEST_FIRST = { property: 'occurredAt', isDate: true, direction: OrderDirection.DESC } as const;

/** The WHERE of a filter; a malformed or foreign id is a typed BAD_USER_INPUT naming the field. */
export function auditWhere(filter: AuditConditions | null | undefined): FilterQuery<AuditEvent> {
  const conditions: Array<FilterQuery<AuditEvent>> = [];
  const problems: UserError[] = [];
  if (filter?.actions?.length) conditions.push({ action: { $in: filter.actions } });
  if (filter?.subjectTypes?.length) conditions.push({ subjectType: { $in: filter.subjectTypes } });
  if (filter?.actorId) {
    const userKey = keyOf(filter.actorId, 'User');
    if (userKey === null) problems.push(UserError.of(['filter', 'actorId'], UserErrorCode.INVALID, `"${filter.actorId}" is not the id of a user.`));
    else conditions.push({ user: userKey });
  }
  if (filter?.subjectId) {
    const decoded = fromGlobalId(filter.subjectId);
    const type = decoded && subjectTypeOf(decoded.type);
    if (!decoded || !type) problems.push(UserError.of(['filter', 'subjectId'], UserErrorCode.INVALID, `"${filter.subjectId}" is not the id of anything the audit log records.`));
    else conditions.push({ subjectType: type, subjectKey: decoded.key });
  }
  if (filter?.from) conditions.push({ occurredAt: { $gte: filter.from } });
  if (filter?.to) conditions.push({ occurredAt: { $lt: filter.to } });
  if (problems.length) throw new UserErrors(problems);
  return conditions.length ? { $and: conditions } : {};
}

/** One keyset page of the audit log, newest first. */
export function auditPage(ctx: Context, filter: AuditConditions | null | undefined, page: PageArgs): Promise<Page<AuditEvent>> {
  return findPage(ctx.em, AuditEvent, auditWhere(filter), NEWEST_FIRST, page, ctx.config.maxPageSize, { count: heavyRead(ctx) });
}
