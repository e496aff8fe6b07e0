import { Requires } from '../request/guards';
import { Scope } from '../auth/actor';
import { Arg, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../request/context';
import { DeletePayload, payloadType } from '../common/payloads';
import { UserError } from '../common/user-error';
import { ReferenceItem, ReferenceList } from '../reference-lists/reference-item.entity';
import { AddReferenceItemInput, UpdateReferenceItemInput } from '../reference-lists/reference-item.inputs';
import { addItem, deleteItem, reorderItems, updateItem } from './reference-item.service';

const ReferenceItemPayload = payloadType(ReferenceItem, 'ReferenceItem', 'item');

@ObjectType()
class ReorderReferenceItemsPayload {
  @Field(() => [ReferenceItem], { description: 'The list in its new order.' })
  items!: ReferenceItem[];

  @Field(() => [UserError])
  errors!: UserError[];
}

@Resolver()
export class ReferenceItemResolver {
  @Requires(Scope.CRM_READ, Scope.SEGMENTS_READ)
  @Query(() => [ReferenceItem], { description: 'The values of a reference list, in order.' })
  referenceItems(@Arg('list', () => ReferenceList) list: ReferenceList, @Ctx() ctx: Context): Promise<ReferenceItem[]> {
    return ctx.em.find(ReferenceItem, { list }, { orderBy: { sort: 'asc', key: 'asc' } });
  }

  @Requires(Scope.SETTINGS_WRITE)
  @Mutation(() => ReferenceItemPayload)
  async addReferenceItem(@Arg('input') input: AddReferenceItemInput, @Ctx() ctx: Context) {
    const result = await addItem(ctx, input);
    return { node: result.entity, errors: result.errors };
  }

  @Requires(Scope.SETTINGS_WRITE)
  @Mutation(() => ReferenceItemPayload, { description: 'Rename, move, or (lead statuses) change the semantic.' })
  async updateReferenceItem(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateReferenceItemInput, @Ctx() ctx: Context) {
    const result = await updateItem(ctx, id, input);
    return { node: result.entity, errors: result.errors };
  }

  @Requires(Scope.SETTINGS_WRITE)
  @Mutation(() => ReorderReferenceItemsPayload, { description: 'Puts the list in the order of `ids` (every item of the list, once).' })
  async reorderReferenceItems(@Arg('list', () => ReferenceList) list: ReferenceList, @Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: Context): Promise<ReorderReferenceItemsPayload> {
    return reorderItems(ctx, list, ids);
  }

  @Requires(Scope.SETTINGS_WRITE)
  @Mutation(() => DeletePayload, {
    description: 'Deletes a value. If records use it, fails with IN_USE (and the count) unless `replacementId` names another value of the same list, which the records then get.',
  })
  async deleteReferenceItem(@Arg('id', () => ID) id: string, @Arg('replacementId', () => ID, { nullable: true }) replacementId: string | null, @Ctx() ctx: Context): Promise<DeletePayload> {
    const errors = await deleteItem(ctx, id, replacementId);
    return { deletedId: errors.length ? null : id, errors };
  }
}
