import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { Scope, type Actor } from '../auth/actor';
import { actorForSubject, credentialSubject } from '../auth/authenticate';
import { assertAllowed } from '../request/guards';
import { AuditAction } from '../audit/audit.enums';
import { completeAudit, recordAudit, segmentSubject } from '../audit/record-audit';
import { createContext } from '../request/context';
import { keyOf, toGlobalId } from '../common/global-id';
import { Channel } from '../communications/communication.enums';
import type { Config } from '../config/config';
import type { Database } from '../db/orm';
import { ExportPoolBusy } from '../db/export-pool';
import { LimitCode, sendLimitError } from '../errors/limit-error';
import { savedAudience } from './saved-audience';
import { csvCell, csvPhoneCell } from './csv-cells';
import type { ExportCapacity } from './export-capacity';
import { ClientStalled, writeWithin } from './write-within';
import { recipientName, recipientPageStatement, ownerOf, type RecipientRow } from './audience-sql';
import { Segment } from './definition/segment.entity';

const TYPE_NAME = { company: 'Company', contact: 'Contact', lead: 'Lead', deal: 'Deal' } as const;

function signature(secret: string, segmentKey: number, channel: Channel, expires: number, subject: string): string {
  return createHmac('sha256', secret).update(`${segmentKey}.${channel}.${expires}.${subject}`).digest('base64url');
}

/**
 * `/export/segments/<id>/<channel>.csv?expires=…&by=…&signature=…`: a plain link (no header
 * needed), valid for a few minutes, signed for the credential that asked (its session or token).
 * On download that credential is checked again as it stands then: a session signed out or
 * expired, a revoked token or a deactivated user gets nothing.
 */
export function exportPath(config: Config, segment: Segment, channel: Channel, actor: Actor, now = Date.now()): string {
  const expires = Math.floor(now / 1000) + config.exportLinkSeconds;
  const subject = credentialSubject(actor);
  const sig = signature(config.exportSecret, segment.key, channel, expires, subject);
  return `/export/segments/${segment.id}/${channel.toLowerCase()}.csv?expires=${expires}&by=${encodeURIComponent(subject)}&signature=${sig}`;
}

function verified(config: Config, segmentKey: number, channel: Channel, expires: number, subject: string, given: string): boolean {
  if (!Number.isSafeInteger(expires) || expires < Date.now() / 1000) return false;
  const expected = Buffer.from(signature(config.exportSecret, segmentKey, channel, expires, subject));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** One CSV line: cells neutralised against formulas (csv-cells.ts); a phone export keeps its E.164 addresses. */
export function csvLine(row: RecipientRow, channel: Channel): string {
  const owner = row.owner == null ? null : ownerOf(row.owner);
  const address = channel === Channel.PHONE ? csvPhoneCell(row.address) : csvCell(row.address);
  const rest = [channel, recipientName(row), owner ? TYPE_NAME[owner.type] : null, owner ? toGlobalId(TYPE_NAME[owner.type], owner.key) : null].map(csvCell);
  return [address, ...rest].join(',') + '\r\n';
}

/** A short, human hint of when to try again: a stalled holder is gone after the idle timeout. */
const retryAfterSeconds = (config: Config) => Math.max(1, Math.ceil(config.exportLimits.idleTimeoutMs / 1000));

/**
 * Streams a segment's recipients for one channel as CSV (UTF-8, header row, CRLF, RFC 4180
 * quoting): one statement read through a cursor in batches, each batch written only when the
 * client has taken the previous one, so memory stays flat whatever the size.
 *
 * What one download may hold is bounded (export-capacity.ts): a place under the caps per
 * credential and per process (beyond: 429 TOO_MANY_EXPORTS), a connection of the export pool
 * (none free within the idle timeout: 503 TOO_MANY_EXPORTS), and the client's attention: when it
 * takes nothing for EXPORT_IDLE_TIMEOUT_MS the download is aborted, the cursor closed and its
 * connection freed, the socket destroyed.
 *
 * The audit event (as the request context's actor) is written before the first byte: a download
 * that cannot be recorded does not start. Its row count is filled in when the download ends,
 * with `completed: false` when the client went away, stalled (`stopped: CLIENT_STALLED`) or the
 * read failed.
 */
export function exportHandler(db: Database, config: Config, capacity: ExportCapacity) {
  return async (req: Request, res: Response) => {
    const problem = (status: number, code: string, message: string) => res.status(status).json({ errors: [{ code, message }] });
    const { id, file } = req.params as { id: string; file: string };
    const channel = file?.replace(/\.csv$/i, '').toUpperCase() as Channel;
    if (!Object.values(Channel).includes(channel)) return problem(404, 'NOT_FOUND', 'Unknown channel; use email.csv, phone.csv or im.csv.');
    const ctx = createContext(db, config, null);
    const key = keyOf(String(id), 'Segment');
    const segment = key === null ? null : await ctx.em.findOne(Segment, { key });
    if (!segment) return problem(404, 'NOT_FOUND', 'There is no such segment.');
    // A repeated parameter is an array: not a value the link was signed with.
    const text = (value: unknown) => (typeof value === 'string' ? value : '');
    const subject = text(req.query.by);
    if (!verified(config, segment.key, channel, Number(req.query.expires), subject, text(req.query.signature))) {
      return problem(403, 'LINK_EXPIRED', 'This export link is invalid or has expired; ask for a new one (Segment.exportUrl).');
    }
    const place = capacity.admission.admit(subject);
    if (!place.admitted) {
      const retry = retryAfterSeconds(config);
      res.setHeader('Retry-After', String(retry));
      const cap =
        place.limit === 'credential'
          ? `${config.exportLimits.maxPerCredential} per user or token (EXPORT_MAX_PER_CREDENTIAL)`
          : `${config.exportLimits.maxConcurrent} on this server (EXPORT_MAX_CONCURRENT)`;
      return sendLimitError(res, 429, LimitCode.TOO_MANY_EXPORTS, `Too many downloads at once: at most ${cap}. Try again in ${retry} s.`, { retryAfterSeconds: retry });
    }
    try {
      await streamExport(req, res, { db, config, capacity, ctx, segment, channel, subject });
    } finally {
      place.release();
    }
  };
}

interface ExportJob {
  db: Database;
  config: Config;
  capacity: ExportCapacity;
  ctx: ReturnType<typeof createContext>;
  segment: Segment;
  channel: Channel;
  subject: string;
}

async function streamExport(req: Request, res: Response, { config, capacity, ctx, segment, channel, subject }: ExportJob): Promise<void> {
  const problem = (status: number, code: string, message: string) => res.status(status).json({ errors: [{ code, message }] });
  ctx.actor = await actorForSubject(ctx.em, subject);
  if (!ctx.actor) {
    problem(401, 'UNAUTHENTICATED', 'The session or API token that asked for this link has ended (signed out, expired or revoked); sign in and ask for a new one.');
    return;
  }
  try {
    assertAllowed(ctx.actor, [Scope.RECIPIENTS_READ]);
  } catch (error) {
    const code = (error as { extensions?: { code?: string } }).extensions?.code ?? 'FORBIDDEN';
    problem(code === 'UNAUTHENTICATED' ? 401 : 403, code, (error as Error).message);
    return;
  }
  const { audience, problems } = await savedAudience(ctx, segment);
  if (!audience) {
    problem(422, 'BAD_FILTER', problems[0]?.message ?? 'The segment cannot be evaluated.');
    return;
  }
  const statement = recipientPageStatement(audience, channel, null, null);
  const idleMs = config.exportLimits.idleTimeoutMs;
  // A client that goes away while the download waits for a connection stops the wait.
  const gone = new AbortController();
  res.on('close', () => gone.abort(new Error('The client went away.')));
  const batches = capacity.pool.stream<RecipientRow>(statement.sql, statement.params, { signal: gone.signal });
  let first: IteratorResult<RecipientRow[]>;
  try {
    first = await batches.next();
  } catch (error) {
    if (gone.signal.aborted) return;
    if (error instanceof ExportPoolBusy) {
      const retry = retryAfterSeconds(config);
      res.setHeader('Retry-After', String(retry));
      sendLimitError(
        res,
        503,
        LimitCode.TOO_MANY_EXPORTS,
        `Every export connection is busy (EXPORT_POOL_SIZE ${config.exportLimits.poolSize}); none came free within ${error.waitedMs} ms. Try again in ${retry} s.`,
        { retryAfterSeconds: retry },
      );
      return;
    }
    console.error('export failed', error);
    problem(500, 'INTERNAL_SERVER_ERROR', 'The export could not be read; the error has been logged.');
    return;
  }

  let rows = 0;
  let completed = false;
  let stopped: string | null = null;
  let auditKey: number | null = null;
  let finished = false;
  /** Frees the cursor (unless read to its end) and completes the event, once. */
  const finish = async () => {
    if (finished) return;
    finished = true;
    // Closes the cursor unless it was read to its end: the connection (or worker) is freed now.
    await batches.return(undefined).catch((error: unknown) => console.error('export cursor close failed', error));
    if (auditKey !== null) {
      await completeAudit(ctx, auditKey, { channel, rows, completed, ...(stopped ? { stopped } : {}) }).catch((error: unknown) => console.error('export audit update failed', error));
    }
  };
  try {
    auditKey = await recordAudit(ctx, { action: AuditAction.SEGMENT_EXPORTED, subject: segmentSubject(segment), details: { channel, rows: null, completed: false } });
    const slug =
      segment.name
        .normalize('NFKD')
        .replace(/[^\w-]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 60) || 'segment';
    res.status(200);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${slug}-${channel.toLowerCase()}.csv"; filename*=UTF-8''${encodeURIComponent(`${segment.name}-${channel.toLowerCase()}.csv`)}`);
    res.setHeader('Cache-Control', 'no-store');
    const chunkOf = (batch: RecipientRow[]) => batch.map((row) => csvLine(row, channel)).join('');
    let batch = first.done ? [] : first.value;
    await writeWithin(res, 'address,channel,name,owner_type,owner_id\r\n' + chunkOf(batch), idleMs);
    rows += batch.length;
    for (;;) {
      if (gone.signal.aborted) break;
      const next = await batches.next();
      if (next.done || gone.signal.aborted) break;
      batch = next.value;
      await writeWithin(res, chunkOf(batch), idleMs);
      rows += batch.length;
    }
    completed = !gone.signal.aborted;
    if (completed) {
      // The event has its row count before the client sees the end of the file: whoever reads
      // the audit log once the download is done finds the export complete.
      await finish();
      res.end();
    }
  } catch (error) {
    if (error instanceof ClientStalled) {
      stopped = 'CLIENT_STALLED';
      console.warn(`export stopped: ${error.message} (segment ${segment.key}, ${rows} rows sent)`);
      // A reset, not a close: a plain close leaves the unsent megabytes in the kernel, which keeps
      // trying to deliver them (and the FIN after them) to a client that does not read, for minutes.
      // A reset drops them at once, and the client learns the download is over.
      res.socket?.resetAndDestroy();
      res.destroy();
    } else {
      console.error('export failed', error);
      if (!res.headersSent) problem(500, 'INTERNAL_SERVER_ERROR', 'The export could not be recorded; the error has been logged.');
      else res.destroy(error as Error);
    }
  } finally {
    await finish();
  }
}
