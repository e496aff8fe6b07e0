import type { SqlEntityManager } from '@mikro-orm/knex';
import type { Config } from '../config';
import type { Database } from '../db/orm';
import { UserRole } from '../users/user.entity';
import { Loaders } from './loaders';

/** Who is acting. Until authentication arrives every request acts as the built-in administrator. */
export interface Actor {
  /** Key of the acting user (audit columns point at it). */
  userKey: number;
  role: UserRole;
  scopes: string[];
}

/** Per-request state handed to every resolver. */
export interface Context {
  /** A forked entity manager: its identity map lives as long as the request. */
  em: SqlEntityManager;
  db: Database;
  config: Config;
  actor: Actor;
  loaders: Loaders;
}

export function createContext(db: Database, config: Config, actor: Actor): Context {
  const em = db.fork();
  return { em, db, config, actor, loaders: new Loaders(em) };
}
