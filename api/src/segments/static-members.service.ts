import { AuditAction } from '../audit/audit.enums';
import { recordAudit, segmentSubject } from '../audit/record-audit';
import { actingUserKey, type Context } from '../request/context';
import { inTransaction } from '../records/crud.service';
import { insertNew } from '../records/insert-new';
import { UserError, UserErrorCode as Code } from '../common/user-error';
import type { Channel } from '../communications/communication.enums';
import { normalizeAddress } from '../communications/normalize';
import { SegmentKind } from './definition/segment.enums';
import { Segment } from './definition/segment.entity';
import { LineCollector, parseImport, type ImportedLine, type ParsedImport, type RejectedLine } from './static-import';

export interface ImportOutcome {
  errors: UserError[];
  lines: number;
  imported: number;
  duplicatesInInput: number;
  alreadyPresent: number;
  invalidCount: number;
  invalid: RejectedLine[];
}

/** How many rejected lines a report lists (all are counted). */
export const LISTED_INVALID = 1000;
/** Addresses per DELETE … IN (…). */
const CHUNK = 2000;
/**
 * Rows per INSERT of an import: what insertNew fits in one statement for segment_member's five
 * columns, so each call below is one statement and progress moves once per statement.
 */
export const ROWS_PER_INSERT = 2000;

/** Told after each stored chunk how many valid lines it held; may wait (to let other work run). */
export type OnStored = (lines: number) => void | Promise<void>;

/** The report of an import that stopped before reading any line. */
export const emptyReport = (errors: UserError[]): ImportOutcome => ({ errors, lines: 0, imported: 0, duplicatesInInput: 0, alreadyPresent: 0, invalidCount: 0, invalid: [] });

/** An import text over MAX_IMPORT_BYTES, as a typed error (stop-list imports share the limit). */
export function tooLarge(ctx: Context, text: string): UserError[] {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes <= ctx.config.maxImportBytes) return [];
  return [
    UserError.of(['text'], Code.TOO_MANY, `The text is ${(bytes / 1048576).toFixed(1)} MB; an import takes at most ${(ctx.config.maxImportBytes / 1048576).toFixed(1)} MB. Split it into parts.`),
  ];
}

export function staticOnly(segment: Segment, path: string[]): UserError[] {
  return segment.kind === SegmentKind.STATIC ? [] : [UserError.of(path, Code.INVALID, 'Only a static segment holds a list of addresses; a dynamic one is defined by its filter.')];
}

/** How stored addresses are recorded in the audit log: an import (foreground or background) or an add. */
export type StoreAction = AuditAction.STATIC_SEGMENT_IMPORTED | AuditAction.STATIC_MEMBERS_ADDED;

/**
 * Stores addresses in a static segment: every row new to it is inserted, those it already has
 * are counted and left as they are. One transaction: the import lands whole or not at all, and
 * `also` (the audit event, told how many rows were new) lands with it.
 */
async function storeLines(ctx: Context, segment: Segment, lines: ImportedLine[], also: (inserted: number) => Promise<unknown>, onStored?: OnStored): Promise<number> {
  const now = new Date();
  let inserted = 0;
  await inTransaction(ctx.em, async () => {
    for (let start = 0; start < lines.length; start += ROWS_PER_INSERT) {
      const chunk = lines.slice(start, start + ROWS_PER_INSERT);
      inserted += await insertNew(
        ctx,
        'segment_member',
        ['segment_id', 'channel', 'address', 'name', 'created_at'],
        ['segment_id', 'channel', 'address'],
        chunk.map((l) => [segment.key, l.channel, l.address, l.name, now]),
      );
      await onStored?.(chunk.length);
    }
    await ctx.em.nativeUpdate(Segment, { key: segment.key }, { updatedAt: now, updatedBy: actingUserKey(ctx) });
    await also(inserted);
  });
  return inserted;
}

/** Why a text cannot be imported into a segment at all (not static, too large); empty when it can. */
export function importProblems(ctx: Context, segment: Segment, text: string): UserError[] {
  return [...staticOnly(segment, ['id']), ...tooLarge(ctx, text)];
}

/** Pasted text or a CSV file into a static segment, with the report the marketer sees. */
export async function importText(ctx: Context, segment: Segment, text: string): Promise<ImportOutcome> {
  const errors = importProblems(ctx, segment, text);
  if (errors.length) return emptyReport(errors);
  return store(ctx, segment, parseImport(text, ctx.config.defaultPhoneRegion));
}

/** Lines an import reads: valid, rejected and repeated ones (blank lines and a header excluded). */
export const linesOf = (parsed: ParsedImport): number => parsed.valid.length + parsed.invalid.length + parsed.duplicates;

/** Stores the valid lines and reports on all of them; the audit event carries the report's counts. */
export async function store(ctx: Context, segment: Segment, parsed: ParsedImport, onStored?: OnStored, action: StoreAction = AuditAction.STATIC_SEGMENT_IMPORTED): Promise<ImportOutcome> {
  const imported = await storeLines(
    ctx,
    segment,
    parsed.valid,
    (inserted) =>
      recordAudit(ctx, {
        action,
        subject: segmentSubject(segment),
        details: { lines: linesOf(parsed), imported: inserted, alreadyPresent: parsed.valid.length - inserted, duplicatesInInput: parsed.duplicates, invalid: parsed.invalid.length },
      }),
    onStored,
  );
  return {
    errors: [],
    lines: linesOf(parsed),
    imported,
    duplicatesInInput: parsed.duplicates,
    alreadyPresent: parsed.valid.length - imported,
    invalidCount: parsed.invalid.length,
    invalid: parsed.invalid.slice(0, LISTED_INVALID),
  };
}

/** Adds individual addresses (channel given), reporting bad ones by position. */
export async function addAddresses(ctx: Context, segment: Segment, items: Array<{ channel: Channel; address: string; name?: string | null }>): Promise<ImportOutcome> {
  const errors = staticOnly(segment, ['id']);
  if (items.length > ctx.config.maxBulkRows) errors.push(UserError.of(['members'], Code.TOO_MANY, `At most ${ctx.config.maxBulkRows} addresses per call.`));
  if (errors.length) return emptyReport(errors);
  const lines = new LineCollector();
  items.forEach((item, i) => lines.add(i + 1, item.address, item.channel, normalizeAddress(item.channel, item.address, ctx.config.defaultPhoneRegion), item.name));
  return store(ctx, segment, lines.result(), undefined, AuditAction.STATIC_MEMBERS_ADDED);
}

/** Removes addresses (normalised the same way) from a static segment; returns how many went. */
export async function removeAddresses(ctx: Context, segment: Segment, items: Array<{ channel: Channel; address: string }>): Promise<{ removed: number; errors: UserError[] }> {
  const errors = staticOnly(segment, ['id']);
  if (errors.length) return { removed: 0, errors };
  const byChannel = new Map<Channel, string[]>();
  items.forEach((item, i) => {
    const normalized = normalizeAddress(item.channel, item.address, ctx.config.defaultPhoneRegion);
    if (!normalized.ok) errors.push(UserError.of(['members', i, 'address'], Code.INVALID, normalized.reason));
    else byChannel.set(item.channel, [...(byChannel.get(item.channel) ?? []), normalized.value]);
  });
  if (errors.length) return { removed: 0, errors };
  let removed = 0;
  await inTransaction(ctx.em, async () => {
    for (const [channel, addresses] of byChannel) {
      for (let start = 0; start < addresses.length; start += CHUNK) {
        const slice = addresses.slice(start, start + CHUNK);
        removed += await ctx.em.nativeDelete('SegmentMember', { segment: segment.key, channel, address: { $in: slice } });
      }
    }
    await ctx.em.nativeUpdate(Segment, { key: segment.key }, { updatedAt: new Date(), updatedBy: actingUserKey(ctx) });
    await recordAudit(ctx, { action: AuditAction.STATIC_MEMBERS_REMOVED, subject: segmentSubject(segment), details: { asked: items.length, removed } });
  });
  return { removed, errors: [] };
}
