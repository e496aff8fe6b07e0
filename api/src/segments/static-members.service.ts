import type { Context } from '../common/context';
import { inTransaction } from '../common/crud.service';
import { UserError, UserErrorCode as Code } from '../common/user-error';
import type { Channel } from '../communications/communication.enums';
import { normalizeAddress } from '../communications/normalize';
import { SegmentKind } from './segment.enums';
import { Segment } from './segment.entity';
import { parseImport, type ImportedLine, type RejectedLine } from './static-import';

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
const LISTED_INVALID = 1000;
/** Rows per INSERT: 5 values each (10,000 parameters), under either engine's bind-parameter limit (SQLite 32,766, PostgreSQL 65,535). */
const CHUNK = 2000;

export function staticOnly(segment: Segment, path: string[]): UserError[] {
  return segment.kind === SegmentKind.STATIC ? [] : [UserError.of(path, Code.INVALID, 'Only a static segment holds a list of addresses; a dynamic one is defined by its filter.')];
}

/**
 * Stores addresses in a static segment: every row new to it is inserted, those it already has
 * are counted and left as they are. One transaction: the import lands whole or not at all.
 */
async function storeLines(ctx: Context, segment: Segment, lines: ImportedLine[]): Promise<number> {
  const now = new Date();
  let inserted = 0;
  await inTransaction(ctx.em, async () => {
    const connection = ctx.em.getConnection();
    for (let start = 0; start < lines.length; start += CHUNK) {
      const chunk = lines.slice(start, start + CHUNK);
      const rows = (await connection.execute(
        `INSERT INTO segment_member (segment_id, channel, address, name, created_at) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?)').join(', ')} ON CONFLICT (segment_id, channel, address) DO NOTHING RETURNING id`,
        chunk.flatMap((l) => [segment.key, l.channel, l.address, l.name, ctx.db.kind === 'sqlite' ? now.getTime() : now]),
        'all',
        ctx.em.getTransactionContext(),
      )) as unknown[];
      inserted += rows.length;
    }
    await ctx.em.nativeUpdate(Segment, { key: segment.key }, { updatedAt: now, updatedBy: ctx.actor.userKey } as never);
  });
  return inserted;
}

/** Pasted text or a CSV file into a static segment, with the report the marketer sees. */
export async function importText(ctx: Context, segment: Segment, text: string): Promise<ImportOutcome> {
  const empty = { lines: 0, imported: 0, duplicatesInInput: 0, alreadyPresent: 0, invalidCount: 0, invalid: [] };
  const errors = staticOnly(segment, ['id']);
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > ctx.config.maxImportBytes) {
    errors.push(UserError.of(['text'], Code.TOO_MANY, `The text is ${(bytes / 1048576).toFixed(1)} MB; an import takes at most ${(ctx.config.maxImportBytes / 1048576).toFixed(1)} MB. Split it into parts.`));
  }
  if (errors.length) return { errors, ...empty };
  const parsed = parseImport(text, ctx.config.defaultPhoneRegion);
  const imported = await storeLines(ctx, segment, parsed.valid);
  return {
    errors: [],
    lines: parsed.valid.length + parsed.invalid.length + parsed.duplicates,
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
  if (errors.length) return { errors, lines: 0, imported: 0, duplicatesInInput: 0, alreadyPresent: 0, invalidCount: 0, invalid: [] };
  const valid: ImportedLine[] = [];
  const invalid: RejectedLine[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  items.forEach((item, i) => {
    const normalized = normalizeAddress(item.channel, item.address, ctx.config.defaultPhoneRegion);
    if (!normalized.ok) return invalid.push({ line: i + 1, text: item.address.slice(0, 200), reason: normalized.reason });
    const key = `${item.channel}:${normalized.value}`;
    if (seen.has(key)) return duplicates++;
    seen.add(key);
    valid.push({ line: i + 1, channel: item.channel, address: normalized.value, name: item.name?.trim().slice(0, 300) || null });
  });
  const imported = await storeLines(ctx, segment, valid);
  return { errors: [], lines: items.length, imported, duplicatesInInput: duplicates, alreadyPresent: valid.length - imported, invalidCount: invalid.length, invalid };
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
    await ctx.em.nativeUpdate(Segment, { key: segment.key }, { updatedAt: new Date(), updatedBy: ctx.actor.userKey } as never);
  });
  return { removed, errors: [] };
}
