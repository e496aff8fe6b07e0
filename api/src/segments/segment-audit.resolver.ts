import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Scope } from '../auth/actor';
import { AuditEvent } from '../audit/audit-event.entity';
import { AuditSubjectType } from '../audit/audit.enums';
import { auditPage } from '../audit/audit-query';
import { AuditEventConnection } from '../audit/audit.resolver';
import { toConnection } from '../common/connection';
import { PageArgs } from '../common/paging';
import type { Context } from '../request/context';
import { Requires } from '../request/guards';
import { Segment } from './definition/segment.entity';

/** The audit log seen from a segment, and a segment seen from its events (audit/ knows no segment). */
@Resolver(() => AuditEvent)
export class AuditEventSegmentResolver {
  @FieldResolver(() => Segment, { nullable: true, description: 'The segment the event is about, while it still exists (null once deleted: see subjectName).' })
  async segment(@Root() event: AuditEvent, @Ctx() ctx: Context): Promise<Segment | null> {
    if (event.subjectType !== AuditSubjectType.SEGMENT || event.subjectKey == null) return null;
    return ctx.loaders.byProperty<Segment, number>(Segment, 'key').load(event.subjectKey);
  }
}

@Resolver(() => Segment)
export class SegmentAuditResolver {
  @Requires(Scope.ADMIN)
  @FieldResolver(() => AuditEventConnection, { description: 'What was done to this segment, newest first. Administrators only.' })
  async auditEvents(@Root() segment: Segment, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    return toConnection(AuditEventConnection, await auditPage(ctx, { subjectId: segment.id }, page));
  }
}
