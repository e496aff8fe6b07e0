import { ref, type FilterQuery } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import type { AuditedRecord } from './audited-record.entity';
import { actingUserKey, type Context } from '../request/context';
import { requireActor } from '../auth/actor';
import { keyOf } from '../common/global-id';
import { itemAt } from '../lib/indexed';
import type { Record } from '../common/record.entity';
import { UpsertStatus } from '../common/payloads';
import type { Prepared, RecordKind } from './record-kind';
import { UserError, UserErrorCode } from '../common/user-error';
import { given, WriteContext } from './write-context';
import { User } from '../users/user.entity';
import { Loaders } from '../common/loaders';
import { ChildWrites } from './child-writes';

/** What one bulk upsert stored, for its audit event. */
export interface ImportCounts {
  rows: number;
  created: number;
  updated: number;
}

/** Records a bulk upsert (the caller's audit log), inside the transaction that stored the rows. */
export type ImportRecorder = (ctx: Context, counts: ImportCounts) => Promise<unknown>;

export interface WriteResult<E> {
  entity: E | null;
  errors: UserError[];
}

export interface UpsertRowResult<E> {
  index: number;
  externalId: string | null;
  status: UpsertStatus;
  entity: E | null;
  errors: UserError[];
}

function writeContext(ctx: Context): WriteContext {
  return new WriteContext(ctx.em, ctx.config, requireActor(ctx.actor), ctx.loaders);
}

function stampActor(entity: Record, ctx: Context, isNew: boolean): void {
  if (!('createdBy' in entity) && !('updatedBy' in (entity as object))) return;
  const actor = ref(ctx.em.getReference(User, actingUserKey(ctx)));
  const audited = entity as AuditedRecord;
  if (isNew) audited.createdBy = actor;
  audited.updatedBy = actor;
}

/** Runs `work` in one transaction on the request's entity manager; rolls back on any error. */
export async function inTransaction<T>(em: SqlEntityManager, work: () => Promise<T>): Promise<T> {
  await em.begin();
  try {
    const result = await work();
    await em.commit();
    return result;
  } catch (error) {
    await em.rollback();
    throw error;
  }
}

/** The entity as stored, with nothing cached from before the write (children were written natively). */
async function reload<E extends Record>(ctx: Context, kind: RecordKind<E, unknown>, keys: number[]): Promise<Map<number, E>> {
  ctx.em.clear();
  const rows = keys.length ? await ctx.em.find(kind.entity, { key: { $in: keys } } as unknown as FilterQuery<E>) : [];
  return new Map(rows.map((row) => [row.key, row]));
}

async function persistPrepared<E extends Record>(
  ctx: Context,
  kind: RecordKind<E, unknown>,
  items: Array<{ entity: E; isNew: boolean; prepared: Awaited<ReturnType<RecordKind<E, unknown>['prepare']>> }>,
  /** Written last in the same transaction (the audit event of a bulk upsert). */
  also?: () => Promise<unknown>,
): Promise<void> {
  await inTransaction(ctx.em, async () => {
    for (const item of items) {
      Object.assign(item.entity, given(item.prepared.changes));
      stampActor(item.entity, ctx, item.isNew);
      ctx.em.persist(item.entity);
    }
    await ctx.em.flush();
    const children = new ChildWrites();
    for (const item of items) item.prepared.writeChildren?.(children, item.entity);
    await children.flush(ctx.em);
    await kind.afterWrite?.(
      ctx.em,
      items.map((i) => i.entity),
    );
    await also?.();
  });
}

/** An external id must stay unique: reported as DUPLICATE instead of surfacing a constraint error. */
async function checkExternalId<E extends Record>(ctx: Context, kind: RecordKind<E, unknown>, wctx: WriteContext, changes: Partial<E>, own: E | null): Promise<void> {
  const externalId = (changes as { externalId?: string | null }).externalId;
  if (!externalId) return;
  const holder = await ctx.em.findOne(kind.entity, { externalId } as unknown as FilterQuery<E>);
  if (holder && holder.key !== own?.key) {
    wctx.problem(['input', 'externalId'], UserErrorCode.DUPLICATE, `Another ${kind.noun} already has the external id "${externalId}".`);
  }
}

/** Persists one prepared record; a constraint the checks did not foresee becomes a typed error. */
async function writeOne<E extends Record>(ctx: Context, kind: RecordKind<E, unknown>, entity: E, isNew: boolean, prepared: Prepared<E>): Promise<WriteResult<E>> {
  try {
    await persistPrepared(ctx, kind, [{ entity, isNew, prepared }]);
  } catch (error) {
    ctx.em.clear();
    return { entity: null, errors: [UserError.of(['input'], UserErrorCode.WRITE_FAILED, `The ${kind.noun} could not be stored: ${describeDbError(error)}`)] };
  }
  const stored = await reload(ctx, kind, [entity.key]);
  return { entity: stored.get(entity.key) ?? null, errors: [] };
}

export async function createRecord<E extends Record, I>(ctx: Context, kind: RecordKind<E, I>, input: I): Promise<WriteResult<E>> {
  const wctx = writeContext(ctx);
  const prepared = await kind.prepare(input, wctx, ['input'], null);
  await checkExternalId(ctx, kind as RecordKind<E, unknown>, wctx, prepared.changes, null);
  if (wctx.errors.length) return { entity: null, errors: wctx.errors };
  return writeOne(ctx, kind as RecordKind<E, unknown>, new kind.entity(), true, prepared);
}

async function findByGlobalId<E extends Record>(ctx: Context, kind: RecordKind<E, unknown>, id: string): Promise<E | null> {
  const key = keyOf(id, kind.entity.name);
  return key === null ? null : ctx.em.findOne(kind.entity, { key } as FilterQuery<E>);
}

function notFound(noun: string, id: string): UserError {
  return UserError.of(['id'], UserErrorCode.NOT_FOUND, `No ${noun} has the id "${id}".`);
}

export async function updateRecord<E extends Record, I>(ctx: Context, kind: RecordKind<E, I>, id: string, input: I): Promise<WriteResult<E>> {
  const entity = await findByGlobalId(ctx, kind as RecordKind<E, unknown>, id);
  if (!entity) return { entity: null, errors: [notFound(kind.noun, id)] };
  const wctx = writeContext(ctx);
  const prepared = await kind.prepare(input, wctx, ['input'], entity);
  await checkExternalId(ctx, kind as RecordKind<E, unknown>, wctx, prepared.changes, entity);
  if (wctx.errors.length) return { entity: null, errors: wctx.errors };
  return writeOne(ctx, kind as RecordKind<E, unknown>, entity, false, prepared);
}

export async function deleteRecord<E extends Record, I>(ctx: Context, kind: RecordKind<E, I>, id: string): Promise<WriteResult<E>> {
  const entity = await findByGlobalId(ctx, kind as RecordKind<E, unknown>, id);
  if (!entity) return { entity: null, errors: [notFound(kind.noun, id)] };
  const blockers = (await kind.checkDelete?.(ctx.em, entity)) ?? [];
  if (blockers.length) return { entity: null, errors: blockers };
  const key = entity.key;
  await inTransaction(ctx.em, async () => {
    await ctx.em.nativeDelete(kind.entity, { key } as FilterQuery<E>);
    await kind.afterDelete?.(ctx.em, [key]);
  });
  ctx.em.clear();
  return { entity, errors: [] };
}

interface UpsertInput {
  externalId?: string | null;
}

/**
 * Bulk upsert by external id: every row is validated on its own (a bad row reports its problems
 * and is skipped), the good rows are written in one transaction. Should that transaction fail
 * anyway (a constraint no validation foresaw), the rows are retried one by one so one bad row
 * still does not lose the others.
 */
export async function upsertRecords<E extends Record & UpsertInput, I extends UpsertInput>(
  ctx: Context,
  kind: RecordKind<E, I>,
  rows: I[],
  recordImport: ImportRecorder,
): Promise<Array<UpsertRowResult<E>>> {
  if (rows.length > ctx.config.maxBulkRows) {
    return [
      {
        index: 0,
        externalId: null,
        status: UpsertStatus.FAILED,
        entity: null,
        errors: [UserError.of(['rows'], UserErrorCode.TOO_MANY, `At most ${ctx.config.maxBulkRows} rows per call; split the batch.`)],
      },
    ];
  }
  const wctx = writeContext(ctx);
  const externalIds = rows.map((r) => r.externalId?.trim() ?? '');
  const existingRows = await ctx.em.find(kind.entity, { externalId: { $in: externalIds.filter(Boolean) } } as unknown as FilterQuery<E>);
  const existing = new Map(existingRows.map((e) => [e.externalId!, e]));
  const seen = new Set<string>();
  const results: Array<UpsertRowResult<E>> = [];
  const pending: Array<{ result: UpsertRowResult<E>; entity: E; isNew: boolean; prepared: Awaited<ReturnType<RecordKind<E, I>['prepare']>> }> = [];

  await Promise.all(
    rows.map(async (row, index) => {
      const rowCtx = wctx.forRow();
      const externalId = externalIds[index];
      const result: UpsertRowResult<E> = { index, externalId: externalId || null, status: UpsertStatus.FAILED, entity: null, errors: rowCtx.errors };
      results[index] = result;
      if (!externalId) {
        rowCtx.problem(['rows', index, 'externalId'], UserErrorCode.REQUIRED, 'Bulk upsert matches rows on externalId; give one.');
        return;
      }
      if (seen.has(externalId)) {
        rowCtx.problem(['rows', index, 'externalId'], UserErrorCode.DUPLICATE, `externalId "${externalId}" appears twice in this batch.`);
        return;
      }
      seen.add(externalId);
      const current = existing.get(externalId) ?? null;
      const prepared = await kind.prepare({ ...row, externalId }, rowCtx, ['rows', index], current);
      if (rowCtx.errors.length) return;
      pending.push({ result, entity: current ?? new kind.entity(), isNew: !current, prepared });
    }),
  );

  // Rows were prepared concurrently; store them in input order so keys follow the input.
  pending.sort((a, b) => a.result.index - b.result.index);
  const created = pending.filter((p) => p.isNew).length;
  try {
    const audit = () => recordImport(ctx, { rows: rows.length, created, updated: pending.length - created });
    await persistPrepared(ctx, kind as RecordKind<E, unknown>, pending, pending.length ? audit : undefined);
  } catch {
    ctx.em.clear();
    for (const item of pending) await retryAlone(ctx, kind, itemAt(rows, item.result.index), item);
    // Each retried row committed on its own: there is no one transaction left to join, so the
    // event records what those commits stored, once they are done.
    const stored = pending.filter((p) => p.result.errors.length === 0);
    const storedNew = stored.filter((p) => p.isNew).length;
    if (stored.length) await recordImport(ctx, { rows: rows.length, created: storedNew, updated: stored.length - storedNew });
  }
  const written = pending.filter((p) => p.entity && p.result.errors.length === 0);
  const stored = await reload(
    ctx,
    kind as RecordKind<E, unknown>,
    written.map((p) => p.entity.key),
  );
  for (const item of written) {
    item.result.status = item.isNew ? UpsertStatus.CREATED : UpsertStatus.UPDATED;
    item.result.entity = stored.get(item.entity.key) ?? null;
  }
  return results;
}

/**
 * Writes one row of a failed batch on its own, in a fresh unit of work (the failed one may hold
 * half-flushed state), preparing it again against what is stored now.
 */
async function retryAlone<E extends Record & UpsertInput, I extends UpsertInput>(
  ctx: Context,
  kind: RecordKind<E, I>,
  row: I,
  item: { result: UpsertRowResult<E>; entity: E; isNew: boolean },
): Promise<void> {
  const em = ctx.db.fork();
  const rowContext: Context = { ...ctx, em, loaders: new Loaders(em) };
  const wctx = writeContext(rowContext);
  try {
    const current = await em.findOne(kind.entity, { externalId: item.result.externalId } as FilterQuery<E>);
    const prepared = await kind.prepare({ ...row, externalId: item.result.externalId }, wctx, ['rows', item.result.index], current);
    if (wctx.errors.length) {
      item.result.errors.push(...wctx.errors);
      return;
    }
    item.entity = current ?? new kind.entity();
    item.isNew = !current;
    await persistPrepared(rowContext, kind as RecordKind<E, unknown>, [{ entity: item.entity, isNew: item.isNew, prepared }]);
  } catch (error) {
    item.result.errors.push(UserError.of(['rows', item.result.index], UserErrorCode.WRITE_FAILED, `The row could not be stored: ${describeDbError(error)}`));
  }
}

/** A constraint name or kind is useful to the caller; SQL text and stack traces never leave. */
function describeDbError(error: unknown): string {
  const name = (error as { name?: string })?.name ?? '';
  if (name.includes('UniqueConstraint')) return 'a value that must be unique is already used.';
  if (name.includes('ForeignKey')) return 'it points at a record that does not exist.';
  if (name.includes('NotNull')) return 'a required value is missing.';
  return 'the database refused it.';
}
