import { Requires } from '../../request/guards';
import { Scope } from '../../auth/actor';
import { Arg, Args, Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { connectionType, findPage, toConnection, heavyRead } from '../../common/connection';
import { encodeCursor, OrderDirection, PageArgs, pageInfoOf, readPageArgs } from '../../common/paging';
import type { Context } from '../../request/context';
import { toGlobalId } from '../../common/global-id';
import { UserError, UserErrorCode, UserErrors } from '../../common/user-error';
import { CustomFieldOption } from '../../custom-fields/custom-field-option.entity';
import { Pipeline } from '../../deals/pipeline.entity';
import type { FieldDef } from '../../filter/model/catalog';
import { FieldValueType, FilterOperator, ValueSlot } from '../../filter/language/filter.enums';
import { FilterScope, SegmentSource } from '../../common/crm-enums';
import { crmValues } from '../../records/crm-field';
import { slotFor } from '../../filter/language/operators';
import { pickLocale, type Locale } from '../../filter/language/labels';
import { Product } from '../../products/product.entity';
import { ReferenceItem } from '../../reference-lists/reference-item.entity';
import { Segment } from '../definition/segment.entity';
import { User } from '../../users/user.entity';
import { fold } from '../../filter/language/fold';
import { loadCatalog } from './field-catalog';
import { FIELD_FAMILIES, familyOf, SCOPE_LABELS } from './field-families';
import { containsPattern } from '../../common/like';

@ObjectType({ description: 'One value a listed field can take.' })
export class FieldValue {
  @Field({ description: 'What goes into the rule: a code (strings) or a global id (ids).' }) value!: string;
  @Field() label!: string;
  @Field(() => ID, { nullable: true, description: 'For stages: the pipeline they belong to.' }) groupId?: string | null;
  @Field(() => String, { nullable: true, description: 'For stages: the pipeline name.' }) group?: string | null;
}

const FieldValueConnection = connectionType(FieldValue, 'FieldValue');

@ObjectType({ description: 'An operator a field takes, and where its value goes.' })
export class FieldOperator {
  @Field(() => FilterOperator) operator!: FilterOperator;
  @Field(() => ValueSlot, { nullable: true, description: 'The field of FilterValueInput the value fills; null: the operator takes no value (IS_EMPTY, IS_NOT_EMPTY).' }) slot!: ValueSlot | null;
}

@ObjectType({ description: "A group of fields in the builder, in display order: the member's own (client, contact, …, custom), then those of one related record (deal, purchase, order, activity)." })
export class FieldFamily {
  @Field(() => ID, { description: 'What SegmentField.family names: the first part of a field id ("custom" for custom.contact.UF_X).' }) id!: string;
  @Field() label!: string;
  @Field(() => FilterScope, { nullable: true, description: "The scope of the related record its fields describe; null for the member's own fields." }) scope!: FilterScope | null;
}

@ObjectType({ description: 'A kind of related record a scoped group tests ("has some deals where …").' })
export class SegmentScope {
  @Field(() => FilterScope) scope!: FilterScope;
  @Field({ description: 'What the records are called, e.g. "Deals".' }) label!: string;
}

@ObjectType({ description: "A field the segment builder may use. Carries react-querybuilder's Field keys (name, label, operators, values)." })
export class SegmentField {
  @Field(() => ID, { description: 'The field id used in rules, e.g. "deal.stage".' }) id!: string;
  @Field({ description: 'Same as id (react-querybuilder reads `name`).' }) name!: string;
  @Field() label!: string;
  @Field(() => FieldValueType) valueType!: FieldValueType;
  @Field(() => FilterScope, { nullable: true, description: 'null = the member itself; otherwise one related record.' }) scope!: FilterScope | null;
  @Field(() => ID, { description: 'The FieldFamily it is listed under (fieldFamilies).' }) family!: string;
  @Field(() => [FilterOperator]) operators!: FilterOperator[];
  @Field(() => [FieldOperator], { description: 'The operators again (same order), each with the value slot it takes: what a value editor fills.' }) operatorSlots!: FieldOperator[];
  @Field(() => [FieldValue], { nullable: true, description: 'Allowed values of short lists; null for searchable or free values.' }) values!: FieldValue[] | null;
  @Field({ description: 'The values are too many to list: search them with filterValues.' }) searchable!: boolean;
  @Field({
    description:
      'Personal data (names, addresses, birthdate and age, gender, free text): a filter may use it only with the crm:read permission; without it such rules are refused with FIELD_NOT_ALLOWED.',
  })
  personal!: boolean;
}

/** Short value lists of the catalog, loaded once per call (one query per kind of list). */
async function shortLists(ctx: Context) {
  const [items, pipelines, options] = await Promise.all([
    ctx.em.find(ReferenceItem, {}, { orderBy: { list: 'asc', sort: 'asc', key: 'asc' } }),
    ctx.em.find(Pipeline, {}, { orderBy: { sort: 'asc', key: 'asc' }, populate: ['stages'] }),
    ctx.em.find(CustomFieldOption, {}, { orderBy: { sort: 'asc', key: 'asc' } }),
  ]);
  return { items, pipelines, options };
}

function valuesOf(def: FieldDef, lists: Awaited<ReturnType<typeof shortLists>>, locale: Locale): FieldValue[] | null {
  if (!def.values) return null;
  const v = crmValues(def.values);
  switch (v.kind) {
    case 'static':
      return v.options.map((o) => ({ value: o.value, label: o.label[locale] }));
    case 'reference':
      return lists.items.filter((i) => i.list === v.list).map((i) => ({ value: i.code, label: i.label }));
    case 'pipelines':
      return lists.pipelines.map((p) => ({ value: p.id, label: p.name }));
    case 'stages':
      return lists.pipelines.flatMap((p) => p.stages.getItems().map((s) => ({ value: s.id, label: s.name, groupId: p.id, group: p.name })));
    case 'customOptions':
      return lists.options.filter((o) => o.field.key === v.fieldKey).map((o) => ({ value: o.code, label: o.label }));
    default:
      return null;
  }
}

@Resolver()
export class SegmentFieldsResolver {
  @Requires(Scope.CRM_READ, Scope.SEGMENTS_READ)
  @Query(() => [SegmentField], { description: 'Every field a filter of this source may use, standard and custom, with operators and values; labels in the locale (en, ru, pl, pt, vi).' })
  async segmentFields(@Arg('source', () => SegmentSource) source: SegmentSource, @Arg('locale', () => String, { nullable: true }) locale: string | null, @Ctx() ctx: Context): Promise<SegmentField[]> {
    const lang = pickLocale(locale);
    const [catalog, lists] = await Promise.all([loadCatalog(ctx.em), shortLists(ctx)]);
    return catalog.forSource(source).map((def) => ({
      id: def.id,
      name: def.id,
      label: def.label[lang],
      valueType: def.type,
      // Catalog fields come from the domains' registrations, whose scopes are FilterScope values.
      scope: def.scope as FilterScope | null,
      family: familyOf(def.id),
      operators: [...def.operators],
      operatorSlots: def.operators.map((operator) => ({ operator, slot: slotFor(def.type, operator) })),
      values: def.searchable ? null : valuesOf(def, lists, lang),
      searchable: Boolean(def.searchable),
      personal: def.personal,
    }));
  }

  @Requires(Scope.CRM_READ, Scope.SEGMENTS_READ)
  @Query(() => [FieldFamily], { description: 'The groups segmentFields are listed in, in display order, labelled in the locale; only those with fields of this source.' })
  async fieldFamilies(@Arg('source', () => SegmentSource) source: SegmentSource, @Arg('locale', () => String, { nullable: true }) locale: string | null, @Ctx() ctx: Context): Promise<FieldFamily[]> {
    const lang = pickLocale(locale);
    const used = new Set((await loadCatalog(ctx.em)).forSource(source).map((def) => familyOf(def.id)));
    return FIELD_FAMILIES.filter((family) => used.has(family.id)).map((family) => ({ id: family.id, label: family.label[lang], scope: family.scope }));
  }

  @Requires(Scope.CRM_READ, Scope.SEGMENTS_READ)
  @Query(() => [SegmentScope], { description: 'The related records a scoped group of this source may test, in display order, labelled in the locale.' })
  async segmentScopes(@Arg('source', () => SegmentSource) source: SegmentSource, @Arg('locale', () => String, { nullable: true }) locale: string | null, @Ctx() ctx: Context): Promise<SegmentScope[]> {
    const lang = pickLocale(locale);
    const used = new Set((await loadCatalog(ctx.em)).forSource(source).map((def) => def.scope));
    return (Object.keys(SCOPE_LABELS) as FilterScope[]).filter((scope) => used.has(scope)).map((scope) => ({ scope, label: SCOPE_LABELS[scope][lang] }));
  }

  @Requires(Scope.CRM_READ, Scope.SEGMENTS_READ)
  @Query(() => FieldValueConnection, { description: 'Values of a listed field matching a search (case-insensitive, any language), keyset-paged; for long lists such as users and products.' })
  async filterValues(
    @Arg('field') fieldId: string,
    @Arg('search', () => String, { nullable: true }) search: string | null,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('locale', () => String, { nullable: true }) locale: string | null,
    @Ctx() ctx: Context,
  ): Promise<InstanceType<typeof FieldValueConnection>> {
    const catalog = await loadCatalog(ctx.em);
    const def = catalog.get(fieldId);
    if (!def?.values) throw new UserErrors([UserError.of(['field'], UserErrorCode.UNKNOWN_FIELD, `"${fieldId}" is not a field with listed values.`)]);
    const needle = fold(search?.trim() ?? '');
    // % and _ typed in a search box act as wildcards, alike on both engines.
    const like = containsPattern(needle, ctx.db.kind);
    const kind = def.values.kind;
    if (kind === 'users' || kind === 'products' || kind === 'segments') {
      const entity = { users: User, products: Product, segments: Segment }[kind];
      const where = needle ? { nameFolded: { $like: like } } : {};
      const result = await findPage(ctx.em, entity as typeof User, where, { property: 'nameFolded', direction: OrderDirection.ASC }, page, 100, { count: heavyRead(ctx) });
      const type = entity.name;
      return toConnection(FieldValueConnection, {
        ...result,
        edges: result.edges.map((e) => ({ cursor: e.cursor, node: { value: toGlobalId(type, e.node.key), label: e.node.name } })),
      });
    }
    // Short lists are filtered in memory; the cursor is the position in the (stable) list order.
    const all = (valuesOf(def, await shortLists(ctx), pickLocale(locale)) ?? []).filter((v) => fold(v.label).includes(needle));
    const request = readPageArgs(page, 100);
    const start = request.cursor ? Number(request.cursor[1]) + 1 : 0;
    const slice = all.slice(start, start + request.size);
    const edges = slice.map((node, i) => ({ cursor: encodeCursor([node.value, start + i]), node }));
    return toConnection(FieldValueConnection, {
      edges,
      pageInfo: pageInfoOf(edges, start + request.size < all.length, start > 0),
      totalCount: async () => all.length,
    });
  }
}
