import type { Channel, ClientType, SegmentKind, SegmentListSizesQuery, SegmentSource } from '@/graphql/gql/graphql';
import type { UserErrorLike } from '@/layout/useUserErrorText';
import type { ReportedCount } from '@/lib/format';

/** The sizes shown per row, in display order (labels: segments.sizes.*.<key>). */
export const SIZE_KEYS = ['MEMBERS', 'EMAIL', 'PHONE', 'IM'] as const satisfies ReadonlyArray<'MEMBERS' | Channel>;
export type SizeKey = (typeof SIZE_KEYS)[number];

export interface SegmentSizes {
  /** Exact, or withheld as "fewer than k" (see ReportedCount); null where nothing was counted. */
  values: Record<SizeKey, ReportedCount | null>;
  /** When the counts were computed: the oldest of them (null when nothing was counted). */
  computedAt: string | null;
}

const reported = (count: ReportedCount): ReportedCount => ({ value: count.value ?? null, fewerThan: count.fewerThan ?? null });

/** A row's sizes from its SegmentListSizes answer; a channel the API did not count (or a count refused) is null. */
export function segmentSizes(segment: NonNullable<SegmentListSizesQuery['segment']>): SegmentSizes {
  const values: Record<SizeKey, ReportedCount | null> = { MEMBERS: segment.memberCount ? reported(segment.memberCount) : null, EMAIL: null, PHONE: null, IM: null };
  const times = segment.memberCount ? [segment.memberCount.computedAt] : [];
  for (const count of segment.recipientCounts ?? []) {
    if (count.channel in values) {
      values[count.channel as SizeKey] = reported(count);
      times.push(count.computedAt);
    }
  }
  const oldest = times
    .map((time) => ({ time, ms: Date.parse(time) }))
    .filter(({ ms }) => Number.isFinite(ms))
    .sort((a, b) => a.ms - b.ms)[0];
  return { values, computedAt: oldest?.time ?? null };
}

/** The key of a row's source text (segments.source.*): which records a segment is made of. */
export type SourceKey = 'ANY' | 'CONTACT' | 'COMPANY' | 'LEADS' | 'STATIC';

export function sourceKey(segment: { kind: SegmentKind; source: SegmentSource; clientType: ClientType }): SourceKey {
  // A static segment holds addresses of any record; its stored source decides nothing.
  if (segment.kind === 'STATIC') return 'STATIC';
  if (segment.source === 'LEADS') return 'LEADS';
  return segment.clientType === 'CONTACT' || segment.clientType === 'COMPANY' ? segment.clientType : 'ANY';
}

/** Below this age a count reads "counted just now" rather than "0 seconds ago" (or "in 2 seconds" when clocks differ). */
export const JUST_NOW_MS = 45_000;

/**
 * The moment to describe relative to `now` ("counted 5 minutes ago"), or null for "just now". A time
 * ahead of the browser's clock (the server's clock is ahead) counts as now.
 */
export function countedBasis(computedAt: string, now: Date): Date | null {
  const at = new Date(computedAt);
  if (!Number.isFinite(at.getTime())) return null;
  return now.getTime() - at.getTime() < JUST_NOW_MS ? null : at;
}

/**
 * Payload errors by the input they belong to: `["input", "name"]` goes under "name", anything that
 * names no input under "" (shown above the form's buttons).
 */
export function errorsByInput<E extends UserErrorLike>(errors: readonly E[], inputs: readonly string[]): Record<string, E[]> {
  const result: Record<string, E[]> = {};
  for (const error of errors) {
    const path = error.path[0] === 'input' ? error.path.slice(1) : error.path;
    const key = path[0] !== undefined && inputs.includes(path[0]) ? path[0] : '';
    (result[key] ??= []).push(error);
  }
  return result;
}

/** The path of a segment's page. Ids are opaque and may hold '/', '+' or '='. */
export function segmentHref(id: string): string {
  return `/segments/${encodeURIComponent(id)}`;
}
