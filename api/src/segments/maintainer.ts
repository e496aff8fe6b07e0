import { performance } from 'node:perf_hooks';
import type { Config } from '../config/config';
import { PollLoop } from '../lib/poll-loop';
import { fingerprintOf, readsOf, STATIC_LIST_TABLE } from './membership-dependencies';
import type { Database } from '../db/orm';
import type { MemberType } from '../common/crm-enums';
import { today } from '../filter/language/dates';
import type { Sql } from '../filter/sql/dialect';
import { and } from '../filter/sql/fragments';
import { createContext, type Context } from '../request/context';
import { SegmentKind } from './definition/segment.enums';
import { Segment } from './definition/segment.entity';
import { sourceBase } from './definition/source-base';
import { tableOf } from './filtering/crm-model';
import { membersOf } from './filtering/members-of';
import { prepareFilter } from './filtering/query';
import { copyPointOfDay, pruneSizeHistory, recordSizePoint, SizePointReason, withoutDayPoint } from './size-history';
import { enqueueDeliveries, lastEventId } from '../webhooks/webhook-store';
import { applyDifferences, inTx, memberKeys, rebuildInSql, MembershipReason, MembershipState, readStates, recountSizes, writeState, type StateRow, type Tx } from './membership/store';

/**
 * Keeps every saved dynamic segment's membership equal to what its filter answers now.
 *
 * One pass: (1) segments whose definition (or a segment their rules name) changed since their
 * rows were built, or whose day started, are rebuilt, each in one transaction; (2) the queue of
 * touched members (membership_change, filled by the capture triggers in the writing transactions)
 * is drained in batches: each batch re-evaluates its members, only against the segments whose
 * filters read a table the queued change was written to, and writes the differences and deletes
 * the batch in one transaction. A crash anywhere leaves either the whole batch applied and gone
 * from the queue, or neither; re-evaluating a member twice is harmless, so nothing is ever lost.
 *
 * Builds run before the queue in the same loop: a change queued while a segment was not yet LIVE
 * is either seen by its build (which reads later) or still queued when the batch after it runs.
 *
 * One maintainer at a time: on PostgreSQL every transaction starts by taking a transaction-level
 * advisory lock, and a process that does not get it leaves the pass to the one that has it; on
 * SQLite one process owns the file, and evaluation reads run on the reader threads (db.read).
 */
export class MembershipMaintainer {
  private readonly compiled = new Map<number, Compiled>();
  private timing = { buildMs: 0, historyMs: 0 };
  private readonly loop: PollLoop;

  constructor(
    private readonly db: Database,
    private readonly config: Config,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.loop = new PollLoop('membership', async () => ({ more: (await this.runOnce()).busy }), config.membership.idleMs);
  }

  /** Runs passes until stopped: at once, then after `idleMs` of rest whenever a pass found nothing to do. */
  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** One pass: builds, then the queue until it is empty (or `maxBatches` batches). */
  async runOnce(maxBatches = 50): Promise<PassResult> {
    const ctx = createContext(this.db, this.config, null);
    this.timing = { buildMs: 0, historyMs: 0 };
    const built = await this.buildWhatChanged(ctx);
    const pointsStart = performance.now();
    await this.takeDayPoints();
    this.timing.historyMs += performance.now() - pointsStart;
    let applied = 0;
    for (let batch = 0; batch < maxBatches; batch++) {
      const done = await this.applyBatch(ctx);
      if (done === null) return { built, applied, busy: false, ...this.timing };
      applied += done;
    }
    return { built, applied, busy: true, ...this.timing };
  }

  /** The first point of each LIVE segment's day (in its zone), and the pruning of old points. */
  private async takeDayPoints(): Promise<void> {
    const now = this.clock();
    const states = await readStates((sql, params) => this.plainRead(sql, params));
    const live = [...states.values()].filter((s) => s.state === MembershipState.LIVE);
    const zones = new Map<number, string>();
    if (live.length) {
      const rows = await this.plainRead(
        `SELECT id, time_zone FROM segment WHERE id IN (${live.map(() => '?').join(', ')})`,
        live.map((s) => s.segmentKey),
      );
      for (const row of rows) zones.set(Number(row.id), (row.time_zone as string | null) || this.config.defaultTimeZone);
    }
    const zoneOf = (key: number) => zones.get(key) ?? this.config.defaultTimeZone;
    const due = await withoutDayPoint(
      this.db,
      live.map((s) => s.segmentKey),
      (key) => today(now, zoneOf(key)),
    );
    for (const key of due) {
      if (await copyPointOfDay(this.db, key, today(now, zoneOf(key)), now)) continue;
      const members = Object.keys(states.get(key)?.reads ?? {}) as MemberType[];
      await recordSizePoint(this.db, { key, zone: zoneOf(key) }, members, SizePointReason.DAY, now);
    }
    await pruneSizeHistory(this.db, new Date(now.getTime() - this.config.membership.historyDays * DAY_MS));
  }

  private async buildWhatChanged(ctx: Context): Promise<number> {
    const segments = await ctx.em.find(Segment, {}, { orderBy: { key: 'asc' } });
    const byKey = new Map(segments.map((s) => [s.key, s]));
    const states = await readStates((sql, params) => this.plainRead(sql, params));
    let built = 0;
    for (const segment of segments) {
      const state = states.get(segment.key);
      if (segment.kind !== SegmentKind.DYNAMIC) {
        if (state) await inTx(this.db, (tx) => this.locked(tx, () => tx.run('DELETE FROM segment_membership_state WHERE segment_id = ?', [segment.key])));
        continue;
      }
      const fingerprint = fingerprintOf(segment, byKey);
      const now = this.clock();
      const zone = segment.timeZone || this.config.defaultTimeZone;
      const dayStarted = state?.state === MembershipState.LIVE && state.daySensitive && state.day !== today(now, zone);
      if (state?.fingerprint === fingerprint && !dayStarted) continue;
      const reason = !state ? null : dayStarted && state.fingerprint === fingerprint ? MembershipReason.DAY_BOUNDARY : MembershipReason.SEGMENT_EDITED;
      await this.build(ctx, segment, byKey, fingerprint, reason, now);
      built++;
    }
    return built;
  }

  /** Rebuilds one segment's rows from a full evaluation, recording who entered and left (not on the first build). */
  private async build(ctx: Context, segment: Segment, byKey: Map<number, Segment>, fingerprint: string, reason: MembershipReason | null, now: Date): Promise<void> {
    const started = performance.now();
    const compiled = await this.compile(ctx, segment, byKey, fingerprint, now);
    if ('failure' in compiled) {
      await inTx(this.db, (tx) =>
        this.locked(tx, () =>
          writeState(tx, { segmentKey: segment.key, state: MembershipState.FAILED, error: compiled.failure, fingerprint, daySensitive: false, reads: {}, day: null, builtAt: now, asOf: null }),
        ),
      );
      return;
    }
    // On SQLite evaluated before the transaction, on the reader threads: only the writes hold the
    // connection (and the event loop). PostgreSQL rebuilds in SQL, inside the transaction.
    const answers = new Map<MemberType, number[]>();
    if (this.db.kind === 'sqlite') {
      for (const part of compiled.members) {
        const rows = await this.db.read<{ id: number | string }>(`SELECT m.id FROM ${part.table} m WHERE ${part.predicate.sql}`, part.predicate.params);
        answers.set(
          part.type,
          rows.map((r) => Number(r.id)),
        );
      }
    }
    await inTx(this.db, (tx) =>
      this.locked(tx, async () => {
        const lastEvent = await lastEventId(tx);
        for (const part of compiled.members) {
          const change = { segmentKey: segment.key, member: part.type, at: now, reason: reason ?? MembershipReason.SEGMENT_EDITED, events: reason !== null };
          if (this.db.kind === 'postgresql') {
            await rebuildInSql(tx, { ...change, table: part.table, predicate: part.predicate });
            continue;
          }
          const answer = answers.get(part.type) ?? [];
          const was = await memberKeys(tx, segment.key, part.type);
          const is = new Set(answer);
          await applyDifferences(tx, { ...change, entered: answer.filter((k) => !was.has(k)), left: [...was].filter((k) => !is.has(k)) });
        }
        // Rows of member types the definition no longer has (a client type changed) go too.
        await tx.run(`DELETE FROM segment_membership WHERE segment_id = ? AND member_type NOT IN (${compiled.members.map(() => '?').join(', ')})`, [
          segment.key,
          ...compiled.members.map((m) => m.type),
        ]);
        await recountSizes(
          tx,
          segment.key,
          compiled.members.map((m) => m.type),
        );
        await writeState(tx, {
          segmentKey: segment.key,
          state: MembershipState.LIVE,
          error: null,
          fingerprint,
          daySensitive: compiled.daySensitive,
          reads: Object.fromEntries(compiled.members.map((m) => [m.type, [...m.reads].sort()])),
          day: today(now, compiled.zone),
          builtAt: now,
          asOf: now,
        });
        // Webhook deliveries of who entered and left, in the same transaction as the rows.
        await enqueueDeliveries(tx, lastEvent, now);
      }),
    );
    // The planner's picture of the rows after a build (thousands may have come or gone at once):
    // without it the figures' first statements over a fresh membership plan for an empty table.
    if (this.db.kind === 'postgresql') await this.db.orm.em.getConnection().execute('ANALYZE segment_membership', [], 'run');
    const pointStart = performance.now();
    this.timing.buildMs += pointStart - started;
    await recordSizePoint(
      this.db,
      { key: segment.key, zone: compiled.zone },
      compiled.members.map((m) => m.type),
      SizePointReason.DEFINITION,
      now,
    );
    this.timing.historyMs += performance.now() - pointStart;
  }

  /**
   * One batch of the queue. Null when the queue was empty (then every LIVE segment is up to date
   * as of the start of this call); otherwise how many queued changes were applied.
   */
  private async applyBatch(ctx: Context): Promise<number | null> {
    const startedAt = this.clock();
    // Compiled before the transaction: compiling reads through the ORM, which on SQLite has one
    // connection, held by the transaction once it starts.
    const compiledByKey = new Map<number, Compiled>();
    for (const state of (await readStates((sql, params) => this.plainRead(sql, params))).values()) {
      if (state.state !== MembershipState.LIVE) continue;
      const compiled = await this.compiledFor(ctx, state);
      if (compiled) compiledByKey.set(state.segmentKey, compiled);
    }
    return inTx(this.db, (tx) =>
      this.locked(
        tx,
        async () => {
          const queued = await tx.all<{ id: number | string; table_name: string; member_type: string; member_key: number | string }>(
            'SELECT id, table_name, member_type, member_key FROM membership_change ORDER BY id LIMIT ?',
            [this.config.membership.batchSize],
          );
          if (!queued.length) {
            await tx.run('UPDATE segment_membership_state SET as_of = ? WHERE state = ?', [startedAt, MembershipState.LIVE]);
            return null;
          }
          const lastEvent = await lastEventId(tx);
          const states = await readStates((sql, params) => tx.all(sql, params));
          for (const state of states.values()) {
            const compiled = compiledByKey.get(state.segmentKey);
            // Another process may have rebuilt it meanwhile: only rows of the compiled definition move.
            if (state.state !== MembershipState.LIVE || compiled?.fingerprint !== state.fingerprint || compiled.day !== state.day) continue;
            for (const part of compiled.members) {
              // Each member's reason: a static segment's list when only that was written, else a record.
              const reasons = new Map<number, MembershipReason>();
              for (const q of queued) {
                if (q.member_type !== part.type || !part.reads.has(q.table_name)) continue;
                const key = Number(q.member_key);
                const reason = q.table_name === STATIC_LIST_TABLE ? MembershipReason.STATIC_EDIT : MembershipReason.RECORD_CHANGE;
                reasons.set(key, reasons.get(key) === MembershipReason.RECORD_CHANGE ? MembershipReason.RECORD_CHANGE : reason);
              }
              const keys = [...reasons.keys()];
              if (!keys.length) continue;
              const is = await this.evaluate(tx, part, keys);
              const was = await memberKeys(tx, state.segmentKey, part.type, keys);
              for (const reason of [MembershipReason.RECORD_CHANGE, MembershipReason.STATIC_EDIT]) {
                const ofReason = keys.filter((k) => reasons.get(k) === reason);
                await applyDifferences(tx, {
                  segmentKey: state.segmentKey,
                  member: part.type,
                  entered: ofReason.filter((k) => is.has(k) && !was.has(k)),
                  left: ofReason.filter((k) => was.has(k) && !is.has(k)),
                  at: startedAt,
                  reason,
                  events: true,
                });
              }
            }
          }
          const ids = queued.map((q) => q.id);
          for (let i = 0; i < ids.length; i += 5_000) {
            const part = ids.slice(i, i + 5_000);
            await tx.run(`DELETE FROM membership_change WHERE id IN (${part.map(() => '?').join(', ')})`, part);
          }
          await enqueueDeliveries(tx, lastEvent, startedAt);
          return queued.length;
        },
        () => 0,
      ),
    );
  }

  /** Which of `keys` pass the segment now: on PostgreSQL inside the batch's transaction, on SQLite on a reader thread. */
  private async evaluate(tx: Tx, part: CompiledMember, keys: number[]): Promise<Set<number>> {
    const sql = `SELECT m.id FROM ${part.table} m WHERE m.id IN (${keys.map(() => '?').join(', ')}) AND ${part.predicate.sql}`;
    const params = [...keys, ...part.predicate.params];
    const rows = this.db.kind === 'postgresql' ? await tx.all<{ id: number | string }>(sql, params) : await this.db.read<{ id: number | string }>(sql, params);
    return new Set(rows.map((r) => Number(r.id)));
  }

  /** The compiled definition a LIVE state's rows are of; null when the segment changed since (its rebuild comes first next pass). */
  private async compiledFor(ctx: Context, state: StateRow): Promise<Compiled | null> {
    const cached = this.compiled.get(state.segmentKey);
    if (cached?.fingerprint === state.fingerprint && cached.day === state.day) return cached;
    const segments = await ctx.em.find(Segment, {});
    const byKey = new Map(segments.map((s) => [s.key, s]));
    const segment = byKey.get(state.segmentKey);
    if (!segment || fingerprintOf(segment, byKey) !== state.fingerprint) return null;
    const compiled = await this.compile(ctx, segment, byKey, state.fingerprint, this.clock());
    return 'failure' in compiled || compiled.day !== state.day ? null : compiled;
  }

  private async compile(ctx: Context, segment: Segment, byKey: Map<number, Segment>, fingerprint: string, now: Date): Promise<Compiled | { failure: string }> {
    const zone = segment.timeZone || this.config.defaultTimeZone;
    const members = membersOf(segment.source, segment.clientType);
    const request = { tree: segment.filter!, source: segment.source, members, timeZone: segment.timeZone, origin: 'saved' as const };
    const prepared = await prepareFilter(ctx, { ...request, now });
    if (!prepared.ir || prepared.problems.length) return { failure: prepared.problems.map((p) => p.message).join(' ') || 'The segment has no filter.' };
    // Whether the answer moves with the day: the same definition compiled for tomorrow differs.
    const tomorrow = await prepareFilter(ctx, { ...request, now: new Date(now.getTime() + DAY_MS) });
    const daySensitive = JSON.stringify([...tomorrow.predicates]) !== JSON.stringify([...prepared.predicates]);
    const compiled: Compiled = {
      fingerprint,
      zone,
      day: today(now, zone),
      daySensitive,
      members: members.map((type) => ({
        type,
        table: tableOf(type),
        predicate: and([sourceBase(segment.source, type, this.db.kind), prepared.predicates.get(type)!]),
        reads: readsOf(prepared.ir!, type, segment.source, byKey),
      })),
    };
    this.compiled.set(segment.key, compiled);
    return compiled;
  }

  /** Runs `work` holding the maintainer's lock (PostgreSQL); `otherwise` when another process holds it. */
  private async locked<T>(tx: Tx, work: () => Promise<T>, otherwise?: () => T): Promise<T> {
    if (this.db.kind === 'postgresql') {
      const [row] = await tx.all<{ locked: boolean }>(`SELECT pg_try_advisory_xact_lock(${MAINTAINER_LOCK}) AS locked`);
      if (!row?.locked) {
        if (otherwise) return otherwise();
        throw new Error('Another process maintains membership.');
      }
    }
    return work();
  }

  private plainRead(sql: string, params: unknown[]): Promise<Array<Record<string, unknown>>> {
    return this.db.orm.em.getConnection().execute(sql, params);
  }
}

export interface PassResult {
  built: number;
  applied: number;
  /** Time spent rebuilding memberships (evaluation and writes), and taking size points, in ms. */
  buildMs: number;
  historyMs: number;
  /** The pass stopped with work left: the next starts at once. */
  busy: boolean;
}

interface CompiledMember {
  type: MemberType;
  table: string;
  predicate: Sql;
  /** The tables a write to which may change this member type's answer. */
  reads: Set<string>;
}

interface Compiled {
  fingerprint: string;
  zone: string;
  day: string;
  daySensitive: boolean;
  members: CompiledMember[];
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** A fixed key of the advisory lock only the maintainer takes. */
const MAINTAINER_LOCK = 73_310_002;
