import type { SqlEntityManager } from '@mikro-orm/knex';
import type { Config } from '../config';
import type { Database } from '../db/orm';
import { requireActor, type Actor } from '../auth/actor';
import { Loaders } from './loaders';
import { withQueryTimeout } from '../limits/query-timeout';

/** Per-request state handed to every resolver. */
export interface Context {
  /** A forked entity manager: its identity map lives as long as the request. */
  em: SqlEntityManager;
  db: Database;
  config: Config;
  /** Who is acting; null for a request without a credential (only public operations answer it). */
  actor: Actor | null;
  loaders: Loaders;
}

export function createContext(db: Database, config: Config, actor: Actor | null): Context {
  const em = db.fork();
  // Counts and pages (ctx.db.read) stop after QUERY_TIMEOUT_MS with a QUERY_TIMEOUT error.
  return { em, db: withQueryTimeout(db, config.queryTimeoutMs), config, actor, loaders: new Loaders(em) };
}

/** The acting user's key, for audit columns (`createdBy`, `updatedBy`); only guarded resolvers ask. */
export function actingUserKey(ctx: Pick<Context, 'actor'>): number {
  return requireActor(ctx.actor).userKey;
}

export type { Actor };
