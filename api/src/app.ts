import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { exportHandler } from './segments/export';
import express from 'express';
import type { GraphQLFormattedError } from 'graphql';
import http from 'node:http';
import type { Config } from './config';
import { createContext, type Actor, type Context, type RequestMeta } from './common/context';
import { authenticate } from './auth/authenticate';
import { sessionSecretFrom } from './auth/sessions';
import type { Database } from './db/orm';
import { getSchema } from './schema';

export interface App {
  apollo: ApolloServer<Context>;
  httpServer: http.Server;
  /** Builds a request context for an actor (tests execute operations through it). */
  contextFor(actor: Actor | null, request?: RequestMeta): Context;
}

/** What the API knows of the HTTP exchange: the client, its session cookie, where to set cookies. */
function requestMeta(req: express.Request, res: express.Response): RequestMeta {
  return {
    ip: req.ip ?? 'unknown',
    userAgent: req.get('user-agent') ?? null,
    sessionSecret: sessionSecretFrom(req.headers.cookie),
    cookies: { set: (header) => res.append('Set-Cookie', header), secure: req.secure },
  };
}

/**
 * Unexpected errors reach clients as a code and a generic message; the details go to the log.
 * Expected failures never get here: they are `errors` in mutation payloads.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  const known = typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR';
  if (known) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  console.error('[graphql] unexpected error:', error);
  return { message: 'Something went wrong on our side; the error has been logged.', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

export async function createApp(db: Database, config: Config): Promise<App> {
  const app = express();
  // X-Forwarded-For/-Proto are believed from these proxies only (default: loopback, i.e. the web
  // server on the same machine), so sign-in limits see the browser's address and HTTPS is detected.
  app.set('trust proxy', config.trustProxy);
  const httpServer = http.createServer(app);
  const plugins: ApolloServerPlugin<Context>[] = [ApolloServerPluginDrainHttpServer({ httpServer })];
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
  app.get('/export/segments/:id/:file', exportHandler(db, config));
  app.use(
    '/graphql',
    // Large enough for the biggest import text (MAX_IMPORT_BYTES) with JSON escaping around it.
    express.json({ limit: Math.max(20 * 1048576, Math.ceil(config.maxImportBytes * 1.25) + 65536) }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const ctx = createContext(db, config, null, requestMeta(req, res));
        ctx.actor = await authenticate(ctx.em, config, { authorization: req.headers.authorization, cookie: req.headers.cookie });
        return ctx;
      },
    }),
  );

  return { apollo, httpServer, contextFor: (actor, request) => createContext(db, config, actor, request) };
}
