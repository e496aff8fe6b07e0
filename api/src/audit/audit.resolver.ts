import { Scope } from '../auth/actor';
import { Requires } from '../request/guards';
import { DateTimeResolver } from 'graphql-scalars';
import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../request/context';
import { connectionType, toConnection } from '../common/connection';
import { toGlobalId } from '../common/global-id';
import { PageArgs } from '../common/paging';
import { SUBJECT_TYPE_NAMES } from './subject-types';
import { User } from '../users/user.entity';
import { AuditEvent } from './audit-event.entity';
import { AuditAction, AuditSubjectType } from './audit.enums';
import { auditPage, type AuditConditions } from './audit-query';

/** The audit log's page type, shared with the segments' own log (segments/segment-audit.resolver.ts). */
export const AuditEventConnection = connectionType(AuditEvent, 'AuditEvent');

@InputType({ description: 'Narrows the audit log; all given conditions hold.' })
class AuditEventFilter implements AuditConditions {
  @Field(() => [AuditAction], { nullable: true, description: 'Any of these actions.' }) actions?: AuditAction[] | null;
  @Field(() => ID, { nullable: true, description: 'Events of this user (their own and those of their API tokens).' }) actorId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Events about this object: a segment (deleted ones too), a stop-list entry.' }) subjectId?: string | null;
  @Field(() => [AuditSubjectType], { nullable: true, description: 'Events about any of these kinds of objects.' }) subjectTypes?: AuditSubjectType[] | null;
  @Field(() => DateTimeResolver, { nullable: true, description: 'Events at or after this time.' }) from?: Date | null;
  @Field(() => DateTimeResolver, { nullable: true, description: 'Events before this time (exclusive).' }) to?: Date | null;
}

@Resolver(() => AuditEvent)
export class AuditEventResolver {
  @Requires(Scope.ADMIN)
  @Query(() => AuditEventConnection, { description: 'The audit log, newest first (keyset-paged). Administrators only.' })
  async auditEvents(@Args(() => PageArgs) page: PageArgs, @Arg('filter', () => AuditEventFilter, { nullable: true }) filter: AuditEventFilter | null, @Ctx() ctx: Context) {
    return toConnection(AuditEventConnection, await auditPage(ctx, filter, page));
  }

  @FieldResolver(() => User, { nullable: true, description: 'The user who acted (for an API token: its creator); null if that user is gone (see actorLabel).' })
  async actor(@Root() event: AuditEvent, @Ctx() ctx: Context): Promise<User | null> {
    const userKey = event.user?.key;
    return userKey == null ? null : ctx.loaders.byProperty<User, number>(User, 'key').load(userKey);
  }

  @FieldResolver(() => ID, { nullable: true, description: 'Global id of the subject, when it is one object (it may no longer exist).' })
  subjectId(@Root() event: AuditEvent): string | null {
    const typeName = SUBJECT_TYPE_NAMES[event.subjectType];
    return typeName && event.subjectKey != null ? toGlobalId(typeName, event.subjectKey) : null;
  }
}
