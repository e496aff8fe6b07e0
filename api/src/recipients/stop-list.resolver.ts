import { ref } from '@mikro-orm/core';
import { Arg, Args, Ctx, Field, ID, InputType, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../common/context';
import { connectionType, findPage, toConnection } from '../common/connection';
import { keyOf } from '../common/global-id';
import { OrderDirection, PageArgs } from '../common/paging';
import { DeletePayload, payloadType } from '../common/payloads';
import { UserError, UserErrorCode } from '../common/user-error';
import { Channel } from '../communications/communication.enums';
import { normalizeAddress } from '../communications/normalize';
import { User } from '../users/user.entity';
import { StopListEntry, StopListReason } from './stop-list-entry.entity';
import { make } from '../common/make';

const StopListConnection = connectionType(StopListEntry, 'StopListEntry');
const StopListEntryPayload = payloadType(StopListEntry, 'StopListEntry', 'entry');

@InputType()
class AddStopListEntryInput {
  @Field(() => Channel) channel!: Channel;
  @Field({ description: 'Normalised like communications (e-mails lower-cased, phones to E.164).' }) address!: string;
  @Field(() => StopListReason) reason!: StopListReason;
  @Field(() => String, { nullable: true }) note?: string;
}

@Resolver()
export class StopListResolver {
  @Query(() => StopListConnection, { description: 'Addresses excluded from every recipient list, newest last.' })
  async stopList(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('channel', () => Channel, { nullable: true }) channel: Channel | null,
    @Ctx() ctx: Context,
  ) {
    const where = channel ? { channel } : {};
    const result = await findPage(ctx.em, StopListEntry, where, { property: 'key', direction: OrderDirection.ASC }, page, ctx.config.maxPageSize);
    return toConnection(StopListConnection, result);
  }

  @Mutation(() => StopListEntryPayload, { description: 'Adds an address; adding one already listed returns the existing entry.' })
  async addStopListEntry(@Arg('input') input: AddStopListEntryInput, @Ctx() ctx: Context) {
    const normalized = normalizeAddress(input.channel, input.address, ctx.config.defaultPhoneRegion);
    if (!normalized.ok) return { node: null, errors: [UserError.of(['input', 'address'], UserErrorCode.INVALID, normalized.reason)] };
    const existing = await ctx.em.findOne(StopListEntry, { channel: input.channel, address: normalized.value });
    if (existing) return { node: existing, errors: [] };
    const entry = make(ctx.em, StopListEntry, {
      channel: input.channel,
      address: normalized.value,
      reason: input.reason,
      note: input.note?.trim().slice(0, 500) || null,
      createdBy: ref(ctx.em.getReference(User, ctx.actor.userKey)),
      createdAt: new Date(),
    });
    await ctx.em.flush();
    return { node: entry, errors: [] };
  }

  @Mutation(() => DeletePayload)
  async removeStopListEntry(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<DeletePayload> {
    const key = keyOf(id, 'StopListEntry');
    const removed = key === null ? 0 : await ctx.em.nativeDelete(StopListEntry, { key });
    return removed
      ? { deletedId: id, errors: [] }
      : { deletedId: null, errors: [UserError.of(['id'], UserErrorCode.NOT_FOUND, `No stop-list entry has the id "${id}".`)] };
  }
}
