import type { Database } from '../../db/orm';
import { sqliteParams } from '../../db/sqlite-reader';
import type { Sql } from '../../filter/sql/dialect';

/**
 * The membership tables (migration 20261208000000): what the maintainer writes and the figures
 * read. Every statement here is fixed text with bound values.
 */

export enum MembershipState {
  /** Not built yet for its current definition: figures come from the live evaluation. */
  BUILDING = 'BUILDING',
  LIVE = 'LIVE',
  /** The definition cannot be evaluated (a referenced segment is gone…): `error` says why. */
  FAILED = 'FAILED',
}

/** Why a member entered or left. */
export enum MembershipReason {
  RECORD_CHANGE = 'RECORD_CHANGE',
  SEGMENT_EDITED = 'SEGMENT_EDITED',
  DAY_BOUNDARY = 'DAY_BOUNDARY',
  /** A static segment the rules name gained or lost an address. */
  STATIC_EDIT = 'STATIC_EDIT',
}

export interface StateRow {
  segmentKey: number;
  state: MembershipState;
  error: string | null;
  fingerprint: string | null;
  daySensitive: boolean;
  /** The tables each member type's answer reads. */
  reads: Record<string, string[]>;
  day: string | null;
  builtAt: Date | null;
  asOf: Date | null;
}

/** One unit of work of the maintainer: statements in one transaction on the ORM's connection. */
export interface Tx {
  run(sql: string, params?: unknown[]): Promise<void>;
  all<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

/** Runs `work` in one transaction; values are bound as the engine stores them. */
export async function inTx<T>(db: Database, work: (tx: Tx) => Promise<T>): Promise<T> {
  const connection = db.orm.em.getConnection();
  const bind = (params: unknown[]) => (db.kind === 'sqlite' ? sqliteParams(params) : params);
  return db.orm.em.fork().transactional(async (em) => {
    const context: unknown = em.getTransactionContext();
    return work({
      run: async (sql, params = []) => void (await connection.execute(sql, bind(params), 'run', context)),
      all: async <R>(sql: string, params: unknown[] = []) => (await connection.execute(sql, bind(params), 'all', context)) as R[],
    });
  });
}

const instant = (value: unknown): Date | null => (value === null || value === undefined ? null : new Date(value as string | number));

export async function readStates(read: (sql: string, params: unknown[]) => Promise<Array<Record<string, unknown>>>, keys?: number[]): Promise<Map<number, StateRow>> {
  const where = keys ? ` WHERE segment_id IN (${keys.map(() => '?').join(', ') || 'NULL'})` : '';
  const rows = await read(`SELECT segment_id, state, error, fingerprint, day_sensitive, reads, day, built_at, as_of FROM segment_membership_state${where}`, keys ?? []);
  return new Map(
    rows.map((r) => [
      Number(r.segment_id),
      {
        segmentKey: Number(r.segment_id),
        state: r.state as MembershipState,
        error: (r.error as string | null) ?? null,
        fingerprint: (r.fingerprint as string | null) ?? null,
        daySensitive: Boolean(r.day_sensitive),
        reads: r.reads ? (JSON.parse(r.reads as string) as Record<string, string[]>) : {},
        day: (r.day as string | null) ?? null,
        builtAt: instant(r.built_at),
        asOf: instant(r.as_of),
      },
    ]),
  );
}

export async function writeState(tx: Tx, row: StateRow): Promise<void> {
  await tx.run('DELETE FROM segment_membership_state WHERE segment_id = ?', [row.segmentKey]);
  await tx.run('INSERT INTO segment_membership_state (segment_id, state, error, fingerprint, day_sensitive, reads, day, built_at, as_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', [
    row.segmentKey,
    row.state,
    row.error,
    row.fingerprint,
    row.daySensitive,
    JSON.stringify(row.reads),
    row.day,
    row.builtAt,
    row.asOf,
  ]);
}

/** The members of a segment's maintained membership, as a predicate over rows `m` of one member type. */
export function membershipPredicate(segmentKey: number, member: string): Sql {
  return { sql: 'm.id IN (SELECT sm.member_key FROM segment_membership sm WHERE sm.segment_id = ? AND sm.member_type = ?)', params: [segmentKey, member], twoValued: true };
}

/** Members per type of a segment, as kept with the rows. */
export async function readSizes(read: (sql: string, params: unknown[]) => Promise<Array<Record<string, unknown>>>, segmentKey: number): Promise<Map<string, number>> {
  const rows = await read('SELECT member_type, members FROM segment_membership_size WHERE segment_id = ?', [segmentKey]);
  return new Map(rows.map((r) => [String(r.member_type), Number(r.members)]));
}

/** Recounts a segment's sizes from its rows (after a build). */
export async function recountSizes(tx: Tx, segmentKey: number, members: readonly string[]): Promise<void> {
  await tx.run('DELETE FROM segment_membership_size WHERE segment_id = ?', [segmentKey]);
  for (const member of members) {
    await tx.run('INSERT INTO segment_membership_size (segment_id, member_type, members) SELECT ?, ?, COUNT(*) FROM segment_membership WHERE segment_id = ? AND member_type = ?', [
      segmentKey,
      member,
      segmentKey,
      member,
    ]);
  }
}

/** Bind parameters per statement, under either engine's limit. */
const CHUNK = 5_000;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Applies the differences of one member type: `entered` get a row (since `at`) and an ENTERED
 * event, `left` lose theirs and get a LEFT event; the size moves by the difference.
 */
export async function applyDifferences(
  tx: Tx,
  change: { segmentKey: number; member: string; entered: readonly number[]; left: readonly number[]; at: Date; reason: MembershipReason; events: boolean },
): Promise<void> {
  const { segmentKey, member, at, reason } = change;
  for (const part of chunks(change.entered, 1_000)) {
    await tx.run(
      `INSERT INTO segment_membership (segment_id, member_type, member_key, since) VALUES ${part.map(() => '(?, ?, ?, ?)').join(', ')}`,
      part.flatMap((key) => [segmentKey, member, key, at]),
    );
    if (change.events) {
      await tx.run(
        `INSERT INTO segment_membership_event (segment_id, member_type, member_key, kind, reason, at) VALUES ${part.map(() => "(?, ?, ?, 'ENTERED', ?, ?)").join(', ')}`,
        part.flatMap((key) => [segmentKey, member, key, reason, at]),
      );
    }
  }
  for (const part of chunks(change.left)) {
    await tx.run(`DELETE FROM segment_membership WHERE segment_id = ? AND member_type = ? AND member_key IN (${part.map(() => '?').join(', ')})`, [segmentKey, member, ...part]);
  }
  for (const part of chunks(change.left, 1_000)) {
    if (change.events) {
      await tx.run(
        `INSERT INTO segment_membership_event (segment_id, member_type, member_key, kind, reason, at) VALUES ${part.map(() => "(?, ?, ?, 'LEFT', ?, ?)").join(', ')}`,
        part.flatMap((key) => [segmentKey, member, key, reason, at]),
      );
    }
  }
  const delta = change.entered.length - change.left.length;
  if (delta !== 0) await tx.run('UPDATE segment_membership_size SET members = members + ? WHERE segment_id = ? AND member_type = ?', [delta, segmentKey, member]);
}

/** The keys of a segment's rows of one member type, all of them or among `among`. */
export async function memberKeys(tx: Tx, segmentKey: number, member: string, among?: readonly number[]): Promise<Set<number>> {
  if (!among) {
    const rows = await tx.all<{ member_key: number | string }>('SELECT member_key FROM segment_membership WHERE segment_id = ? AND member_type = ?', [segmentKey, member]);
    return new Set(rows.map((r) => Number(r.member_key)));
  }
  const found = new Set<number>();
  for (const part of chunks(among)) {
    const rows = await tx.all<{ member_key: number | string }>(
      `SELECT member_key FROM segment_membership WHERE segment_id = ? AND member_type = ? AND member_key IN (${part.map(() => '?').join(', ')})`,
      [segmentKey, member, ...part],
    );
    for (const r of rows) found.add(Number(r.member_key));
  }
  return found;
}

/**
 * Rebuilds one member type's rows from `predicate` entirely in SQL (PostgreSQL): a first build
 * inserts the answer directly; a rebuild evaluates it once into a temporary table, and the differences (with their events) are set
 * operations against it, so no member key travels to the API and back.
 */
export async function rebuildInSql(tx: Tx, change: { segmentKey: number; member: string; table: string; predicate: Sql; at: Date; reason: MembershipReason; events: boolean }): Promise<void> {
  const { segmentKey, member, at, reason } = change;
  const mine = 's.segment_id = ? AND s.member_type = ?';
  const [existing] = await tx.all<{ any: number }>('SELECT 1 AS any FROM segment_membership s WHERE s.segment_id = ? AND s.member_type = ? LIMIT 1', [segmentKey, member]);
  if (!existing) {
    // A first build: nothing to compare with, so the answer goes straight into the rows.
    await tx.run(`INSERT INTO segment_membership (segment_id, member_type, member_key, since) SELECT ?, ?, m.id, ? FROM ${change.table} m WHERE ${change.predicate.sql}`, [
      segmentKey,
      member,
      at,
      ...change.predicate.params,
    ]);
    return;
  }
  await tx.run('CREATE TEMPORARY TABLE membership_build (id integer PRIMARY KEY) ON COMMIT DROP');
  await tx.run(`INSERT INTO membership_build SELECT m.id FROM ${change.table} m WHERE ${change.predicate.sql}`, change.predicate.params);
  await tx.run('ANALYZE membership_build');
  if (change.events) {
    await tx.run(
      `INSERT INTO segment_membership_event (segment_id, member_type, member_key, kind, reason, at) SELECT ?, ?, b.id, 'ENTERED', ?, ? FROM membership_build b WHERE NOT EXISTS (SELECT 1 FROM segment_membership s WHERE ${mine} AND s.member_key = b.id)`,
      [segmentKey, member, reason, at, segmentKey, member],
    );
    await tx.run(
      `INSERT INTO segment_membership_event (segment_id, member_type, member_key, kind, reason, at) SELECT ?, ?, s.member_key, 'LEFT', ?, ? FROM segment_membership s WHERE ${mine} AND NOT EXISTS (SELECT 1 FROM membership_build b WHERE b.id = s.member_key)`,
      [segmentKey, member, reason, at, segmentKey, member],
    );
  }
  await tx.run(`DELETE FROM segment_membership s WHERE ${mine} AND NOT EXISTS (SELECT 1 FROM membership_build b WHERE b.id = s.member_key)`, [segmentKey, member]);
  await tx.run(
    `INSERT INTO segment_membership (segment_id, member_type, member_key, since) SELECT ?, ?, b.id, ? FROM membership_build b WHERE NOT EXISTS (SELECT 1 FROM segment_membership s WHERE ${mine} AND s.member_key = b.id)`,
    [segmentKey, member, at, segmentKey, member],
  );
  await tx.run('DROP TABLE membership_build');
}
