import type { Knex } from '@mikro-orm/knex';
import type { Database } from '../db/orm';
import type { Batch, TableKey } from './tables';

/** An open bulk load into a fixed set of tables; takes chunks until closed. */
export interface BulkSink {
  /** Resolves when the sink can take another chunk (so memory stays bounded). */
  write(batch: Batch): Promise<void>;
  close(): Promise<void>;
}

/**
 * The dialect-specific fast path around the ORM: COPY on PostgreSQL, prepared statements in
 * large transactions on SQLite. Holds its own connection(s) for the whole seed.
 */
export interface BulkWriter {
  readonly kind: Database['kind'];
  /**
   * Whether several tables can be loaded at once on separate connections. PostgreSQL can when
   * the session may skip foreign key triggers (superuser); otherwise a child's COPY would not see
   * its parent's uncommitted rows, and each table of a family is loaded in its own pass.
   */
  readonly parallelTables: boolean;
  open(tables: readonly TableKey[]): Promise<BulkSink>;
  query<T>(sql: string): Promise<T[]>;
  /** After loading: sequences past the explicit ids, planner statistics. */
  finish(tables: readonly TableKey[]): Promise<void>;
  release(): Promise<void>;
}

export function knexOf(db: Database): Knex {
  return db.fork().getConnection().getKnex();
}

export async function openBulkWriter(db: Database): Promise<BulkWriter> {
  // Imported lazily so an SQLite-only process never loads pg-copy-streams and vice versa.
  if (db.kind === 'postgresql') return (await import('./writer-pg')).openPgWriter(knexOf(db));
  return (await import('./writer-sqlite')).openSqliteWriter(knexOf(db));
}
