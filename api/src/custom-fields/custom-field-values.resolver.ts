import { DateResolver } from 'graphql-scalars';
import { Ctx, Field, FieldResolver, Float, ObjectType, Resolver, Root, type ClassType } from 'type-graphql';
import type { Context } from '../request/context';
import type { Record } from '../common/record.entity';
import { CustomFieldOption } from './custom-field-option.entity';
import { CustomFieldValue } from './custom-field-value.entity';
import { CustomField } from './custom-field.entity';
import { CustomFieldEntity } from './custom-field.enums';

@ObjectType({ description: 'The value of one custom field on a record; only the slot of the field’s type is set.' })
export class CustomFieldValueView {
  @Field(() => CustomField) field!: CustomField;
  @Field() code!: string;
  @Field(() => String, { nullable: true }) string?: string | null;
  @Field(() => Float, { nullable: true }) number?: number | null;
  @Field(() => DateResolver, { nullable: true }) date?: string | null;
  @Field(() => Boolean, { nullable: true }) boolean?: boolean | null;
  @Field(() => [CustomFieldOption], { description: 'Chosen options of a LIST / MULTI_LIST field.' }) options!: CustomFieldOption[];
}

/** Values of a batch of records of one entity: one query per entity per request tick. */
async function loadValues(ctx: Context, entity: CustomFieldEntity, keys: readonly number[]): Promise<CustomFieldValueView[][]> {
  const rows = await ctx.em.find(CustomFieldValue, { field: { entity }, recordId: { $in: [...keys] } }, { populate: ['field', 'option'], orderBy: { field: { sort: 'asc' }, key: 'asc' } });
  const byRecord = new Map<number, Map<number, CustomFieldValueView>>();
  for (const row of rows) {
    const field = row.field.getEntity();
    const views = byRecord.get(row.recordId) ?? new Map<number, CustomFieldValueView>();
    byRecord.set(row.recordId, views);
    const view = views.get(field.key) ?? Object.assign(new CustomFieldValueView(), { field, code: field.code, options: [] });
    views.set(field.key, view);
    view.string ??= row.stringValue;
    view.number ??= row.numberValue;
    view.date ??= row.dateValue;
    view.boolean ??= row.booleanValue;
    if (row.option) view.options.push(row.option.getEntity());
  }
  return keys.map((key) => [...(byRecord.get(key)?.values() ?? [])]);
}

/** `customFields` on a record type; resolvers.ts makes one per type that has custom fields. */
export function customFieldsResolver(type: ClassType<Record>, entity: CustomFieldEntity) {
  @Resolver(() => type)
  class CustomFieldsOf {
    @FieldResolver(() => [CustomFieldValueView], { description: 'Values of the custom fields that are set on this record.' })
    customFields(@Root() record: Record, @Ctx() ctx: Context): Promise<CustomFieldValueView[]> {
      return ctx.loaders.get<number, CustomFieldValueView[]>(`customValues:${entity}`, (keys) => loadValues(ctx, entity, keys)).load(record.key);
    }
  }
  return CustomFieldsOf;
}
