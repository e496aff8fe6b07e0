import { MikroORM, type Options } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { ormOptions, parseDatabaseUrl, type DatabaseKind } from './orm.config';

export interface Database {
  orm: MikroORM;
  kind: DatabaseKind;
  /** A fresh entity manager for one unit of work (one request, one batch). */
  fork(): SqlEntityManager;
  close(): Promise<void>;
}

export async function openDatabase(url: string, extra: Partial<Options> = {}): Promise<Database> {
  const orm = await MikroORM.init(ormOptions(url, extra));
  return {
    orm,
    kind: parseDatabaseUrl(url).kind,
    fork: () => orm.em.fork() as SqlEntityManager,
    close: () => orm.close(true),
  };
}

/** Applies pending migrations; returns the names applied. */
export async function migrate(db: Database): Promise<string[]> {
  const applied = await db.orm.getMigrator().up();
  return applied.map((m) => m.name);
}
