import { DateTimeResolver } from 'graphql-scalars';
import { Arg, Args, Ctx, Field, FieldResolver, ID, ObjectType, registerEnumType, Resolver, Root } from 'type-graphql';
import { Scope } from '../auth/actor';
import { connectionType, toConnection } from '../common/connection';
import { toGlobalId } from '../common/global-id';
import { encodeCursor, foreignCursor, pageInfoOf, readPageArgs } from '../common/paging';
import type { Context } from '../request/context';
import { Requires } from '../request/guards';
import { ForwardPageArgs, Member, MemberEdge, type MemberObject } from './audience.types';
import { Segment } from './definition/segment.entity';
import { loadMember } from './member-rows';
import { MembershipReason } from './membership/store';

export enum MembershipChangeKind {
  ENTERED = 'ENTERED',
  LEFT = 'LEFT',
}
registerEnumType(MembershipChangeKind, { name: 'MembershipChangeKind', description: 'A record entered the segment or left it.' });
registerEnumType(MembershipReason, {
  name: 'MembershipChangeReason',
  description:
    'Why: RECORD_CHANGE (the record or something it owns changed), SEGMENT_EDITED (the definition, or one of a segment it names, changed), DAY_BOUNDARY (a relative date moved on at midnight in the segment’s zone), STATIC_EDIT (a static segment its rules name gained or lost an address).',
});

const GLOBAL_TYPE = { company: 'Company', contact: 'Contact', lead: 'Lead' } as const;
type MemberKind = keyof typeof GLOBAL_TYPE;

@ObjectType({ description: 'One record entering or leaving a segment’s maintained membership.' })
export class MembershipChange {
  @Field(() => MembershipChangeKind) kind!: MembershipChangeKind;
  @Field(() => MembershipReason) reason!: MembershipReason;
  @Field(() => DateTimeResolver) at!: Date;
  @Field(() => ID, { description: 'Global id of the record (it may no longer exist).' }) memberId!: string;
  memberType!: MemberKind;
  memberKey!: number;
}

const MembershipChangeConnection = connectionType(MembershipChange, 'MembershipChange');

@Resolver(() => MembershipChange)
export class MembershipChangeResolver {
  @FieldResolver(() => Member, { nullable: true, description: 'The record, while it exists.' })
  member(@Root() change: MembershipChange, @Ctx() ctx: Context): Promise<MemberObject | null> {
    return loadMember(ctx, change.memberType, change.memberKey);
  }
}

@Resolver(() => Segment)
export class SegmentMembershipChangesResolver {
  @Requires(Scope.RECIPIENTS_READ)
  @FieldResolver(() => MembershipChangeConnection, { description: 'Who entered and left the maintained membership, newest first (keyset-paged); empty for a static segment.' })
  async membershipChanges(
    @Root() segment: Segment,
    @Args(() => ForwardPageArgs) page: ForwardPageArgs,
    @Arg('since', () => DateTimeResolver, { nullable: true, description: 'Changes at or after this instant.' }) since: Date | null,
    @Arg('kind', () => MembershipChangeKind, { nullable: true, description: 'Only entries, or only departures.' }) kind: MembershipChangeKind | null,
    @Ctx() ctx: Context,
  ) {
    const { size, cursor } = readPageArgs(page, ctx.config.maxPageSize);
    if (cursor && (cursor[0] !== 'change' || typeof cursor[1] !== 'number')) throw foreignCursor('after');
    // The segment's changes as asked (since, kind); the page continues below the cursor's id.
    const filters: Array<[string, unknown]> = [['segment_id = ?', segment.key]];
    if (since) filters.push(['at >= ?', ctx.db.kind === 'sqlite' ? since.getTime() : since]);
    if (kind) filters.push(['kind = ?', kind]);
    const where = filters.map(([condition]) => condition).join(' AND ');
    const params = filters.map(([, value]) => value);
    const after = cursor ? ' AND id < ?' : '';
    const rows = await ctx.db.read<{ id: number | string; member_type: MemberKind; member_key: number | string; kind: MembershipChangeKind; reason: MembershipReason; at: string | number }>(
      `SELECT id, member_type, member_key, kind, reason, at FROM segment_membership_event WHERE ${where}${after} ORDER BY id DESC LIMIT ?`,
      [...params, ...(cursor ? [cursor[1]] : []), size + 1],
    );
    const edges = rows.slice(0, size).map((row) => ({
      cursor: encodeCursor(['change', Number(row.id)]),
      node: Object.assign(new MembershipChange(), {
        kind: row.kind,
        reason: row.reason,
        at: new Date(row.at),
        memberType: row.member_type,
        memberKey: Number(row.member_key),
        memberId: toGlobalId(GLOBAL_TYPE[row.member_type], Number(row.member_key)),
      }),
    }));
    return toConnection(MembershipChangeConnection, {
      edges,
      pageInfo: pageInfoOf(edges, rows.length > size, cursor !== null),
      totalCount: async () => {
        const [row] = await ctx.db.read<{ n: number | string }>(`SELECT COUNT(*) AS n FROM segment_membership_event WHERE ${where}`, params);
        return Number(row?.n ?? 0);
      },
    });
  }
}

@Resolver(() => MemberEdge)
export class MemberEdgeResolver {
  @FieldResolver(() => DateTimeResolver, { nullable: true, description: 'When the member’s current stay in the segment began; null when the page was evaluated live (see memberCount.source).' })
  joinedAt(@Root() edge: MemberEdge, @Ctx() ctx: Context): Promise<Date | null> {
    const stay = edge.stay;
    if (!stay) return Promise.resolve(null);
    const loader = ctx.loaders.get<string, Date | null>('member-stay', async (keys) => {
      const wanted = keys.map((k) => k.split('|'));
      const bySegmentType = new Map<string, number[]>();
      for (const [segmentKey, type, key] of wanted) bySegmentType.set(`${segmentKey}|${type}`, [...(bySegmentType.get(`${segmentKey}|${type}`) ?? []), Number(key)]);
      const since = new Map<string, Date>();
      for (const [group, memberKeys] of bySegmentType) {
        const [segmentKey, type] = group.split('|');
        const rows = await ctx.db.read<{ member_key: number | string; since: string | number }>(
          `SELECT member_key, since FROM segment_membership WHERE segment_id = ? AND member_type = ? AND member_key IN (${memberKeys.map(() => '?').join(', ')})`,
          [Number(segmentKey), type, ...memberKeys],
        );
        for (const row of rows) since.set(`${group}|${Number(row.member_key)}`, new Date(row.since));
      }
      return keys.map((k) => since.get(k) ?? null);
    });
    return loader.load(`${stay.segmentKey}|${stay.type}|${stay.key}`);
  }
}
