import type { SqlEntityManager } from '@mikro-orm/knex';
import type { Config } from '../config/config';
import type { Database } from '../db/orm';
import { requireActor, type Actor } from '../auth/actor';
import type { CookieJar } from '../auth/sessions';
import { Loaders } from '../common/loaders';
import { withRequestLimits } from '../db/query-timeout';

/** Per-request state handed to every resolver. */
export interface Context {
  /** A forked entity manager: its identity map lives as long as the request (or the batched operation). */
  readonly em: SqlEntityManager;
  db: Database;
  config: Config;
  /** Who is acting; null for a request without a credential (only public operations answer it). */
  actor: Actor | null;
  readonly loaders: Loaders;
  /** Starts a fresh unit of work (entity manager and loaders) for what follows (each operation of a batch). */
  newUnitOfWork(): void;
  /** The HTTP exchange, where there is one (sign-in sets a cookie; limits key on the client). */
  request: RequestMeta;
}

export interface RequestMeta {
  /** Client address as seen by the API (the web server forwards the browser's). */
  ip: string;
  userAgent: string | null;
  /** The session cookie's secret, when the request carried one (sign-out ends that session). */
  sessionSecret: string | null;
  cookies: CookieJar;
}

/** A request made from code (tests, background jobs): no client, cookies go nowhere. */
export function internalRequest(): RequestMeta {
  return {
    ip: 'internal',
    userAgent: null,
    sessionSecret: null,
    cookies: {
      set: () => {
        /* no client to send a cookie to */
      },
      secure: false,
    },
  };
}

/**
 * One unit of work: an entity manager, forked on first use, and the loaders that read through it.
 * Many requests (pages and counts read through `db.read`, sign-in checks) never touch the ORM,
 * and a fork costs 0.13–0.16 ms per request here (CPU profile of the bench's fixed-cost part).
 */
class UnitOfWork {
  private forked: SqlEntityManager | null = null;
  readonly loaders = new Loaders(() => this.em);

  constructor(private readonly database: Database) {}

  get em(): SqlEntityManager {
    return (this.forked ??= this.database.fork());
  }
}

/**
 * The request context. Plain properties, not private fields, because Apollo gives each operation
 * of a batch a shallow copy (Object.assign onto the same prototype), which then starts its own
 * unit of work (newUnitOfWork, limits/batch-context.ts).
 */
class RequestContext implements Context {
  private unitOfWork: UnitOfWork | null = null;

  constructor(
    private readonly database: Database,
    public db: Database,
    public config: Config,
    public actor: Actor | null,
    public request: RequestMeta,
  ) {}

  get em(): SqlEntityManager {
    return (this.unitOfWork ??= new UnitOfWork(this.database)).em;
  }

  get loaders(): Loaders {
    return (this.unitOfWork ??= new UnitOfWork(this.database)).loaders;
  }

  newUnitOfWork(): void {
    this.unitOfWork = null;
  }
}

export function createContext(db: Database, config: Config, actor: Actor | null, request: RequestMeta = internalRequest()): Context {
  const ctx: Context = new RequestContext(db, db, config, actor, request);
  // Counts and pages (ctx.db.read) stop after QUERY_TIMEOUT_MS with a QUERY_TIMEOUT error, and run
  // at most HEAVY_READS_PER_CREDENTIAL at once for the actor (db/heavy-read-gate.ts).
  ctx.db = withRequestLimits(db, config.queryTimeoutMs, () => ctx.actor?.subject ?? null);
  return ctx;
}

/** The acting user's key, for audit columns (`createdBy`, `updatedBy`); only guarded resolvers ask. */
export function actingUserKey(ctx: Pick<Context, 'actor'>): number {
  return requireActor(ctx.actor).userKey;
}

export type { Actor };
export { requireActor };
