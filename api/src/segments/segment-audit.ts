import { recordAudit, segmentSubject } from '../audit/record-audit';
import { AuditAction } from '../audit/audit.enums';
import type { AuditDetails } from '../audit/audit-event.entity';
import type { Context } from '../request/context';
import type { SegmentDraft } from './segment.service';

/** The parts of a definition an audit event names when they change (in this order). */
const PARTS = ['name', 'description', 'tags', 'source', 'clientType', 'filter', 'timeZone'] as const;

/** JSON with object keys sorted, so two equal trees compare equal whatever order their keys came in. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v));
}

/** Which parts of a segment's definition differ between two drafts ("name", "filter", …). */
export function changedParts(before: SegmentDraft, after: SegmentDraft): string[] {
  return PARTS.filter((part) => stableJson(before[part] ?? null) !== stableJson(after[part] ?? null));
}

/** The details of a saved version: its number, what changed, the old name after a rename. */
export function versionDetails(before: SegmentDraft, after: SegmentDraft, version: number): AuditDetails {
  const changed = changedParts(before, after);
  return { version, changed, ...(changed.includes('name') ? { previousName: before.name } : {}) };
}

/** Records a segment event as the request's actor, in the caller's transaction. */
export function recordSegmentEvent(ctx: Context, action: AuditAction, segment: { key: number; name: string }, details: AuditDetails): Promise<number> {
  return recordAudit(ctx, { action, subject: segmentSubject(segment), details });
}
