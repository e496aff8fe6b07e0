import { MikroORM, type Options } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { ormOptions, parseDatabaseUrl, type DatabaseKind } from './orm.config';
import { prepareSqliteFile } from './sqlite-file';
import { SqliteReader } from './sqlite-reader';
import { postgresReadWithTimeout } from '../limits/query-timeout';

export interface ReadOptions {
  /**
   * Stop waiting after this many ms with a QUERY_TIMEOUT error (0 or unset: no limit). PostgreSQL
   * cancels the statement (statement_timeout); SQLite abandons it with its worker (sqlite-reader.ts).
   * Request contexts set it from QUERY_TIMEOUT_MS (limits/query-timeout.ts).
   */
  timeoutMs?: number;
}

export interface Database {
  orm: MikroORM;
  kind: DatabaseKind;
  /**
   * Runs a read-only statement without blocking the event loop: on SQLite a worker thread (see
   * sqlite-reader.ts), on PostgreSQL the pool (already asynchronous).
   */
  read<T = Record<string, unknown>>(sql: string, params: unknown[], options?: ReadOptions): Promise<T[]>;
  /** The SQLite file (null for PostgreSQL and in-memory SQLite): workers open their own connection to it. */
  sqliteFile: string | null;
  /** A fresh entity manager for one unit of work (one request, one batch). */
  fork(): SqlEntityManager;
  close(): Promise<void>;
}

export async function openDatabase(url: string, extra: Partial<Options> = {}): Promise<Database> {
  const target = parseDatabaseUrl(url);
  if (target.kind === 'sqlite' && target.location !== ':memory:') prepareSqliteFile(target.location);
  const orm = await MikroORM.init(ormOptions(url, extra));
  let reader: SqliteReader | null = null;
  const execute = async <T>(sql: string, params: unknown[], options: ReadOptions): Promise<T[]> => {
    const timeoutMs = options.timeoutMs ?? 0;
    if (target.kind === 'sqlite' && target.location !== ':memory:') {
      // Opened on first use: the file exists and is migrated by then.
      reader ??= new SqliteReader(target.location);
      return reader.all<T>(sql, params, timeoutMs);
    }
    // In-memory SQLite (tests only) reads on the main thread: nothing could stop it, so no timeout.
    if (target.kind === 'postgresql' && timeoutMs > 0) return postgresReadWithTimeout<T>(orm, sql, params, timeoutMs);
    return (await orm.em.getConnection().execute(sql, params)) as T[];
  };
  // Identical reads asked while one is running share it (single flight): when many people look at
  // the same segment sizes at once, the database answers each question once. Each caller gets its
  // own copy of the rows. A read joined this way may have started up to its own duration earlier,
  // which counts and pages (live figures) tolerate.
  const inFlight = new Map<string, Promise<unknown[]>>();
  const read = async <T>(sql: string, params: unknown[], options: ReadOptions = {}): Promise<T[]> => {
    let key: string;
    try {
      key = `${options.timeoutMs ?? 0}\u0000${sql}\u0000${JSON.stringify(params)}`;
    } catch {
      return execute<T>(sql, params, options); // parameters JSON cannot spell (BigInt): not shared
    }
    let running = inFlight.get(key);
    if (!running) {
      running = execute<unknown>(sql, params, options).finally(() => inFlight.delete(key));
      inFlight.set(key, running);
    }
    return (await running).map((row) => (row && typeof row === 'object' ? { ...row } : row)) as T[];
  };
  return {
    orm,
    kind: target.kind,
    sqliteFile: target.kind === 'sqlite' && target.location !== ':memory:' ? target.location : null,
    read,
    fork: () => orm.em.fork() as SqlEntityManager,
    close: async () => {
      await reader?.close();
      await orm.close(true);
    },
  };
}

/** Applies pending migrations; returns the names applied. */
export async function migrate(db: Database): Promise<string[]> {
  const applied = await db.orm.getMigrator().up();
  return applied.map((m) => m.name);
}
