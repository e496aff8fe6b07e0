import { Requires } from '../request/guards';
import { Scope } from '../auth/actor';
import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import type { Context } from '../request/context';
import { connectionType, findPage, lightRead, toConnection } from '../common/connection';
import { OrderDirection, PageArgs } from '../common/paging';
import { UserError } from '../common/user-error';
import { Channel } from '../communications/communication.enums';
import { COMMUNICATION_OWNER_SQL, ownerOf } from './audience-sql';
import { Member, type MemberObject } from './audience.types';
import { loadMember } from './member-rows';
import { Segment } from './definition/segment.entity';
import { SegmentMember } from './segment-member.entity';
import { findSegment } from './segment.service';
import { StaticImportReport } from './static-import.payloads';
import { addAddresses, emptyReport, importText, removeAddresses } from './static-members.service';
import { containsPattern } from '../common/like';

@InputType()
class StaticMemberInput {
  @Field(() => Channel) channel!: Channel;
  @Field() address!: string;
  @Field(() => String, { nullable: true }) name?: string | null;
}

@InputType()
class StaticMemberRefInput {
  @Field(() => Channel) channel!: Channel;
  @Field({ description: 'Normalised before matching, like on import.' }) address!: string;
}

@ObjectType()
class RemoveStaticMembersPayload {
  @Field(() => Int) removed!: number;
  @Field(() => [UserError]) errors!: UserError[];
}

const SegmentMemberConnection = connectionType(SegmentMember, 'SegmentMember');

/** The CRM record owning an address: one batched statement per page of stored addresses. */
function ownerLoader(ctx: Context) {
  return ctx.loaders.get<string, number | null>('static-owner', async (keys) => {
    const pairs = keys.map((k) => k.split('\u0000'));
    const rows = await ctx.db.read<{ channel: string; normalized: string; owner: number | string | null }>(
      `SELECT c.channel, c.normalized, MIN(${COMMUNICATION_OWNER_SQL}) AS owner FROM communication c
       WHERE ${pairs.map(() => '(c.channel = ? AND c.normalized = ?)').join(' OR ')} GROUP BY c.channel, c.normalized`,
      pairs.flat(),
    );
    const found = new Map(rows.map((r) => [`${r.channel}\u0000${r.normalized}`, r.owner == null ? null : Number(r.owner)]));
    return keys.map((k) => found.get(k) ?? null);
  });
}

@Resolver(() => SegmentMember)
export class SegmentMemberResolver {
  @FieldResolver(() => Member, { nullable: true, description: 'The CRM record with this address (the first in (type, key) order), if any.' })
  async owner(@Root() entry: SegmentMember, @Ctx() ctx: Context): Promise<MemberObject | null> {
    const encoded = await ownerLoader(ctx).load(`${entry.channel}\u0000${entry.address}`);
    if (encoded === null) return null;
    const { type, key } = ownerOf(encoded);
    return loadMember(ctx, type as 'contact', key);
  }
}

@Resolver(() => Segment)
export class StaticMembersResolver {
  @Requires(Scope.RECIPIENTS_READ)
  @FieldResolver(() => SegmentMemberConnection, { description: 'The stored addresses of a static segment in address order (empty for a dynamic one).' })
  async entries(
    @Root() segment: Segment,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('channel', () => Channel, { nullable: true }) channel: Channel | null,
    @Arg('search', () => String, { nullable: true, description: 'Part of the address, case-insensitive.' }) search: string | null,
    @Ctx() ctx: Context,
  ) {
    const where: Record<string, unknown> = { segment: segment.key };
    if (channel) where.channel = channel;
    if (search?.trim()) where.address = { $like: containsPattern(search.trim().toLowerCase(), ctx.db.kind) };
    const result = await findPage(ctx.em, SegmentMember, where, { property: 'address', direction: OrderDirection.ASC }, page, ctx.config.maxPageSize, {
      // Off the event loop (a search scans every address of the segment) and under the heavy-read caps.
      light: lightRead(ctx),
    });
    return toConnection(SegmentMemberConnection, result);
  }

  @Requires(Scope.SEGMENTS_WRITE)
  @Mutation(() => StaticImportReport, {
    description:
      'Imports pasted text or a CSV file into a static segment: one address per line, optionally ";Name", e-mails and phones mixed (phones without a country code read in DEFAULT_PHONE_REGION). Size limit MAX_IMPORT_BYTES (16 MB: over 100,000 lines).',
  })
  async importStaticSegment(@Arg('id', () => ID) id: string, @Arg('text') text: string, @Ctx() ctx: Context): Promise<StaticImportReport> {
    const found = await findSegment(ctx, id);
    if (!found.segment) return emptyReport(found.errors);
    return importText(ctx, found.segment, text);
  }

  @Requires(Scope.SEGMENTS_WRITE)
  @Mutation(() => StaticImportReport, { description: 'Adds addresses to a static segment (normalised; those already there are counted, not doubled).' })
  async addStaticSegmentMembers(@Arg('id', () => ID) id: string, @Arg('members', () => [StaticMemberInput]) members: StaticMemberInput[], @Ctx() ctx: Context): Promise<StaticImportReport> {
    const found = await findSegment(ctx, id);
    if (!found.segment) return emptyReport(found.errors);
    return addAddresses(ctx, found.segment, members);
  }

  @Requires(Scope.SEGMENTS_WRITE)
  @Mutation(() => RemoveStaticMembersPayload, { description: 'Removes addresses from a static segment.' })
  async removeStaticSegmentMembers(
    @Arg('id', () => ID) id: string,
    @Arg('members', () => [StaticMemberRefInput]) members: StaticMemberRefInput[],
    @Ctx() ctx: Context,
  ): Promise<RemoveStaticMembersPayload> {
    const found = await findSegment(ctx, id);
    if (!found.segment) return { removed: 0, errors: found.errors };
    return removeAddresses(ctx, found.segment, members);
  }
}
