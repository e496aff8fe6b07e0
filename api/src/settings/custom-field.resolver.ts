import { Requires } from '../request/guards';
import { Scope } from '../auth/actor';
import { forgetCatalog } from '../segments/filtering/field-catalog';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../request/context';
import { DeletePayload, payloadType } from '../common/payloads';
import { CustomField } from '../custom-fields/custom-field.entity';
import { CustomFieldEntity } from '../custom-fields/custom-field.enums';
import { CreateCustomFieldInput, CustomFieldOptionInput, UpdateCustomFieldInput, UpdateCustomFieldOptionInput } from '../custom-fields/custom-field.inputs';
import * as service from './custom-field.service';

const CustomFieldPayload = payloadType(CustomField, 'CustomField', 'field');

@Resolver()
export class CustomFieldResolver {
  @Requires(Scope.CRM_READ, Scope.SEGMENTS_READ)
  @Query(() => [CustomField], { description: 'Custom fields, of one entity or all, in order.' })
  customFields(@Arg('entity', () => CustomFieldEntity, { nullable: true }) entity: CustomFieldEntity | null, @Ctx() ctx: Context): Promise<CustomField[]> {
    return ctx.em.find(CustomField, entity ? { entity } : {}, { orderBy: { entity: 'asc', sort: 'asc', key: 'asc' } });
  }

  @Requires(Scope.SETTINGS_WRITE)
  @Mutation(() => CustomFieldPayload)
  async createCustomField(@Arg('input') input: CreateCustomFieldInput, @Ctx() ctx: Context) {
    const result = await service.createField(ctx, input);
    forgetCatalog(ctx.em);
    return { node: result.entity, errors: result.errors };
  }

  @Requires(Scope.SETTINGS_WRITE)
  @Mutation(() => CustomFieldPayload, { description: 'Rename or move a field (its code and type never change).' })
  async updateCustomField(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateCustomFieldInput, @Ctx() ctx: Context) {
    const result = await service.updateField(ctx, id, input);
    forgetCatalog(ctx.em);
    return { node: result.entity, errors: result.errors };
  }

  @Requires(Scope.SETTINGS_WRITE)
  @Mutation(() => CustomFieldPayload, { description: 'Add, relabel/reorder and remove options of a LIST or MULTI_LIST field.' })
  async editCustomFieldOptions(
    @Arg('id', () => ID) id: string,
    @Arg('add', () => [CustomFieldOptionInput], { defaultValue: [] }) add: CustomFieldOptionInput[],
    @Arg('update', () => [UpdateCustomFieldOptionInput], { defaultValue: [] }) update: UpdateCustomFieldOptionInput[],
    @Arg('removeIds', () => [ID], { defaultValue: [] }) removeIds: string[],
    @Ctx() ctx: Context,
  ) {
    const result = await service.editOptions(ctx, id, add, update, removeIds);
    forgetCatalog(ctx.em);
    return { node: result.entity, errors: result.errors };
  }

  @Requires(Scope.SETTINGS_WRITE)
  @Mutation(() => DeletePayload, { description: 'Deletes the field and all its values.' })
  async deleteCustomField(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<DeletePayload> {
    const errors = await service.deleteField(ctx, id);
    forgetCatalog(ctx.em);
    return { deletedId: errors.length ? null : id, errors };
  }
}
