import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { Scope, type Actor } from '../auth/actor';
import { actorForSubject } from '../auth/authenticate';
import { assertAllowed } from '../auth/guards';
import { AuditAction } from '../audit/audit.enums';
import { completeAudit, recordAudit, segmentSubject } from '../audit/record-audit';
import { createContext } from '../common/context';
import { keyOf, toGlobalId } from '../common/global-id';
import { Channel } from '../communications/communication.enums';
import type { Config } from '../config';
import type { Database } from '../db/orm';
import { streamRows } from '../db/row-stream';
import { audienceOf } from './audience';
import { recipientName, recipientPageStatement, ownerOf, type RecipientRow } from './audience-sql';
import { Segment } from './segment.entity';

const TYPE_NAME = { company: 'Company', contact: 'Contact', lead: 'Lead', deal: 'Deal' } as const;

function signature(secret: string, segmentKey: number, channel: Channel, expires: number, subject: string): string {
  return createHmac('sha256', secret).update(`${segmentKey}.${channel}.${expires}.${subject}`).digest('base64url');
}

/**
 * `/export/segments/<id>/<channel>.csv?expires=…&by=…&signature=…`: a plain link (no header
 * needed), valid for a few minutes, signed for the actor who asked. On download the actor is
 * checked again as it stands then: a deactivated user or a revoked token gets nothing.
 */
export function exportPath(config: Config, segment: Segment, channel: Channel, actor: Actor, now = Date.now()): string {
  const expires = Math.floor(now / 1000) + config.exportLinkSeconds;
  const sig = signature(config.exportSecret, segment.key, channel, expires, actor.subject);
  return `/export/segments/${segment.id}/${channel.toLowerCase()}.csv?expires=${expires}&by=${encodeURIComponent(actor.subject)}&signature=${sig}`;
}

function verified(config: Config, segmentKey: number, channel: Channel, expires: number, subject: string, given: string): boolean {
  if (!Number.isSafeInteger(expires) || expires < Date.now() / 1000) return false;
  const expected = Buffer.from(signature(config.exportSecret, segmentKey, channel, expires, subject));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
export function csvField(value: string | null | undefined): string {
  if (value == null) return '';
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(row: RecipientRow, channel: Channel): string {
  const owner = row.owner == null ? null : ownerOf(row.owner);
  return [row.address, channel, recipientName(row), owner ? TYPE_NAME[owner.type] : null, owner ? toGlobalId(TYPE_NAME[owner.type], owner.key) : null].map(csvField).join(',') + '\r\n';
}

/**
 * Streams a segment's recipients for one channel as CSV (UTF-8, header row, CRLF, RFC 4180
 * quoting): one statement read through a cursor in batches, each batch written only when the
 * client has taken the previous one, so memory stays flat whatever the size.
 *
 * The audit event (as the request context's actor) is written before the first byte: a download
 * that cannot be recorded does not start. Its row count is filled in when the download ends,
 * with `completed: false` when the client went away or the read failed.
 */
export function exportHandler(db: Database, config: Config) {
  return async (req: Request, res: Response) => {
    const problem = (status: number, code: string, message: string) => res.status(status).json({ errors: [{ code, message }] });
    const { id, file } = req.params as { id: string; file: string };
    const channel = file?.replace(/\.csv$/i, '').toUpperCase() as Channel;
    if (!Object.values(Channel).includes(channel)) return problem(404, 'NOT_FOUND', 'Unknown channel; use email.csv, phone.csv or im.csv.');
    const ctx = createContext(db, config, null);
    const key = keyOf(String(id), 'Segment');
    const segment = key === null ? null : await ctx.em.findOne(Segment, { key });
    if (!segment) return problem(404, 'NOT_FOUND', 'There is no such segment.');
    const subject = String(req.query.by ?? '');
    if (!verified(config, segment.key, channel, Number(req.query.expires), subject, String(req.query.signature ?? ''))) {
      return problem(403, 'LINK_EXPIRED', 'This export link is invalid or has expired; ask for a new one (Segment.exportUrl).');
    }
    ctx.actor = await actorForSubject(ctx.em, subject);
    try {
      assertAllowed(ctx.actor, [Scope.RECIPIENTS_READ]);
    } catch (error) {
      const code = (error as { extensions?: { code?: string } }).extensions?.code ?? 'FORBIDDEN';
      return problem(code === 'UNAUTHENTICATED' ? 401 : 403, code, (error as Error).message);
    }
    const { audience, problems } = await audienceOf(ctx, { ...segment, key: segment.key }, { origin: 'saved' });
    if (!audience) return problem(422, 'BAD_FILTER', problems[0]?.message ?? 'The segment cannot be evaluated.');
    const statement = recipientPageStatement(audience, channel, null, null);
    const auditKey = await recordAudit(ctx, { action: AuditAction.SEGMENT_EXPORTED, subject: segmentSubject(segment), details: { channel, rows: null, completed: false } });
    let rows = 0;
    const finish = (completed: boolean) =>
      completeAudit(ctx, auditKey, { channel, rows, completed }).catch((error: unknown) => console.error('export audit update failed', error));
    const slug = segment.name.normalize('NFKD').replace(/[^\w-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'segment';
    res.status(200);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${slug}-${channel.toLowerCase()}.csv"; filename*=UTF-8''${encodeURIComponent(`${segment.name}-${channel.toLowerCase()}.csv`)}`);
    res.setHeader('Cache-Control', 'no-store');
    res.write('address,channel,name,owner_type,owner_id\r\n');
    let closed = false;
    res.on('close', () => (closed = true));
    try {
      for await (const batch of streamRows<RecipientRow>(db, statement.sql, statement.params)) {
        if (closed) break;
        const chunk = batch.map((row) => csvLine(row, channel)).join('');
        rows += batch.length;
        if (!res.write(chunk)) await drained(res);
      }
      await finish(!closed);
      res.end();
    } catch (error) {
      console.error('export failed', error);
      await finish(false);
      res.destroy(error as Error);
    }
  };
}

/** Resolves when the client has taken what was written (or went away); leaves no listener behind. */
function drained(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
