import { Requires } from '../request/guards';
import { Scope } from '../auth/actor';
import { Arg, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../request/context';
import { UserError, UserErrorCode } from '../common/user-error';
import { ClientType, SegmentSource } from '../common/crm-enums';
import { FilterTreeScalar } from '../filter/language/filter-tree.scalar';
import { pickLocale } from '../filter/language/labels';
import type { FilterGroup } from '../filter/language/tree';
import { SegmentKind } from './definition/segment.enums';
import { SegmentPayload } from './segment.resolver';
import { createSegment } from './segment.service';
import { TEMPLATES } from './templates';

@ObjectType({ description: 'A ready-made filter; its `filter` can be edited and saved like any other, or turned into a segment with createSegmentFromTemplate.' })
class SegmentTemplate {
  @Field(() => ID, { description: 'Stable code, e.g. WITH_WON_DEALS.' }) id!: string;
  @Field() name!: string;
  @Field() description!: string;
  @Field(() => SegmentSource) source!: SegmentSource;
  @Field(() => ClientType) clientType!: ClientType;
  @Field(() => FilterTreeScalar) filter!: FilterGroup;
}

@Resolver()
export class SegmentTemplateResolver {
  @Requires(Scope.SEGMENTS_READ)
  @Query(() => [SegmentTemplate], { description: 'Ready-made filters, named in the locale (en, ru, pl, pt, vi).' })
  segmentTemplates(@Arg('locale', () => String, { nullable: true }) locale: string | null): SegmentTemplate[] {
    const lang = pickLocale(locale);
    return TEMPLATES.map((t) => ({ id: t.code, name: t.name[lang], description: t.description[lang], source: SegmentSource.CLIENTS, clientType: ClientType.ANY, filter: t.filter }));
  }

  @Requires(Scope.SEGMENTS_WRITE)
  @Mutation(() => SegmentPayload, { description: 'Creates a dynamic segment from a ready-made filter; edit it afterwards like any other.' })
  async createSegmentFromTemplate(
    @Arg('template', () => ID) code: string,
    @Arg('name', () => String, { nullable: true, description: 'Default: the template name in the locale.' }) name: string | null,
    @Arg('locale', () => String, { nullable: true }) locale: string | null,
    @Ctx() ctx: Context,
  ) {
    const template = TEMPLATES.find((t) => t.code === code);
    if (!template) return { node: null, errors: [UserError.of(['template'], UserErrorCode.NOT_FOUND, `There is no template "${code}".`)] };
    const { segment, errors } = await createSegment(
      ctx,
      {
        name: name?.trim() || template.name[pickLocale(locale)],
        description: template.description[pickLocale(locale)],
        tags: [],
        kind: SegmentKind.DYNAMIC,
        source: SegmentSource.CLIENTS,
        clientType: ClientType.ANY,
        filter: structuredClone(template.filter),
        timeZone: null,
      },
      template.filter,
    );
    return { node: segment, errors };
  }
}
