import type { Context } from '../request/context';
import { toConnection } from '../common/connection';
import { firstRow, itemAt } from '../lib/indexed';
import { encodeCursor, foreignCursor, pageInfoOf, readPageArgs } from '../common/paging';
import { Channel } from '../communications/communication.enums';
import { countMembers } from './filtering/query';
import { FigureSource, type Audience } from './audience';
import { readSizes } from './membership/store';
import { audiencePageStatement, ownerOf, RANK_MEMBER, recipientCountStatement, recipientName, recipientPageStatement, type RecipientRow } from './audience-sql';
import { type ForwardPageArgs, type LiveCount, MemberConnection, type Recipient, RecipientConnection, type RecipientCount } from './audience.types';
import { loadMember, memberRows } from './member-rows';

/** The exact number of members (resolvers pass it through reportCount before it leaves the API). */
export async function countAudience(ctx: Context, audience: Audience): Promise<LiveCount & { value: number }> {
  const value =
    audience.maintainedKey === undefined
      ? await countMembers(ctx, { predicates: new Map(audience.members.map((m) => [m.type, m.predicate])) })
      : await maintainedSize(
          ctx,
          audience.maintainedKey,
          audience.members.map((m) => m.type),
        );
  return { value, fewerThan: null, ...freshnessOf(audience) };
}

/** A maintained membership's size: kept with its rows, so one row per member type is read. */
async function maintainedSize(ctx: Context, segmentKey: number, members: readonly string[]): Promise<number> {
  const sizes = await readSizes((sql, params) => ctx.em.getConnection().execute(sql, params), segmentKey);
  return members.reduce((sum, member) => sum + (sizes.get(member) ?? 0), 0);
}

/** When a figure was computed and how fresh it is (evaluated now, unless the audience says otherwise). */
function freshnessOf(audience: Audience): { computedAt: Date; asOf: Date; exact: boolean; source: FigureSource } {
  const computedAt = new Date();
  return { computedAt, ...(audience.freshness ?? { source: FigureSource.LIVE, asOf: computedAt, exact: true }) };
}

/** Exact numbers of recipients per channel (resolvers pass them through reportCount). */
export async function countRecipients(ctx: Context, audience: Audience, channels: Channel[]): Promise<Array<RecipientCount & { value: number }>> {
  return Promise.all(
    channels.map(async (channel) => {
      const statement = recipientCountStatement(audience, channel);
      const row = firstRow(await ctx.db.read<{ n: number | string }>(statement.sql, statement.params));
      return { channel, value: Number(row.n), fewerThan: null, ...freshnessOf(audience) };
    }),
  );
}

/** Members in (type, key) order; the cursor is (type rank, key), stable while rows change. */
export async function membersPage(ctx: Context, audience: Audience, args: ForwardPageArgs) {
  const { size, cursor } = readPageArgs(args, ctx.config.maxPageSize);
  if (cursor && !(typeof cursor[0] === 'number' && RANK_MEMBER[cursor[0]])) throw foreignCursor('after');
  const after = cursor ? { rank: cursor[0] as number, key: cursor[1] } : null;
  const statement = audiencePageStatement(audience, after, size + 1);
  const rows = size === 0 ? [] : await ctx.db.read<{ member_rank: number | string; id: number | string }>(statement.sql, statement.params);
  const page = rows.slice(0, size);
  const nodes = statement.wholeRows
    ? memberRows(ctx, RANK_MEMBER[Number(page[0]?.member_rank ?? 2)] as 'contact', page)
    : await Promise.all(page.map((row) => loadMember(ctx, RANK_MEMBER[Number(row.member_rank)] as 'contact', Number(row.id))));
  const maintained = audience.maintainedKey;
  const edges = page
    .map((row, i) => {
      const type = RANK_MEMBER[Number(row.member_rank)] as 'company' | 'contact' | 'lead';
      const stay = maintained === undefined ? undefined : { segmentKey: maintained, type, key: Number(row.id) };
      return { cursor: encodeCursor([Number(row.member_rank), Number(row.id)]), node: nodes[i], stay };
    })
    .filter((e) => e.node !== null);
  return toConnection(MemberConnection, {
    edges: edges as Array<{ cursor: string; node: NonNullable<(typeof nodes)[number]> }>,
    pageInfo: pageInfoOf(edges, rows.length > size, after !== null),
    // Exact: whoever may page the members (recipients:read) can count them anyway.
    totalCount: async () => (await countAudience(ctx, audience)).value,
  });
}

export function toRecipient(row: RecipientRow, channel: Channel): Recipient {
  const owner = row.owner === null || row.owner === undefined ? null : ownerOf(row.owner);
  return {
    address: row.address,
    channel,
    name: recipientName(row),
    ownerCount: Number(row.owners),
    ownerRef: owner as Recipient['ownerRef'],
  };
}

/** Recipients in address order; the cursor is the address, so pages stay stable while rows change. */
export async function recipientsPage(ctx: Context, audience: Audience, channel: Channel, args: ForwardPageArgs) {
  const { size, cursor } = readPageArgs(args, ctx.config.maxPageSize);
  if (cursor && typeof cursor[0] !== 'string') throw foreignCursor('after');
  const afterAddress = cursor ? (cursor[0] as string) : null;
  const statement = recipientPageStatement(audience, channel, afterAddress, size + 1);
  const rows = size === 0 ? [] : await ctx.db.read<RecipientRow>(statement.sql, statement.params);
  const edges = rows.slice(0, size).map((row) => ({ cursor: encodeCursor([row.address, 0]), node: toRecipient(row, channel) }));
  return toConnection(RecipientConnection, {
    edges,
    pageInfo: pageInfoOf(edges, rows.length > size, afterAddress !== null),
    totalCount: async () => itemAt(await countRecipients(ctx, audience, [channel]), 0).value,
  });
}

export const ALL_CHANNELS = [Channel.EMAIL, Channel.PHONE, Channel.IM];
export { loadMember };
