import { Requires } from '../request/guards';
import { Scope } from '../auth/actor';
import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, registerEnumType, Resolver, Root } from 'type-graphql';
import { AuditAction } from '../audit/audit.enums';
import type { Context } from '../request/context';
import { connectionType, findPage, orderInput, toConnection, type SortSpec, heavyRead } from '../common/connection';
import { fold } from '../filter/language/fold';
import { OrderDirection, PageArgs } from '../common/paging';
import { DeletePayload, payloadType } from '../common/payloads';
import { UserError, UserErrorCode } from '../common/user-error';
import { toFilterTree } from '../filter/language/tree';
import { CreateSegmentInput, UpdateSegmentInput } from './segment.inputs';
import { SegmentKind } from './definition/segment.enums';
import { Segment } from './definition/segment.entity';
import { SegmentTag } from './segment-tag.entity';
import { SegmentVersion } from './segment-version.entity';
import { cleanTags, createSegment, deleteSegment, draftOf, duplicateSegment, findSegment, saveSegment, type SegmentDraft } from './segment.service';
import { containsPattern } from '../common/like';

export enum SegmentOrderField {
  NAME = 'NAME',
  UPDATED_AT = 'UPDATED_AT',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(SegmentOrderField, { name: 'SegmentOrderField' });
const SegmentOrder = orderInput(SegmentOrderField, 'SegmentOrderField');
const SORT: Record<SegmentOrderField, Omit<SortSpec, 'direction'>> = {
  NAME: { property: 'nameFolded' },
  UPDATED_AT: { property: 'updatedAt', isDate: true },
  CREATED_AT: { property: 'createdAt', isDate: true },
};

const SegmentConnection = connectionType(Segment, 'Segment');
export const SegmentPayload = payloadType(Segment, 'Segment', 'segment');

@InputType({ description: 'Narrows the segments list; all given conditions hold.' })
class SegmentListFilter {
  @Field(() => String, { nullable: true, description: 'Part of the name, case-insensitive.' }) search?: string | null;
  @Field(() => SegmentKind, { nullable: true }) kind?: SegmentKind | null;
  @Field(() => String, { nullable: true, description: 'Segments carrying this tag (case-insensitive).' }) tag?: string | null;
}

@ObjectType({ description: 'A tag and how many segments carry it.' })
class SegmentTagCount {
  @Field() tag!: string;
  @Field(() => Int) count!: number;
}

@Resolver(() => Segment)
export class SegmentResolver {
  @Requires(Scope.SEGMENTS_READ)
  @Query(() => Segment, { nullable: true })
  async segment(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Segment | null> {
    return (await findSegment(ctx, id)).segment;
  }

  @Requires(Scope.SEGMENTS_READ)
  @Query(() => SegmentConnection, { description: 'Saved segments, newest change first unless ordered otherwise.' })
  async segments(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('where', () => SegmentListFilter, { nullable: true }) where: SegmentListFilter | null,
    @Arg('orderBy', () => SegmentOrder, { nullable: true }) orderBy: InstanceType<typeof SegmentOrder> | null,
    @Ctx() ctx: Context,
  ) {
    const conditions: Array<Record<string, unknown>> = [];
    const search = fold(where?.search?.trim() ?? '');
    if (search) conditions.push({ nameFolded: { $like: containsPattern(search, ctx.db.kind) } });
    if (where?.kind) conditions.push({ kind: where.kind });
    if (where?.tag?.trim()) {
      const tagged = await ctx.em.find(SegmentTag, { tagFolded: fold(where.tag.trim()) }, { fields: ['segment'] });
      conditions.push({ key: { $in: tagged.map((t) => t.segment.key) } });
    }
    const sort: SortSpec = orderBy ? { ...SORT[orderBy.field], direction: orderBy.direction } : { ...SORT.UPDATED_AT, direction: OrderDirection.DESC };
    const result = await findPage(ctx.em, Segment, conditions.length ? { $and: conditions } : {}, sort, page, ctx.config.maxPageSize, { count: heavyRead(ctx) });
    return toConnection(SegmentConnection, result);
  }

  @Requires(Scope.SEGMENTS_READ)
  @Query(() => [SegmentTagCount], { description: 'Every tag in use, with how many segments carry it; for the tag filter.' })
  async segmentTags(@Ctx() ctx: Context): Promise<SegmentTagCount[]> {
    const rows = await ctx.em.getConnection().execute<Array<{ tag: string; n: number | string }>>('SELECT MIN(tag) AS tag, COUNT(*) AS n FROM segment_tag GROUP BY tag_folded ORDER BY tag_folded');
    return rows.map((r) => ({ tag: r.tag, count: Number(r.n) }));
  }

  @FieldResolver(() => [SegmentVersion], { description: 'Every saved definition, newest first; the first is the current one.' })
  versions(@Root() segment: Segment, @Ctx() ctx: Context): Promise<SegmentVersion[]> {
    return ctx.em.find(SegmentVersion, { segment: segment.key }, { orderBy: { version: 'desc' } });
  }

  @Requires(Scope.SEGMENTS_WRITE)
  @Mutation(() => SegmentPayload, { description: 'Creates a segment at version 1.' })
  async createSegment(@Arg('input', () => CreateSegmentInput) input: CreateSegmentInput, @Ctx() ctx: Context) {
    const draft: SegmentDraft = {
      name: input.name,
      description: input.description?.trim() || null,
      tags: cleanTags(input.tags),
      kind: input.kind,
      source: input.source,
      clientType: input.clientType,
      filter: input.filter ? toFilterTree(input.filter) : null,
      timeZone: input.timeZone?.trim() || null,
    };
    const { segment, errors } = await createSegment(ctx, draft);
    return { node: segment, errors };
  }

  @Requires(Scope.SEGMENTS_WRITE)
  @Mutation(() => SegmentPayload, { description: 'Saves a change as a new version. Send the version you read: if someone saved meanwhile, VERSION_CONFLICT and nothing changes.' })
  async updateSegment(@Arg('input', () => UpdateSegmentInput) input: UpdateSegmentInput, @Ctx() ctx: Context) {
    const found = await findSegment(ctx, input.id, ['input', 'id']);
    if (!found.segment) return { node: null, errors: found.errors };
    const current = await draftOf(ctx, found.segment);
    const draft: SegmentDraft = {
      ...current,
      name: input.name ?? current.name,
      description: input.description === undefined ? current.description : input.description?.trim() || null,
      tags: input.tags === undefined || input.tags === null ? current.tags : cleanTags(input.tags),
      source: input.source ?? current.source,
      clientType: input.clientType ?? current.clientType,
      filter: input.filter ? toFilterTree(input.filter) : current.filter,
      timeZone: input.timeZone === undefined ? current.timeZone : input.timeZone?.trim() || null,
    };
    const { segment, errors } = await saveSegment(ctx, found.segment, input.version, draft);
    return { node: segment, errors };
  }

  @Requires(Scope.SEGMENTS_WRITE)
  @Mutation(() => SegmentPayload, { description: 'Saves an earlier version as the newest one (history is never rewritten).' })
  async restoreSegmentVersion(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int, { description: 'The version to bring back.' }) version: number,
    @Arg('expectedVersion', () => Int, { description: 'The version the client last read (conflict detection).' }) expectedVersion: number,
    @Ctx() ctx: Context,
  ) {
    const found = await findSegment(ctx, id);
    if (!found.segment) return { node: null, errors: found.errors };
    const old = await ctx.em.findOne(SegmentVersion, { segment: found.segment.key, version });
    if (!old) return { node: null, errors: [UserError.of(['version'], UserErrorCode.NOT_FOUND, `This segment has no version ${version}.`)] };
    const draft: SegmentDraft = {
      name: old.name,
      description: old.description ?? null,
      tags: old.tags,
      kind: found.segment.kind,
      source: old.source,
      clientType: old.clientType,
      filter: old.filter ?? null,
      timeZone: old.timeZone ?? null,
    };
    // A version someone saved before is not composed by the caller: restoring it passes the personal-field guard.
    const { segment, errors } = await saveSegment(ctx, found.segment, expectedVersion, draft, { action: AuditAction.SEGMENT_VERSION_RESTORED, details: { restoredVersion: version } }, old.filter);
    return { node: segment, errors: errors.map((e) => (e.path[1] === 'version' ? UserError.of(['expectedVersion'], e.code, e.message) : e)) };
  }

  @Requires(Scope.SEGMENTS_WRITE)
  @Mutation(() => DeletePayload, { description: 'Deletes a segment with its history; IN_USE when other segments name it in a membership rule.' })
  async deleteSegment(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<DeletePayload> {
    const found = await findSegment(ctx, id);
    if (!found.segment) return { deletedId: null, errors: found.errors };
    const errors = await deleteSegment(ctx, found.segment);
    return { deletedId: errors.length ? null : id, errors };
  }

  @Requires(Scope.SEGMENTS_WRITE)
  @Mutation(() => SegmentPayload, { description: 'Copies a segment (definition, tags and, for static ones, addresses) as a new segment at version 1.' })
  async duplicateSegment(@Arg('id', () => ID) id: string, @Arg('name', () => String, { nullable: true, description: 'Default: "<name> (copy)".' }) name: string | null, @Ctx() ctx: Context) {
    const found = await findSegment(ctx, id);
    if (!found.segment) return { node: null, errors: found.errors };
    const { segment, errors } = await duplicateSegment(ctx, found.segment, name);
    return { node: segment, errors };
  }
}
