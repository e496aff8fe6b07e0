import type { Context } from '../request/context';
import { today } from '../filter/language/dates';
import type { UserError } from '../common/user-error';
import { audienceOf, FigureSource, type Audience } from './audience';
import { SegmentKind } from './definition/segment.enums';
import type { Segment } from './definition/segment.entity';
import { membersOf } from './filtering/members-of';
import { membershipPredicate, MembershipState, readStates, type StateRow } from './membership/store';

/**
 * A saved segment's audience: a dynamic segment's maintained membership when it is LIVE for the
 * current definition and the zone asked is the segment's own (the rows were evaluated there), else
 * the definition compiled now (`live: true` always compiles, to verify the membership; `exact:
 * true` compiles when changes are still queued for the membership).
 */
export async function savedAudience(
  ctx: Context,
  segment: Segment,
  options: { timeZone?: string | null; live?: boolean | null; exact?: boolean } = {},
): Promise<{ audience: Audience | null; problems: UserError[] }> {
  const ownZone = !options.timeZone || options.timeZone === (segment.timeZone || ctx.config.defaultTimeZone);
  if (segment.kind === SegmentKind.DYNAMIC && ownZone && !options.live) {
    const maintained = await maintainedAudience(ctx, segment);
    // `exact`: only a membership with nothing pending will do (freezing a campaign's audience).
    if (maintained && (!options.exact || maintained.freshness?.exact)) return { audience: maintained, problems: [] };
  }
  return audienceOf(ctx, { ...segment, key: segment.key }, { timeZone: options.timeZone || null, origin: 'saved' });
}

/**
 * A saved dynamic segment's audience read from its maintained membership, when that is LIVE and
 * of the segment's current definition (and of the segments its rules name); null otherwise, and
 * the caller evaluates the definition instead. Figures say how fresh they are: exact when no
 * queued change concerns the segment and no day boundary is pending in its zone.
 */
export async function maintainedAudience(ctx: Context, segment: Segment, now = new Date()): Promise<Audience | null> {
  const connection = ctx.em.getConnection();
  const read = (sql: string, params: unknown[]) => connection.execute<Array<Record<string, unknown>>>(sql, params);
  const state = (await readStates(read, [segment.key])).get(segment.key);
  if (state?.state !== MembershipState.LIVE || !(await isCurrent(read, state))) return null;
  const members = membersOf(segment.source, segment.clientType);
  const zone = segment.timeZone || ctx.config.defaultTimeZone;
  const dayPending = state.daySensitive && state.day !== today(now, zone);
  const exact = !dayPending && !(await changesQueued(read, state, members));
  return {
    staticKey: null,
    maintainedKey: segment.key,
    members: members.map((type) => ({ type, predicate: membershipPredicate(segment.key, type) })),
    freshness: { source: FigureSource.MEMBERSHIP, exact, asOf: exact ? now : (state.asOf ?? state.builtAt ?? now) },
  };
}

type Read = (sql: string, params: unknown[]) => Promise<Array<Record<string, unknown>>>;

/** The rows are of the definitions saved now: every `key:version` of the fingerprint still holds. */
async function isCurrent(read: Read, state: StateRow): Promise<boolean> {
  const entries = (state.fingerprint ?? '').split(',').map((entry) => entry.split(':').map(Number) as [number, number]);
  if (!entries.length || entries.some(([key, version]) => !Number.isInteger(key) || !Number.isInteger(version))) return false;
  const rows = await read(
    `SELECT id, version FROM segment WHERE id IN (${entries.map(() => '?').join(', ')})`,
    entries.map(([key]) => key),
  );
  const versions = new Map(rows.map((r) => [Number(r.id), Number(r.version)]));
  return entries.every(([key, version]) => versions.get(key) === version);
}

/** Whether the queue holds a change this segment's rows may not reflect yet. */
async function changesQueued(read: Read, state: StateRow, members: readonly string[]): Promise<boolean> {
  const tables = [...new Set(members.flatMap((m) => state.reads[m] ?? []))];
  if (!tables.length) return false;
  const rows = await read(`SELECT 1 AS queued FROM membership_change WHERE member_type IN (${members.map(() => '?').join(', ')}) AND table_name IN (${tables.map(() => '?').join(', ')}) LIMIT 1`, [
    ...members,
    ...tables,
  ]);
  return rows.length > 0;
}
