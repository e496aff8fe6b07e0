import type { GraphQLFormattedError } from 'graphql';
import { createApp, type App } from '../src/app';
import { loadConfig, type Config } from '../src/config';
import type { DatabaseKind } from '../src/db/orm.config';
import type { Database } from '../src/db/orm';
import { ensureDefaults } from '../src/seed/defaults';
import { freshDatabase } from './databases';

export interface TestApi {
  db: Database;
  url: string;
  app: App;
  config: Config;
  /** Runs an operation through the real schema and context; throws on GraphQL errors unless `allowErrors`. */
  exec<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  execRaw(query: string, variables?: Record<string, unknown>): Promise<{ data?: any; errors?: readonly GraphQLFormattedError[] }>;
  close(): Promise<void>;
}

/** The API over a fresh, migrated database with the defaults (built-in admin, reference lists, pipeline). */
export async function startTestApi(kind: DatabaseKind, overrides: Partial<Config> = {}): Promise<TestApi> {
  const { db, url, drop } = await freshDatabase(kind);
  const config = { ...loadConfig({}), ...overrides };
  const adminKey = await ensureDefaults(db);
  const app = await createApp(db, config, adminKey);
  const execRaw = async (query: string, variables?: Record<string, unknown>) => {
    const response = await app.apollo.executeOperation({ query, variables }, { contextValue: app.context() });
    if (response.body.kind !== 'single') throw new Error('incremental delivery is not expected');
    // Through JSON, as a client sees it (scalars such as DateTime serialise on the wire).
    return JSON.parse(JSON.stringify(response.body.singleResult));
  };
  return {
    db,
    url,
    app,
    config,
    execRaw,
    async exec(query, variables) {
      const result = await execRaw(query, variables);
      if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
      return result.data as any;
    },
    async close() {
      await app.apollo.stop();
      await drop();
    },
  };
}
