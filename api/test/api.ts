import type { GraphQLFormattedError } from 'graphql';
import { createApp, type App } from '../src/app';
import { userActor, type Actor, type Scope } from '../src/auth/actor';
import { issueApiToken } from '../src/auth/api-token.service';
import { hashPassword } from '../src/auth/passwords';
import type { Context } from '../src/request/context';
import { loadConfig, type Config } from '../src/config/config';
import type { DatabaseKind } from '../src/db/orm.config';
import type { Database } from '../src/db/orm';
import { ensureDefaults, PARTIAL } from '../src/seed/defaults';
import { fold } from '../src/filter/language/fold';
import { User, UserRole } from '../src/users/user.entity';
import { freshDatabase } from './databases';

interface Result {
  data?: any;
  errors?: readonly GraphQLFormattedError[];
}

export interface TestApi {
  db: Database;
  url: string;
  app: App;
  config: Config;
  /** The built-in administrator, as whom `exec` acts. */
  admin: Actor;
  /** A request context acting as the administrator (or as `actor`). */
  context(actor?: Actor | null): Context;
  /** Runs an operation through the real schema as the administrator; throws on GraphQL errors. */
  exec<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  execRaw(query: string, variables?: Record<string, unknown>): Promise<Result>;
  /** Runs an operation as someone else (null: without any credential). */
  execAs(actor: Actor | null, query: string, variables?: Record<string, unknown>): Promise<Result>;
  /** A new active user with this role and password (default "correct horse battery"). */
  createUser(role: UserRole, email?: string, password?: string): Promise<{ user: User; actor: Actor; password: string }>;
  /** A new API token of the administrator's with these scopes; returns its secret. */
  createToken(scopes: readonly Scope[], options?: { expiresAt?: Date | null; creatorKey?: number }): Promise<string>;
  close(): Promise<void>;
}

let userCounter = 0;

/** The API over a fresh, migrated database with the defaults (built-in admin, reference lists, pipeline). */
export async function startTestApi(kind: DatabaseKind, overrides: Partial<Config> = {}): Promise<TestApi> {
  // Heavy-read settings are the database's (its pool and gate), so they are handed to it.
  const { db, url, drop } = await freshDatabase(kind, overrides.heavyReads);
  const config = { ...loadConfig({}), ...overrides };
  const adminKey = await ensureDefaults(db);
  const app = await createApp(db, config);
  const admin = userActor({ key: adminKey, name: 'Administrator', role: UserRole.ADMIN });
  const execAs = async (actor: Actor | null, query: string, variables?: Record<string, unknown>): Promise<Result> => {
    const response = await app.apollo.executeOperation({ query, variables }, { contextValue: app.contextFor(actor) });
    if (response.body.kind !== 'single') throw new Error('incremental delivery is not expected');
    // Through JSON, as a client sees it (scalars such as DateTime serialise on the wire).
    return JSON.parse(JSON.stringify(response.body.singleResult));
  };
  const execRaw = (query: string, variables?: Record<string, unknown>) => execAs(admin, query, variables);
  return {
    db,
    url,
    app,
    config,
    admin,
    context: (actor = admin) => app.contextFor(actor),
    execRaw,
    execAs,
    async exec(query, variables) {
      const result = await execRaw(query, variables);
      if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
      return result.data;
    },
    async createUser(role, email, password = 'correct horse battery') {
      const em = db.fork();
      const name = `${role.toLowerCase()} ${++userCounter}`;
      const now = new Date();
      const user = em.create(
        User,
        {
          name,
          nameFolded: fold(name),
          email: (email ?? `${role.toLowerCase()}${userCounter}@example.com`).toLowerCase(),
          role,
          active: true,
          passwordHash: await hashPassword(password),
          mustChangePassword: false,
          createdAt: now,
          updatedAt: now,
        },
        PARTIAL,
      );
      await em.flush();
      return { user, actor: userActor(user), password };
    },
    async createToken(scopes, options = {}) {
      return (await issueApiToken(db.fork(), options.creatorKey ?? adminKey, { name: `test token ${++userCounter}`, scopes, expiresAt: options.expiresAt })).secret;
    },
    async close() {
      await app.apollo.stop();
      await drop();
    },
  };
}
