import { Requires } from '../../request/guards';
import { Scope } from '../../auth/actor';
import { Arg, Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../request/context';
import { UserError } from '../../common/user-error';
import { ClientType, SegmentSource } from '../../common/crm-enums';
import { FilterGroupInput } from './filter.inputs';
import { FilterTreeScalar } from '../../filter/language/filter-tree.scalar';
import { toFilterTree, type FilterGroup } from '../../filter/language/tree';
import { membersOf, prepareFilter } from './query';

@ObjectType({ description: 'What the validator says of a filter, without running it.' })
class FilterCheck {
  @Field({ description: 'True when there are no problems.' }) valid!: boolean;
  @Field(() => [UserError], { description: 'Every problem at once, each with a path into the tree.' }) problems!: UserError[];
  @Field(() => FilterTreeScalar, { description: 'The tree as it would be stored (JSON in the shape of FilterGroupInput).' }) tree!: FilterGroup;
}

@Resolver()
export class FilterCheckResolver {
  @Requires(Scope.CRM_READ, Scope.SEGMENTS_READ)
  @Query(() => FilterCheck, { description: 'Validates a filter against the current catalog (fields, operators, values, limits) without counting anything.' })
  async checkFilter(
    @Arg('source', () => SegmentSource) source: SegmentSource,
    @Arg('filter', () => FilterGroupInput) filter: FilterGroupInput,
    @Arg('clientType', () => ClientType, { defaultValue: ClientType.ANY }) clientType: ClientType,
    @Arg('timeZone', () => String, { nullable: true }) timeZone: string | null,
    @Ctx() ctx: Context,
  ): Promise<FilterCheck> {
    const tree = toFilterTree(filter);
    const { problems } = await prepareFilter(ctx, { tree, source, members: membersOf(source, clientType), timeZone, validateOnly: true });
    return { valid: problems.length === 0, problems, tree };
  }
}
