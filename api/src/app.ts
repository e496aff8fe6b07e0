import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { exportHandler } from './segments/export';
import express from 'express';
import type { GraphQLFormattedError } from 'graphql';
import http from 'node:http';
import type { Config } from './config';
import { createContext, type Context } from './common/context';
import { jsonErrors } from './common/http-errors';
import { inputGuard, maxInputDepth } from './common/input-guard';
import { userActor } from './auth/actor';
import type { Database } from './db/orm';
import { getSchema } from './schema';
import { UserRole } from './users/user.entity';

export interface App {
  apollo: ApolloServer<Context>;
  httpServer: http.Server;
  /** Builds a request context (tests execute operations through it). */
  context(): Context;
}

const VARIABLE_ERROR_LIMIT = 'Too many errors processing variables, error limit reached. Execution aborted.';

/**
 * Unexpected errors reach clients as a code and a generic message; the details go to the log.
 * Expected failures never get here: they are `errors` in mutation payloads.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  // graphql-js gives up after 50 bad variable values with an error of its own that has no code:
  // it is the client's input all the same (the 50 before it are BAD_USER_INPUT).
  if (formatted.message === VARIABLE_ERROR_LIMIT) return { message: formatted.message, extensions: { code: 'BAD_USER_INPUT' } };
  // Apollo's own refusals that carry an HTTP 4xx but no code (a persisted query whose hash does
  // not match its text): the client's mistake, not ours.
  const status = (error as { extensions?: { http?: { status?: number } } } | null)?.extensions?.http?.status;
  if (!formatted.extensions?.code || formatted.extensions.code === 'INTERNAL_SERVER_ERROR') {
    if (typeof status === 'number' && status >= 400 && status < 500) return { message: formatted.message, extensions: { code: 'BAD_REQUEST' } };
  }
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
  const plugins: ApolloServerPlugin<Context>[] = [ApolloServerPluginDrainHttpServer({ httpServer }), inputGuard(maxInputDepth(config.filterLimits.maxDepth))];
  if (process.env.NODE_ENV === 'production') plugins.push(ApolloServerPluginLandingPageDisabled());
  const apollo = new ApolloServer<Context>({
    schema: await getSchema(),
    formatError,
    includeStacktraceInErrorResponses: false,
    plugins,
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
  app.get('/export/segments/:id/:file', exportHandler(db, config, actor));
  app.use(
    '/graphql',
    // Large enough for the biggest import text (MAX_IMPORT_BYTES) with JSON escaping around it.
    express.json({ limit: Math.max(20 * 1048576, Math.ceil(config.maxImportBytes * 1.25) + 65536) }),
    expressMiddleware(apollo, { context: async () => createContext(db, config, actor) }),
  );
  app.use(jsonErrors());

  return { apollo, httpServer, context: () => createContext(db, config, actor) };
}
