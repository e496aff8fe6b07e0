import { Requires } from '../request/guards';
import { Scope } from '../auth/actor';
import { ref } from '@mikro-orm/core';
import { Arg, Args, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { AuditAction, AuditSubjectType } from '../audit/audit.enums';
import { recordAudit } from '../audit/record-audit';
import { inTransaction } from '../records/crud.service';
import { parseHandles, parseImport } from '../segments/static-import';
import { LISTED_INVALID, linesOf, tooLarge } from '../segments/static-members.service';
import { insertNew } from '../records/insert-new';
import { actingUserKey, type Context } from '../request/context';
import { connectionType, findPage, lightRead, toConnection } from '../common/connection';
import { keyOf } from '../common/global-id';
import { OrderDirection, PageArgs } from '../common/paging';
import { DeletePayload, payloadType } from '../common/payloads';
import { UserError, UserErrorCode } from '../common/user-error';
import { Channel } from '../communications/communication.enums';
import { normalizeAddress } from '../communications/normalize';
import { User } from '../users/user.entity';
import { StopListEntry, StopListReason } from './stop-list-entry.entity';
import { make } from '../common/make';
import { containsPattern } from '../common/like';

const StopListConnection = connectionType(StopListEntry, 'StopListEntry');

/** A stop-list entry as an audit subject: named by its address. */
const entrySubject = (entry: StopListEntry) => ({ type: AuditSubjectType.STOP_LIST_ENTRY, key: entry.key, name: entry.address });
const StopListEntryPayload = payloadType(StopListEntry, 'StopListEntry', 'entry');

@InputType()
class AddStopListEntryInput {
  @Field(() => Channel) channel!: Channel;
  @Field({ description: 'Normalised like communications (e-mails lower-cased, phones to E.164).' }) address!: string;
  @Field(() => StopListReason) reason!: StopListReason;
  @Field(() => String, { nullable: true }) note?: string;
}

@ObjectType({ description: 'What a stop-list import did; valid lines are stored even when others are rejected.' })
class StopListImportReport {
  @Field(() => Int) imported!: number;
  @Field(() => Int, { description: 'Addresses already on the stop list or repeated in the text.' }) duplicates!: number;
  @Field(() => Int) invalidCount!: number;
  @Field(() => [StopListRejectedLine], { description: 'The first 1,000 rejected lines.' }) invalid!: StopListRejectedLine[];
  @Field(() => [UserError]) errors!: UserError[];
}

@ObjectType()
class StopListRejectedLine {
  @Field(() => Int) line!: number;
  @Field() text!: string;
  @Field() reason!: string;
}

@Resolver()
export class StopListResolver {
  @Requires(Scope.RECIPIENTS_WRITE)
  @Mutation(() => StopListImportReport, { description: 'Adds many addresses at once: one per line (e-mails and phones mixed; with channel IM, messenger handles), all with the same reason.' })
  async importStopList(
    @Arg('text') text: string,
    @Arg('reason', () => StopListReason) reason: StopListReason,
    @Arg('channel', () => Channel, { nullable: true, description: 'IM for handles; default: each line is an e-mail or a phone.' }) channel: Channel | null,
    @Ctx() ctx: Context,
  ): Promise<StopListImportReport> {
    const errors = tooLarge(ctx, text);
    if (errors.length) return { imported: 0, duplicates: 0, invalidCount: 0, invalid: [], errors };
    const parsed = channel === Channel.IM ? parseHandles(text) : parseImport(text, ctx.config.defaultPhoneRegion);
    const now = new Date();
    const imported = await inTransaction(ctx.em, async () => {
      const inserted = await insertNew(
        ctx,
        'stop_list_entry',
        ['channel', 'address', 'reason', 'created_by_id', 'created_at'],
        ['channel', 'address'],
        parsed.valid.map((l) => [l.channel, l.address, reason, actingUserKey(ctx), now]),
      );
      await recordAudit(ctx, {
        action: AuditAction.STOP_LIST_IMPORTED,
        subject: { type: AuditSubjectType.STOP_LIST },
        details: { reason, channel, lines: linesOf(parsed), imported: inserted, duplicates: parsed.duplicates + parsed.valid.length - inserted, invalid: parsed.invalid.length },
      });
      return inserted;
    });
    return { imported, duplicates: parsed.duplicates + parsed.valid.length - imported, invalidCount: parsed.invalid.length, invalid: parsed.invalid.slice(0, LISTED_INVALID), errors: [] };
  }

  @Requires(Scope.RECIPIENTS_READ)
  @Query(() => StopListConnection, { description: 'Addresses excluded from every recipient list, newest last.' })
  async stopList(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('channel', () => Channel, { nullable: true }) channel: Channel | null,
    @Arg('search', () => String, { nullable: true, description: 'Part of the address, case-insensitive.' }) search: string | null,
    @Ctx() ctx: Context,
  ) {
    const where: Record<string, unknown> = channel ? { channel } : {};
    if (search?.trim()) where.address = { $like: containsPattern(search.trim().toLowerCase(), ctx.db.kind) };
    const result = await findPage(ctx.em, StopListEntry, where, { property: 'key', direction: OrderDirection.ASC }, page, ctx.config.maxPageSize, {
      // Off the event loop (a search scans the whole list) and under the heavy-read caps.
      light: lightRead(ctx),
    });
    return toConnection(StopListConnection, result);
  }

  @Requires(Scope.RECIPIENTS_WRITE)
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
      createdBy: ref(ctx.em.getReference(User, actingUserKey(ctx))),
      createdAt: new Date(),
    });
    await inTransaction(ctx.em, async () => {
      await ctx.em.flush();
      await recordAudit(ctx, { action: AuditAction.STOP_LIST_ENTRY_ADDED, subject: entrySubject(entry), details: { channel: entry.channel, reason: entry.reason } });
    });
    return { node: entry, errors: [] };
  }

  @Requires(Scope.RECIPIENTS_WRITE)
  @Mutation(() => DeletePayload)
  async removeStopListEntry(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<DeletePayload> {
    const key = keyOf(id, 'StopListEntry');
    const entry = key === null ? null : await ctx.em.findOne(StopListEntry, { key });
    const removed = !entry
      ? 0
      : await inTransaction(ctx.em, async () => {
          const deleted = await ctx.em.nativeDelete(StopListEntry, { key: entry.key });
          if (deleted) await recordAudit(ctx, { action: AuditAction.STOP_LIST_ENTRY_REMOVED, subject: entrySubject(entry), details: { channel: entry.channel, reason: entry.reason } });
          return deleted;
        });
    return removed ? { deletedId: id, errors: [] } : { deletedId: null, errors: [UserError.of(['id'], UserErrorCode.NOT_FOUND, `No stop-list entry has the id "${id}".`)] };
  }
}
