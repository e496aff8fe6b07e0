import { DateTimeResolver } from 'graphql-scalars';
import { Ctx, Field, FieldResolver, ObjectType, registerEnumType, Resolver, Root } from 'type-graphql';
import { Scope } from '../auth/actor';
import type { Context } from '../request/context';
import { Requires } from '../request/guards';
import { SegmentKind } from './definition/segment.enums';
import { Segment } from './definition/segment.entity';
import { maintainedAudience } from './saved-audience';
import { MembershipState, readStates } from './membership/store';

registerEnumType(MembershipState, {
  name: 'MembershipState',
  description: 'BUILDING: the membership of the current definition is being built (figures are evaluated live meanwhile); LIVE: figures read it; FAILED: it cannot be built (see error).',
});

@ObjectType({ description: 'The maintained membership of a dynamic segment: who is in it, kept up to date as records change.' })
export class MaintainedMembership {
  @Field(() => MembershipState) state!: MembershipState;
  @Field(() => String, { nullable: true, description: 'Why the membership could not be built (FAILED).' }) error!: string | null;
  @Field(() => DateTimeResolver, { nullable: true, description: 'When the rows of the current definition were built.' }) builtAt!: Date | null;
  @Field(() => DateTimeResolver, { nullable: true, description: 'Every change committed before this instant is in the rows.' }) asOf!: Date | null;
  @Field({ description: 'No queued change and no pending day boundary concerns the segment.' }) exact!: boolean;
}

@Resolver(() => Segment)
export class SegmentMembershipResolver {
  @Requires(Scope.SEGMENTS_READ)
  @FieldResolver(() => MaintainedMembership, { nullable: true, description: 'The state of the maintained membership; null for a static segment (its list is its membership).' })
  async membership(@Root() segment: Segment, @Ctx() ctx: Context): Promise<MaintainedMembership | null> {
    if (segment.kind !== SegmentKind.DYNAMIC) return null;
    const maintained = await maintainedAudience(ctx, segment);
    if (maintained?.freshness) {
      const state = (await readStates((sql, params) => ctx.em.getConnection().execute(sql, params), [segment.key])).get(segment.key);
      return { state: MembershipState.LIVE, error: null, builtAt: state?.builtAt ?? null, asOf: maintained.freshness.asOf, exact: maintained.freshness.exact };
    }
    const state = (await readStates((sql, params) => ctx.em.getConnection().execute(sql, params), [segment.key])).get(segment.key);
    // A state of an older definition: the current one is building (or failed for this very definition).
    const failed = state?.state === MembershipState.FAILED && state.fingerprint?.startsWith(`${segment.key}:${segment.version}`);
    return failed
      ? { state: MembershipState.FAILED, error: state.error, builtAt: state.builtAt, asOf: null, exact: false }
      : { state: MembershipState.BUILDING, error: null, builtAt: null, asOf: null, exact: false };
  }
}
