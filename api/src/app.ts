import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { exportHandler } from './segments/export';
import express from 'express';
import type { GraphQLFormattedError } from 'graphql';
import http from 'node:http';
import type { Config } from './config';
import { createContext, type Context } from './common/context';
import { userActor } from './auth/actor';
import type { Database } from './db/orm';
import { getSchema } from './schema';
import { UserRole } from './users/user.entity';
import { createLimits, withLimitCode } from './limits';

export interface App {
  apollo: ApolloServer<Context>;
  httpServer: http.Server;
  /** Builds a request context (tests execute operations through it). */
  context(): Context;
}

/**
 * Unexpected errors reach clients as a code and a generic message; the details go to the log.
 * Expected failures never get here: they are `errors` in mutation payloads.
 */
export function formatError(original: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const formatted = withLimitCode(original);
  const code = formatted.extensions?.code;
  const known = typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR';
  if (known) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  console.error('[graphql] unexpected error:', error);
  return { message: 'Something went wrong on our side; the error has been logged.', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

export async function createApp(db: Database, config: Config, builtInAdminKey: number): Promise<App> {
  const actor = userActor({ key: builtInAdminKey, name: 'Administrator', role: UserRole.ADMIN });
  const app = express();
  const httpServer = http.createServer(app);
  // Rate limits count per actor; until requests carry credentials every request acts as the admin.
  const limits = createLimits(config, { subjectOf: () => actor.subject });
  const plugins: ApolloServerPlugin<Context>[] = [ApolloServerPluginDrainHttpServer({ httpServer }), ...limits.apolloPlugins];
  const apollo = new ApolloServer<Context>({
    schema: await getSchema(),
    formatError,
    includeStacktraceInErrorResponses: false,
    plugins,
    ...limits.apolloOptions,
  });
  await apollo.start();

  app.get('/healthz', async (_req, res) => {
    try {
      await db.orm.em.getConnection().execute('select 1');
      res.json({ status: 'ok', database: db.kind });
    } catch {
      res.status(503).json({ status: 'unavailable', database: db.kind });
    }
  });
  app.get('/export/segments/:id/:file', limits.exportHttp, exportHandler(db, config, actor));
  app.use(
    '/graphql',
    ...limits.graphqlHttp,
    expressMiddleware(apollo, { context: async () => createContext(db, config, actor) }),
  );

  return { apollo, httpServer, context: () => createContext(db, config, actor) };
}
