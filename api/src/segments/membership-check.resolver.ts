import { Requires } from '../request/guards';
import { forbidden, Scope } from '../auth/actor';
import { seesPersonalData } from '../privacy/personal-fields';
import { Arg, Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../request/context';
import { fromGlobalId, keyOf } from '../common/global-id';
import { firstRow } from '../lib/indexed';
import { UserError, UserErrorCode, UserErrors } from '../common/user-error';
import type { MemberType } from '../common/crm-enums';
import { audienceOf } from './audience';
import { audienceHasStatement } from './audience-sql';
import { Segment } from './definition/segment.entity';

const MEMBER_TYPES: Record<string, MemberType> = { Contact: 'contact', Company: 'company', Lead: 'lead' };
const MAX_SEGMENTS = 500;

@ObjectType({ description: 'Whether one record is in one segment right now.' })
class SegmentMembership {
  @Field(() => Segment) segment!: Segment;
  @Field() isMember!: boolean;
  @Field(() => String, { nullable: true, description: 'Set when the segment could not be evaluated (its saved filter no longer validates); isMember is then false.' }) problem!: string | null;
}

@Resolver()
export class MembershipCheckResolver {
  @Requires(Scope.SEGMENTS_READ)
  @Query(() => [SegmentMembership], {
    description:
      'For one contact, company or lead: which of the given segments (default: all, at most 500) it is in now. One statement for all of them. Needs segments:read and crm:read: whether a named person is in a segment is personal data.',
  })
  async segmentMembership(
    @Arg('memberId', () => ID) memberId: string,
    @Arg('segmentIds', () => [ID], { nullable: true }) segmentIds: string[] | null,
    @Ctx() ctx: Context,
  ): Promise<SegmentMembership[]> {
    // A yes/no per person is a count of one: refused rather than suppressed (there is nothing to round).
    if (!seesPersonalData(ctx.actor)) throw forbidden(Scope.CRM_READ);
    const decoded = fromGlobalId(memberId);
    const type = decoded && MEMBER_TYPES[decoded.type];
    if (!decoded || !type) throw new UserErrors([UserError.of(['memberId'], UserErrorCode.INVALID, 'memberId must be the id of a contact, company or lead.')]);
    const keys = segmentIds?.map(
      (id, i) =>
        keyOf(id, 'Segment') ??
        (() => {
          throw new UserErrors([UserError.of(['segmentIds', i], UserErrorCode.INVALID, `"${id}" is not a segment id.`)]);
        })(),
    );
    const segments = await ctx.em.find(Segment, keys ? { key: { $in: keys } } : {}, { orderBy: { key: 'asc' }, limit: MAX_SEGMENTS });
    const now = new Date();
    const checks: Array<{ segment: Segment; index: number | null; problem: string | null }> = [];
    const parts: string[] = [];
    const params: unknown[] = [];
    for (const segment of segments) {
      const { audience, problems } = await audienceOf(ctx, { ...segment, key: segment.key }, { now, origin: 'saved' });
      const statement = audience && audienceHasStatement(audience, type, decoded.key);
      if (statement) {
        parts.push(`CASE WHEN EXISTS (${statement.sql}) THEN 1 ELSE 0 END AS s${parts.length}`);
        params.push(...statement.params);
        checks.push({ segment, index: parts.length - 1, problem: null });
      } else {
        checks.push({ segment, index: null, problem: problems[0]?.message ?? null });
      }
    }
    const row: Record<string, number | string> = parts.length ? firstRow(await ctx.db.read<Record<string, number | string>>(`SELECT ${parts.join(', ')}`, params)) : {};
    return checks.map((c) => ({ segment: c.segment, isMember: c.index !== null && Number(row[`s${c.index}`]) === 1, problem: c.problem }));
  }
}
