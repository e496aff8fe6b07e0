import { AuditAction } from '../audit/audit.enums';
import type { AuditDetails } from '../audit/audit-event.entity';
import { actingUserKey, type Context } from '../request/context';
import { inTransaction } from '../records/crud.service';
import { fold } from '../filter/language/fold';
import { keyOf } from '../common/global-id';
import { UserError, UserErrorCode as Code } from '../common/user-error';
import { isValidZone } from '../filter/language/dates';
import { ClientType, SegmentSource } from '../common/crm-enums';
import type { FilterGroup } from '../filter/language/tree';
import { filterHash } from '../privacy/evaluation-budget';
import { audienceOf } from './audience';
import { segmentCycles } from './cycles';
import { referencingProblems } from './reference-impact';
import { recordSegmentEvent, versionDetails } from './segment-audit';
import { MEMBERSHIP_FIELD } from './definition/segment.fields';
import { names, segmentsInTheWay } from './usage';
import { SegmentKind } from './definition/segment.enums';
import { Segment } from './definition/segment.entity';
import { SegmentMember } from './segment-member.entity';
import { SegmentTag } from './segment-tag.entity';
import { SegmentVersion } from './segment-version.entity';

/** Everything a version stores: the definition and its description. */
export interface SegmentDraft {
  name: string;
  description: string | null;
  tags: string[];
  kind: SegmentKind;
  source: SegmentSource;
  clientType: ClientType;
  filter: FilterGroup | null;
  timeZone: string | null;
}

export interface SaveResult {
  segment: Segment | null;
  errors: UserError[];
}

const MAX_TAGS = 20;

/** Trimmed, non-empty, case-insensitively distinct tags in the order given. */
export function cleanTags(tags: string[] | null | undefined): string[] {
  const seen = new Set<string>();
  return (tags ?? []).map((t) => t.trim()).filter((t) => t && !seen.has(fold(t)) && seen.add(fold(t)));
}

/**
 * A filter the caller did not compose: the segment's own (an update that leaves it as it is), a
 * version being restored, the segment being copied, a built-in template. The personal-field guard
 * and the evaluation budget are for filters composed in the request (see FilterRequest.origin).
 */
export type KeptFilter = FilterGroup | null | undefined;

// Compared canonically: PostgreSQL's jsonb gives a stored tree back with its keys reordered.
const sameTree = (a: FilterGroup | null, b: KeptFilter) => Boolean(a && b) && filterHash(a) === filterHash(b);

/** Checks a draft the way it will be stored: names, tags, zone, and for dynamic segments the filter. */
async function problemsOf(ctx: Context, draft: SegmentDraft, selfKey: number | null, kept: KeptFilter): Promise<UserError[]> {
  const problems: UserError[] = [];
  if (!draft.name.trim()) problems.push(UserError.of(['input', 'name'], Code.REQUIRED, 'A segment needs a name.'));
  if (draft.name.length > 200) problems.push(UserError.of(['input', 'name'], Code.INVALID, 'A name has at most 200 characters.'));
  if (draft.tags.length > MAX_TAGS) problems.push(UserError.of(['input', 'tags'], Code.TOO_MANY, `A segment has at most ${MAX_TAGS} tags.`));
  draft.tags.forEach((tag, i) => tag.length > 100 && problems.push(UserError.of(['input', 'tags', i], Code.INVALID, 'A tag has at most 100 characters.')));
  if (draft.timeZone && !isValidZone(draft.timeZone)) problems.push(UserError.of(['input', 'timeZone'], Code.INVALID, `"${draft.timeZone}" is not a time zone (e.g. Europe/Warsaw).`));
  if (draft.kind === SegmentKind.STATIC) {
    if (draft.filter) problems.push(UserError.of(['input', 'filter'], Code.INVALID, 'A static segment holds addresses, not a filter.'));
    return problems;
  }
  if (!draft.filter) {
    problems.push(UserError.of(['input', 'filter'], Code.REQUIRED, 'A dynamic segment needs a filter.'));
    return problems;
  }
  const cycles = selfKey === null ? [] : await segmentCycles(ctx.em, selfKey, draft.filter, ['input', 'filter']);
  if (cycles.length) return [...problems, ...cycles];
  const origin = sameTree(draft.filter, kept) ? 'saved' : 'caller';
  const { problems: filterProblems } = await audienceOf(ctx, { ...draft, timeZone: draft.timeZone }, { origin });
  // The zone was checked above (static segments have one too).
  const inFilter = filterProblems.filter((p) => p.path[0] !== 'timeZone');
  const own = [...problems, ...inFilter.map((p) => UserError.of(['input', ...p.path], p.code, p.message))];
  if (own.length || selfKey === null) return own;
  // Segments naming this one read its new definition from now on: they must stay within the limits.
  return referencingProblems(ctx, { key: selfKey, ...draft });
}

function versionRow(ctx: Context, segmentKey: number, version: number, draft: SegmentDraft, at: Date) {
  return {
    segment: segmentKey,
    version,
    name: draft.name,
    description: draft.description,
    kind: draft.kind,
    source: draft.source,
    clientType: draft.clientType,
    filter: draft.filter,
    timeZone: draft.timeZone,
    tags: draft.tags,
    createdBy: actingUserKey(ctx),
    createdAt: at,
  };
}

async function writeTags(ctx: Context, segmentKey: number, tags: string[]): Promise<void> {
  await ctx.em.nativeDelete(SegmentTag, { segment: segmentKey });
  if (tags.length)
    await ctx.em.insertMany(
      SegmentTag,
      tags.map((tag) => ({ segment: segmentKey, tag, tagFolded: fold(tag) })),
    );
}

/** Inserts a segment at version 1; `also` writes what belongs with it (its audit event) in the same transaction. */
async function insertSegment(ctx: Context, draft: SegmentDraft, kept: KeptFilter, also: (created: { key: number; name: string }) => Promise<unknown>): Promise<SaveResult> {
  const errors = await problemsOf(ctx, draft, null, kept);
  if (errors.length) return { segment: null, errors };
  const now = new Date();
  const key = await inTransaction(ctx.em, async () => {
    const inserted = await ctx.em.insert(Segment, {
      name: draft.name.trim(),
      nameFolded: fold(draft.name.trim()),
      description: draft.description,
      kind: draft.kind,
      source: draft.source,
      clientType: draft.clientType,
      filter: draft.filter,
      timeZone: draft.timeZone,
      version: 1,
      createdAt: now,
      updatedAt: now,
      createdBy: actingUserKey(ctx),
      updatedBy: actingUserKey(ctx),
    });
    const segmentKey = Number(inserted);
    await ctx.em.insert(SegmentVersion, versionRow(ctx, segmentKey, 1, { ...draft, name: draft.name.trim() }, now));
    await writeTags(ctx, segmentKey, draft.tags);
    await also({ key: segmentKey, name: draft.name.trim() });
    return segmentKey;
  });
  return { segment: await ctx.em.findOneOrFail(Segment, { key }, { refresh: true }), errors: [] };
}

/** `kept`: a filter the caller did not compose (a template's), if the draft starts from one. */
export function createSegment(ctx: Context, draft: SegmentDraft, kept: KeptFilter = null): Promise<SaveResult> {
  return insertSegment(ctx, draft, kept, (created) => recordSegmentEvent(ctx, AuditAction.SEGMENT_CREATED, created, { kind: draft.kind }));
}

export async function findSegment(ctx: Context, id: string, path: string[] = ['id']): Promise<{ segment: Segment | null; errors: UserError[] }> {
  const key = keyOf(id, 'Segment');
  const segment = key === null ? null : await ctx.em.findOne(Segment, { key });
  return segment ? { segment, errors: [] } : { segment: null, errors: [UserError.of(path, Code.NOT_FOUND, `No segment has the id "${id}".`)] };
}

/** Tags of segments, batched per request. */
function tagLoader(ctx: Context) {
  return ctx.loaders.get<number, string[]>('segment-tags', async (keys) => {
    const rows = await ctx.em.find(SegmentTag, { segment: { $in: [...keys] } }, { orderBy: { id: 'asc' } });
    return keys.map((k) => rows.filter((r) => r.segment.key === k).map((r) => r.tag));
  });
}

export function tagsOf(ctx: Context, segmentKey: number): Promise<string[]> {
  return tagLoader(ctx).load(segmentKey);
}

export async function draftOf(ctx: Context, segment: Segment): Promise<SegmentDraft> {
  return {
    name: segment.name,
    description: segment.description ?? null,
    tags: await tagsOf(ctx, segment.key),
    kind: segment.kind,
    source: segment.source,
    clientType: segment.clientType,
    filter: segment.filter ?? null,
    timeZone: segment.timeZone ?? null,
  };
}

const conflict = (segment: Segment) =>
  UserError.of(['input', 'version'], Code.VERSION_CONFLICT, `Someone saved this segment since you opened it (it is now at version ${segment.version}); reload it and apply your change again.`);

/** How a saved version is recorded: an update or a restore, with facts of its own. */
export interface SaveAudit {
  action: AuditAction.SEGMENT_UPDATED | AuditAction.SEGMENT_VERSION_RESTORED;
  details?: AuditDetails;
}

/**
 * Saves a new definition as version `expectedVersion + 1`, only if the stored version is still
 * `expectedVersion`: the conditional UPDATE makes two concurrent saves of one version end with
 * one saved and one VERSION_CONFLICT, never a lost edit. The audit event (which parts changed)
 * is written in the same transaction.
 */
export async function saveSegment(
  ctx: Context,
  segment: Segment,
  expectedVersion: number,
  draft: SegmentDraft,
  audit: SaveAudit = { action: AuditAction.SEGMENT_UPDATED },
  kept: KeptFilter = segment.filter,
): Promise<SaveResult> {
  if (segment.version !== expectedVersion) return { segment: null, errors: [conflict(segment)] };
  const errors = await problemsOf(ctx, draft, segment.key, kept);
  if (errors.length) return { segment: null, errors };
  const before = await draftOf(ctx, segment);
  const now = new Date();
  const name = draft.name.trim();
  const saved = await inTransaction(ctx.em, async () => {
    const changed = await ctx.em.nativeUpdate(
      Segment,
      { key: segment.key, version: expectedVersion },
      {
        name,
        nameFolded: fold(name),
        description: draft.description,
        source: draft.source,
        clientType: draft.clientType,
        filter: draft.filter,
        timeZone: draft.timeZone,
        version: expectedVersion + 1,
        updatedAt: now,
        updatedBy: actingUserKey(ctx),
      },
    );
    if (changed !== 1) return false;
    await ctx.em.insert(SegmentVersion, versionRow(ctx, segment.key, expectedVersion + 1, { ...draft, name }, now));
    await writeTags(ctx, segment.key, draft.tags);
    await recordSegmentEvent(ctx, audit.action, { key: segment.key, name }, { ...versionDetails(before, { ...draft, name }, expectedVersion + 1), ...audit.details });
    return true;
  });
  const fresh = await ctx.em.findOne(Segment, { key: segment.key }, { refresh: true });
  if (!saved || !fresh) return { segment: null, errors: fresh ? [conflict(fresh)] : [UserError.of(['input', 'id'], Code.NOT_FOUND, 'The segment was deleted meanwhile.')] };
  tagLoader(ctx).clear(segment.key).prime(segment.key, draft.tags);
  return { segment: fresh, errors: [] };
}

export async function deleteSegment(ctx: Context, segment: Segment): Promise<UserError[]> {
  const inUse = await segmentsInTheWay(ctx, (rule) => rule.field === MEMBERSHIP_FIELD && names(rule, [segment.id]), 'this segment in a membership rule');
  if (inUse.length) return inUse;
  await inTransaction(ctx.em, async () => {
    // Children first: SQLite does not cascade unless foreign keys are enforced on the connection.
    for (const child of [SegmentTag, SegmentVersion, SegmentMember]) await ctx.em.nativeDelete(child as typeof SegmentTag, { segment: segment.key });
    await ctx.em.nativeDelete(Segment, { key: segment.key });
    await recordSegmentEvent(ctx, AuditAction.SEGMENT_DELETED, segment, { kind: segment.kind, version: segment.version });
  });
  return [];
}

/**
 * A copy named "<name> (copy)" at version 1; a static segment's addresses are copied in one
 * statement, in the same transaction as the copy and its audit event.
 */
export async function duplicateSegment(ctx: Context, segment: Segment, name: string | null | undefined): Promise<SaveResult> {
  const draft = { ...(await draftOf(ctx, segment)), name: name?.trim() || `${segment.name} (copy)`.slice(0, 200) };
  return insertSegment(ctx, draft, segment.filter, async (copy) => {
    const details: AuditDetails = { kind: segment.kind, fromId: segment.id, fromName: segment.name };
    if (segment.kind === SegmentKind.STATIC) {
      const copied = await ctx.em
        .getConnection()
        .execute<{ affectedRows?: number }>(
          'INSERT INTO segment_member (segment_id, channel, address, name, created_at) SELECT ?, channel, address, name, created_at FROM segment_member WHERE segment_id = ? ORDER BY id',
          [copy.key, segment.key],
          'run',
          ctx.em.getTransactionContext(),
        );
      details.members = Number(copied.affectedRows ?? 0);
    }
    await recordSegmentEvent(ctx, AuditAction.SEGMENT_DUPLICATED, copy, details);
  });
}
