import { Requires } from '../request/guards';
import { Scope } from '../auth/actor';
import { Arg, Args, Ctx, Field, FieldResolver, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { requireActor, type Context } from '../request/context';
import { UserError, UserErrors } from '../common/user-error';
import { Channel } from '../communications/communication.enums';
import { toFilterTree } from '../filter/language/tree';
import { type Audience, audienceOf } from './audience';
import { ALL_CHANNELS, countAudience, countRecipients, loadMember, membersPage, recipientsPage } from './audience.service';
import { ForwardPageArgs, LiveCount, Member, type MemberObject, MemberConnection, Recipient, RecipientConnection, RecipientCount } from './audience.types';
import { exportPath } from './export';
import { SegmentKind } from './definition/segment.enums';
import { Segment } from './definition/segment.entity';
import { SegmentDefinitionInput } from './segment.inputs';
import { tagsOf } from './segment.service';
import { reportCount } from '../privacy/reported-count';
import { savedAudience } from './saved-audience';

const TIME_ZONE_DESCRIPTION = 'IANA zone for relative dates; default: the segment’s own, else DEFAULT_TIME_ZONE.';

/** A saved segment's audience (saved-audience.ts), once per request, time zone and `live`. */
async function audienceOfSegment(ctx: Context, segment: Segment, timeZone: string | null, live: boolean | null = null): Promise<Audience> {
  const loader = ctx.loaders.get<string, Audience>('segment-audience', (keys) =>
    Promise.all(
      keys.map(async (key) => {
        const [, zone, evaluate] = key.split('|');
        const { audience, problems } = await savedAudience(ctx, segment, { timeZone: zone || null, live: evaluate === 'live' });
        if (!audience) throw new UserErrors(problems, 'BAD_FILTER');
        return audience;
      }),
    ),
  );
  return loader.load(`${segment.key}|${timeZone ?? ''}|${live ? 'live' : ''}`);
}

const LIVE_DESCRIPTION = 'Evaluate the definition from the current data instead of reading the maintained membership (to verify it).';

@ObjectType({ description: 'Counts, members and recipients of an unsaved definition; all null when it has errors.' })
export class SegmentPreview {
  @Field(() => [UserError], { description: 'Validation problems of the definition, with paths into it (["filter", "rules", "0", ...]).' })
  errors!: UserError[];

  audience!: Audience | null;
}

@Resolver(() => Segment)
export class SegmentAudienceResolver {
  @FieldResolver(() => [String])
  tags(@Root() segment: Segment, @Ctx() ctx: Context): Promise<string[]> {
    return tagsOf(ctx, segment.key);
  }

  @Requires(Scope.RECIPIENTS_READ)
  @FieldResolver(() => String, {
    description:
      'A relative link that downloads the recipients of a channel as CSV (address, channel, name, owner_type, owner_id); signed, valid for EXPORT_LINK_SECONDS (5 minutes), no Authorization header needed.',
  })
  exportUrl(@Root() segment: Segment, @Arg('channel', () => Channel) channel: Channel, @Ctx() ctx: Context): string {
    return exportPath(ctx.config, segment, channel, requireActor(ctx.actor));
  }

  // Counts need segments:read even inside a mutation payload (a segments:write-only token learns
  // nothing from createSegment); nullable, so the rest of the payload still arrives.
  @Requires(Scope.SEGMENTS_READ)
  @FieldResolver(() => LiveCount, {
    nullable: true,
    description:
      'Members: read from the maintained membership when it is live (asOf and exact say how fresh), else computed from current data (one COUNT statement). Needs segments:read; "fewer than k" below MIN_REPORTED_COUNT without crm:read.',
  })
  async memberCount(
    @Root() segment: Segment,
    @Arg('timeZone', () => String, { nullable: true, description: TIME_ZONE_DESCRIPTION }) timeZone: string | null,
    @Arg('live', () => Boolean, { nullable: true, description: LIVE_DESCRIPTION }) live: boolean | null,
    @Ctx() ctx: Context,
  ) {
    return reportCount(ctx, await countAudience(ctx, await audienceOfSegment(ctx, segment, timeZone, live)));
  }

  @Requires(Scope.SEGMENTS_READ)
  @FieldResolver(() => [RecipientCount], {
    nullable: true,
    description: 'Distinct addresses per channel, stop list excluded (one statement per channel). Needs segments:read; "fewer than k" below MIN_REPORTED_COUNT without crm:read.',
  })
  async recipientCounts(
    @Root() segment: Segment,
    @Arg('channels', () => [Channel], { nullable: true, description: 'Default: every channel.' }) channels: Channel[] | null,
    @Arg('timeZone', () => String, { nullable: true, description: TIME_ZONE_DESCRIPTION }) timeZone: string | null,
    @Arg('live', () => Boolean, { nullable: true, description: LIVE_DESCRIPTION }) live: boolean | null,
    @Ctx() ctx: Context,
  ) {
    return (await countRecipients(ctx, await audienceOfSegment(ctx, segment, timeZone, live), channels ?? ALL_CHANNELS)).map((count) => reportCount(ctx, count));
  }

  @Requires(Scope.RECIPIENTS_READ)
  @FieldResolver(() => MemberConnection, { description: 'Members in (type, key) order. For a static segment: the CRM records having one of its addresses.' })
  async members(
    @Root() segment: Segment,
    @Args(() => ForwardPageArgs) page: ForwardPageArgs,
    @Arg('timeZone', () => String, { nullable: true, description: TIME_ZONE_DESCRIPTION }) timeZone: string | null,
    @Arg('live', () => Boolean, { nullable: true, description: LIVE_DESCRIPTION }) live: boolean | null,
    @Ctx() ctx: Context,
  ) {
    return membersPage(ctx, await audienceOfSegment(ctx, segment, timeZone, live), page);
  }

  @Requires(Scope.RECIPIENTS_READ)
  @FieldResolver(() => RecipientConnection, { description: 'One row per distinct normalised address of the channel, stop list excluded, in address order.' })
  async recipients(
    @Root() segment: Segment,
    @Arg('channel', () => Channel) channel: Channel,
    @Args(() => ForwardPageArgs) page: ForwardPageArgs,
    @Arg('timeZone', () => String, { nullable: true, description: TIME_ZONE_DESCRIPTION }) timeZone: string | null,
    @Arg('live', () => Boolean, { nullable: true, description: LIVE_DESCRIPTION }) live: boolean | null,
    @Ctx() ctx: Context,
  ) {
    return recipientsPage(ctx, await audienceOfSegment(ctx, segment, timeZone, live), channel, page);
  }
}

@Resolver(() => SegmentPreview)
export class SegmentPreviewResolver {
  @Requires(Scope.SEGMENTS_READ)
  @Query(() => SegmentPreview, { description: 'Validates an unsaved dynamic definition and exposes its live counts, members and recipients.' })
  async previewSegment(
    @Arg('input', () => SegmentDefinitionInput) input: SegmentDefinitionInput,
    @Arg('timeZone', () => String, { nullable: true, description: 'Overrides input.timeZone.' }) timeZone: string | null,
    @Ctx() ctx: Context,
  ): Promise<SegmentPreview> {
    const definition = { kind: SegmentKind.DYNAMIC, source: input.source, clientType: input.clientType, filter: toFilterTree(input.filter), timeZone: input.timeZone };
    const { audience, problems } = await audienceOf(ctx, definition, { timeZone });
    return Object.assign(new SegmentPreview(), { errors: problems, audience });
  }

  @Requires(Scope.SEGMENTS_READ)
  @FieldResolver(() => LiveCount, { nullable: true, description: 'Null when the definition has errors; "fewer than k" below MIN_REPORTED_COUNT without crm:read.' })
  async memberCount(@Root() preview: SegmentPreview, @Ctx() ctx: Context) {
    return preview.audience && reportCount(ctx, await countAudience(ctx, preview.audience));
  }

  @Requires(Scope.SEGMENTS_READ)
  @FieldResolver(() => [RecipientCount], { nullable: true, description: 'Null when the definition has errors; "fewer than k" below MIN_REPORTED_COUNT without crm:read.' })
  async recipientCounts(@Root() preview: SegmentPreview, @Arg('channels', () => [Channel], { nullable: true }) channels: Channel[] | null, @Ctx() ctx: Context) {
    return preview.audience && (await countRecipients(ctx, preview.audience, channels ?? ALL_CHANNELS)).map((count) => reportCount(ctx, count));
  }

  @Requires(Scope.RECIPIENTS_READ)
  @FieldResolver(() => MemberConnection, { nullable: true })
  members(@Root() preview: SegmentPreview, @Args(() => ForwardPageArgs) page: ForwardPageArgs, @Ctx() ctx: Context) {
    return preview.audience && membersPage(ctx, preview.audience, page);
  }

  @Requires(Scope.RECIPIENTS_READ)
  @FieldResolver(() => RecipientConnection, { nullable: true })
  recipients(@Root() preview: SegmentPreview, @Arg('channel', () => Channel) channel: Channel, @Args(() => ForwardPageArgs) page: ForwardPageArgs, @Ctx() ctx: Context) {
    return preview.audience && recipientsPage(ctx, preview.audience, channel, page);
  }
}

@Resolver(() => Recipient)
export class RecipientResolver {
  @FieldResolver(() => Member, {
    nullable: true,
    description: 'The member the address belongs to; where several share it, the first in (type, key) order. Null for a static address no CRM record has.',
  })
  owner(@Root() recipient: Recipient, @Ctx() ctx: Context): Promise<MemberObject | null> | null {
    return recipient.ownerRef && loadMember(ctx, recipient.ownerRef.type, recipient.ownerRef.key);
  }
}
