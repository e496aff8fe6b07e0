import { DataloaderType, type MigrationObject, type Options } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import path from 'node:path';
import { SqliteDriver } from './sqlite-driver';

export type DatabaseKind = 'sqlite' | 'postgresql';

/**
 * What the database holds, given by the application (src/database.ts): the entities of the
 * manifest and the migrations, so this layer knows no domain.
 */
export interface DatabaseSchema {
  entities: NonNullable<Options['entities']>;
  migrations: MigrationObject[];
}

export interface DatabaseTarget {
  kind: DatabaseKind;
  /** File path for SQLite (or ":memory:"), connection URL for PostgreSQL. */
  location: string;
}

/** Reads DATABASE_URL's forms: `sqlite:<path>`, `postgres://…`, `postgresql://…`. */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (/^postgres(ql)?:\/\//i.test(url)) return { kind: 'postgresql', location: url };
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    return { kind: 'sqlite', location: file === ':memory:' ? file : path.resolve(file) };
  }
  throw new Error(`DATABASE_URL must start with sqlite:, postgres:// or postgresql://, got "${url}"`);
}

interface BetterSqliteConnection {
  pragma(statement: string): unknown;
}

export function ormOptions(url: string, schema: DatabaseSchema, extra: Partial<Options> = {}): Options {
  const target = parseDatabaseUrl(url);
  const common: Options = {
    entities: schema.entities,
    extensions: [Migrator],
    migrations: { migrationsList: schema.migrations, transactional: true, allOrNothing: true, snapshot: false, silent: true },
    // Batches `ref.load()` / `collection.load()` of one tick into one query: no N+1 in GraphQL lists.
    dataloader: DataloaderType.ALL,
    forceUtcTimezone: true,
    allowGlobalContext: false,
    debug: false,
    ...extra,
  };
  if (target.kind === 'postgresql') {
    return { ...common, driver: PostgreSqlDriver, clientUrl: target.location, pool: { min: 0, max: 10 } };
  }
  return {
    ...common,
    driver: SqliteDriver,
    dbName: target.location,
    pool: {
      min: 1,
      max: 1,
      // WAL lets readers (and the count workers to come) run beside the writer.
      afterCreate: (connection: BetterSqliteConnection, done: (error: Error | null, connection: unknown) => void) => {
        connection.pragma('journal_mode = WAL');
        connection.pragma('synchronous = NORMAL');
        connection.pragma('busy_timeout = 5000');
        connection.pragma('foreign_keys = ON');
        done(null, connection);
      },
    },
  };
}
