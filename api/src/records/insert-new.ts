import { sqliteParams } from '../db/sqlite-reader';
import type { Context } from '../request/context';

/** Bind parameters per INSERT: under either engine's limit (SQLite 32,766, PostgreSQL 65,535). */
const PARAMETERS_PER_STATEMENT = 10_000;

/**
 * Inserts many rows, skipping those a unique key (`conflict`) already has, in chunked multi-row
 * statements inside the caller's transaction; returns how many rows were new. Values are bound as
 * each engine stores them (see sqliteParams).
 */
export async function insertNew(ctx: Context, table: string, columns: string[], conflict: string[], rows: unknown[][]): Promise<number> {
  const sqlite = ctx.db.kind === 'sqlite';
  const perChunk = Math.floor(PARAMETERS_PER_STATEMENT / columns.length);
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  let inserted = 0;
  for (let start = 0; start < rows.length; start += perChunk) {
    const chunk = rows.slice(start, start + perChunk);
    const returned = await ctx.em
      .getConnection()
      .execute<unknown[]>(
        `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')} ON CONFLICT (${conflict.join(', ')}) DO NOTHING RETURNING id`,
        sqlite ? sqliteParams(chunk.flat()) : chunk.flat(),
        'all',
        ctx.em.getTransactionContext(),
      );
    inserted += returned.length;
  }
  return inserted;
}
