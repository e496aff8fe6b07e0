import { MikroORM, type Options } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import type { ClientConfig } from 'pg';
import { config as processConfig, type HeavyReadSettings } from '../config/config';
import { queryTimeoutError } from '../errors/limit-error';
import { HeavyReadGate, type TimeLimit } from './heavy-read-gate';
import { PostgresHeavyReads } from './heavy-reads';
import { ormOptions, parseDatabaseUrl, type DatabaseKind, type DatabaseSchema } from './orm.config';
import { prepareSqliteFile } from './sqlite-file';
import { SqliteReader } from './sqlite-reader';

export interface ReadOptions {
  /**
   * Stop waiting after this many ms with a QUERY_TIMEOUT error (0 or unset: no limit). The limit
   * covers the whole wait: the turn at the gate, a connection, planning and execution. PostgreSQL
   * cancels the statement (statement_timeout, and pg_cancel_backend from the client at the
   * deadline); SQLite abandons it with its worker (sqlite-reader.ts). Request contexts set it
   * from QUERY_TIMEOUT_MS (db/query-timeout.ts).
   */
  timeoutMs?: number;
  /**
   * Who asks (the actor's `user:3` / `token:7`): at most HEAVY_READS_PER_CREDENTIAL of one
   * credential's reads run at once (db/heavy-read-gate.ts). Null: internal work, total cap only.
   */
  credential?: string | null;
}

export interface Database {
  orm: MikroORM;
  kind: DatabaseKind;
  /**
   * Runs a read-only statement without blocking the event loop, apart from the ORM's pool: on
   * SQLite a reader thread (sqlite-reader.ts), on PostgreSQL the heavy-read pool (heavy-reads.ts).
   */
  read<T = Record<string, unknown>>(sql: string, params: unknown[], options?: ReadOptions): Promise<T[]>;
  /** Admission of heavy reads (tests and diagnostics read its state). */
  gate: HeavyReadGate;
  /** The SQLite file (null for PostgreSQL and in-memory SQLite): workers open their own connection to it. */
  sqliteFile: string | null;
  /** A fresh entity manager for one unit of work (one request, one batch). */
  fork(): SqlEntityManager;
  close(): Promise<void>;
}

/** Default heavy-read pool size per engine (HEAVY_READ_POOL_SIZE unset). */
const DEFAULT_POOL_SIZE: Record<DatabaseKind, number> = { postgresql: 6, sqlite: 2 };

/** Opens the database at `url` holding `schema` (the application's: src/database.ts opens that one). */
export async function connectDatabase(schema: DatabaseSchema, url: string, extra: Partial<Options> = {}, reads: HeavyReadSettings = processConfig.heavyReads): Promise<Database> {
  const target = parseDatabaseUrl(url);
  if (target.kind === 'sqlite' && target.location !== ':memory:') prepareSqliteFile(target.location);
  const orm = await MikroORM.init(ormOptions(url, schema, extra));
  const size = Math.max(1, reads.poolSize ?? DEFAULT_POOL_SIZE[target.kind]);
  const sqliteFile = target.kind === 'sqlite' && target.location !== ':memory:' ? target.location : null;
  let reader: SqliteReader | null = null;
  // Opened on first use: the file exists and is migrated by then.
  const sqliteReader = (file: string) => (reader ??= new SqliteReader(file, size, { maxAbandoned: Math.max(0, reads.sqliteMaxAbandoned), onCapacity: () => gate.pump() }));
  const gate: HeavyReadGate = new HeavyReadGate({ capacity: () => reader?.capacity ?? size, perCredential: reads.perCredential, queueMs: reads.queueMs });
  const postgres =
    target.kind === 'postgresql'
      ? new PostgresHeavyReads((orm.em.getConnection() as unknown as { getConnectionOptions(): ClientConfig }).getConnectionOptions(), size, (sql, params) =>
          orm.em.getPlatform().formatQuery(sql, params),
        )
      : null;

  const run = <T>(sql: string, params: unknown[], limit: TimeLimit | null): Promise<T[]> => {
    if (postgres) return postgres.read<T>(sql, params, limit);
    const remaining = limit ? Math.ceil(limit.deadline - performance.now()) : 0;
    if (limit && remaining <= 0) throw queryTimeoutError(limit.timeoutMs);
    return sqliteReader(sqliteFile!).all<T>(sql, params, remaining);
  };
  const execute = async <T>(sql: string, params: unknown[], options: ReadOptions): Promise<T[]> => {
    // In-memory SQLite (tests only) reads on the main thread: nothing could stop it, so no timeout or gate.
    if (target.kind === 'sqlite' && !sqliteFile) return (await orm.em.getConnection().execute(sql, params)) as T[];
    const timeoutMs = options.timeoutMs ?? 0;
    const limit = timeoutMs > 0 ? { deadline: performance.now() + timeoutMs, timeoutMs } : null;
    const release = await gate.enter(options.credential ?? null, limit);
    try {
      return await run<T>(sql, params, limit);
    } finally {
      release();
    }
  };
  // Identical reads asked while one is running share it (single flight): when many people look at
  // the same segment sizes at once, the database answers each question once, and a joined read
  // takes no place at the gate. Each caller gets its own copy of the rows. A read joined this way
  // may have started up to its own duration earlier, which counts and pages (live figures) tolerate.
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
    sqliteFile,
    read,
    gate,
    fork: () => orm.em.fork() as SqlEntityManager,
    close: async () => {
      await reader?.close();
      await postgres?.close();
      await orm.close(true);
    },
  };
}

/** Applies pending migrations; returns the names applied. */
export async function migrate(db: Database): Promise<string[]> {
  const applied = await db.orm.getMigrator().up();
  return applied.map((m) => m.name);
}
