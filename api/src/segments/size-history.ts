import { DateTimeResolver } from 'graphql-scalars';
import { Arg, Ctx, Field, FieldResolver, Int, ObjectType, registerEnumType, Resolver, Root } from 'type-graphql';
import { Scope } from '../auth/actor';
import type { Database } from '../db/orm';
import { Channel } from '../communications/communication.enums';
import { today } from '../filter/language/dates';
import { reportCount } from '../privacy/reported-count';
import type { Context } from '../request/context';
import { Requires } from '../request/guards';
import type { MemberType } from '../common/crm-enums';
import type { Audience } from './audience';
import { recipientCountStatement } from './audience-sql';
import { Segment } from './definition/segment.entity';
import { inTx, membershipPredicate, readSizes } from './membership/store';

/** Why a size point was taken. */
export enum SizePointReason {
  /** The first pass of a day in the segment's zone. */
  DAY = 'DAY',
  /** The membership of a new definition was built. */
  DEFINITION = 'DEFINITION',
}

registerEnumType(SizePointReason, {
  name: 'SizePointReason',
  description: 'DAY: the first point of a day in the segment’s zone; DEFINITION: taken when the membership of a new definition was built.',
});

const CHANNEL_COLUMN = { [Channel.EMAIL]: 'email', [Channel.PHONE]: 'phone', [Channel.IM]: 'im' } as const;

/**
 * Takes a point of a maintained membership's size now: its members (kept sizes) and distinct
 * recipients per channel (one statement each, over the membership).
 */
export async function recordSizePoint(db: Database, segment: { key: number; zone: string }, members: readonly MemberType[], reason: SizePointReason, at: Date): Promise<void> {
  const read = (sql: string, params: unknown[]) => db.orm.em.getConnection().execute<Array<Record<string, unknown>>>(sql, params);
  const sizes = await readSizes(read, segment.key);
  const audience: Audience = { staticKey: null, members: members.map((type) => ({ type, predicate: membershipPredicate(segment.key, type) })) };
  const recipients: Record<string, number> = {};
  for (const channel of Object.values(Channel)) {
    const statement = recipientCountStatement(audience, channel);
    const [row] = await db.read<{ n: number | string }>(statement.sql, statement.params);
    recipients[CHANNEL_COLUMN[channel]] = Number(row?.n ?? 0);
  }
  const total = members.reduce((sum, m) => sum + (sizes.get(m) ?? 0), 0);
  await inTx(db, (tx) =>
    tx.run('INSERT INTO segment_size_history (segment_id, day, at, reason, members, email, phone, im) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
      segment.key,
      today(at, segment.zone),
      at,
      reason,
      total,
      recipients.email,
      recipients.phone,
      recipients.im,
    ]),
  );
}

/**
 * The day's point as a copy of a point already taken that day (the build of a definition a
 * moment ago): the figures are the same, so they are not counted again. False when there is none.
 */
export async function copyPointOfDay(db: Database, segmentKey: number, day: string, at: Date): Promise<boolean> {
  const connection = db.orm.em.getConnection();
  const [point] = (await connection.execute('SELECT members, email, phone, im FROM segment_size_history WHERE segment_id = ? AND day = ? ORDER BY id DESC LIMIT 1', [segmentKey, day])) as Array<
    Record<'members' | 'email' | 'phone' | 'im', number | string>
  >;
  if (!point) return false;
  await inTx(db, (tx) =>
    tx.run('INSERT INTO segment_size_history (segment_id, day, at, reason, members, email, phone, im) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
      segmentKey,
      day,
      at,
      SizePointReason.DAY,
      Number(point.members),
      Number(point.email),
      Number(point.phone),
      Number(point.im),
    ]),
  );
  return true;
}

/** The segments (of `keys`) that have no DAY point for `day` yet. */
export async function withoutDayPoint(db: Database, keys: readonly number[], dayOf: (key: number) => string): Promise<number[]> {
  if (!keys.length) return [];
  const rows = (await db.orm.em
    .getConnection()
    .execute(`SELECT segment_id, MAX(day) AS day FROM segment_size_history WHERE reason = ? AND segment_id IN (${keys.map(() => '?').join(', ')}) GROUP BY segment_id`, [
      SizePointReason.DAY,
      ...keys,
    ])) as Array<{ segment_id: number | string; day: string }>;
  const last = new Map(rows.map((r) => [Number(r.segment_id), r.day]));
  return keys.filter((key) => last.get(key) !== dayOf(key));
}

/** Drops points older than the retention. */
export async function pruneSizeHistory(db: Database, before: Date): Promise<void> {
  await db.orm.em.getConnection().execute('DELETE FROM segment_size_history WHERE at < ?', [db.kind === 'sqlite' ? before.getTime() : before], 'run');
}

@ObjectType({ description: 'The number of recipients of one channel at a point of a segment’s size history.' })
export class ChannelSize {
  @Field(() => Channel) channel!: Channel;
  @Field(() => Int, { nullable: true, description: 'Null when below MIN_REPORTED_COUNT and the caller lacks crm:read (then fewerThan is set).' }) value!: number | null;
  @Field(() => Int, { nullable: true }) fewerThan!: number | null;
}

@ObjectType({ description: 'A segment’s size at one moment: one point per day in its zone, and one at every change of its definition.' })
export class SizePoint {
  @Field(() => DateTimeResolver) at!: Date;
  @Field({ description: 'The calendar day in the segment’s zone (YYYY-MM-DD).' }) day!: string;
  @Field(() => SizePointReason) reason!: SizePointReason;
  @Field(() => Int, { nullable: true, description: 'Members; null when below MIN_REPORTED_COUNT and the caller lacks crm:read.' }) members!: number | null;
  @Field(() => Int, { nullable: true }) membersFewerThan!: number | null;
  @Field(() => [ChannelSize], { description: 'Distinct recipients per channel, stop list excluded.' }) recipients!: ChannelSize[];
}

@Resolver(() => Segment)
export class SegmentSizeHistoryResolver {
  @Requires(Scope.SEGMENTS_READ)
  @FieldResolver(() => [SizePoint], { description: 'How the maintained membership’s size moved, oldest first, over the last `days` days (kept SIZE_HISTORY_DAYS, default 400).' })
  async sizeHistory(@Root() segment: Segment, @Arg('days', () => Int, { defaultValue: 30 }) days: number, @Ctx() ctx: Context): Promise<SizePoint[]> {
    const since = new Date(Date.now() - Math.max(1, Math.min(days, ctx.config.membership.historyDays)) * 24 * 3600 * 1000);
    const rows = await ctx.db.read<{ at: string | number; day: string; reason: SizePointReason; members: number | string; email: number | string; phone: number | string; im: number | string }>(
      'SELECT at, day, reason, members, email, phone, im FROM segment_size_history WHERE segment_id = ? AND at >= ? ORDER BY at, id',
      [segment.key, ctx.db.kind === 'sqlite' ? since.getTime() : since],
    );
    return rows.map((row) => {
      const members = reportCount(ctx, { value: Number(row.members), fewerThan: null });
      return {
        at: new Date(row.at),
        day: row.day,
        reason: row.reason,
        members: members.value,
        membersFewerThan: members.fewerThan,
        recipients: Object.values(Channel).map((channel) => ({ channel, ...reportCount(ctx, { value: Number(row[CHANNEL_COLUMN[channel]]), fewerThan: null }) })),
      };
    });
  }
}
