import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { exportHandler } from './segments/export';
import { createExportCapacity, type ExportCapacity } from './segments/export-capacity';
import express from 'express';
import type { GraphQLFormattedError } from 'graphql';
import http, { type ServerResponse } from 'node:http';
import type { Config } from './config/config';
import { createContext, type Actor, type Context, type RequestMeta } from './request/context';
import { jsonErrors, jsonNotFound } from './common/http-errors';
import { compileTrust } from './common/client-address';
import { graphqlEndpoint, isGraphqlPost } from './common/graphql-endpoint';
import { checkAsMiddleware, type ApiRequest } from './common/http-request';
import { securityHeaders } from './common/security-headers';
import { inputGuard, maxInputDepth } from './request/input-guard';
import { authenticate } from './auth/authenticate';
import { sessionSecretFrom } from './auth/sessions';
import type { Database } from './db/orm';
import { getSchema } from './schema';
import { hasScope, Scope } from './auth/actor';
import { createLimits, withLimitCode } from './limits';

export interface App {
  apollo: ApolloServer<Context>;
  httpServer: http.Server;
  /** What CSV downloads hold now (tests and diagnostics read it); closed when Apollo stops. */
  exports: ExportCapacity;
  /** Builds a request context for an actor (tests execute operations through it). */
  contextFor(actor: Actor | null, request?: RequestMeta): Context;
}

/** What the API knows of the HTTP exchange: the client, its session cookie, where to set cookies. */
function requestMeta(req: ApiRequest, res: ServerResponse): RequestMeta {
  return {
    ip: req.ip ?? 'unknown',
    userAgent: req.headers['user-agent'] ?? null,
    sessionSecret: sessionSecretFrom(req.headers.cookie),
    cookies: { set: (header) => appendSetCookie(res, header), secure: req.secure === true },
  };
}

function appendSetCookie(res: ServerResponse, header: string): void {
  const earlier = res.getHeader('Set-Cookie');
  const cookies = earlier === undefined ? [] : Array.isArray(earlier) ? earlier : [String(earlier)];
  res.setHeader('Set-Cookie', [...cookies, header]);
}

/**
 * Who is making an HTTP request, worked out once per request: the limits need it before the body
 * is read (rate limit, import body size), the context after. An invalid credential rejects, and
 * the context answers it as before (401); the limits then count the request by client address.
 */
function actorPerRequest(db: Database, config: Config): (req: ApiRequest) => Promise<Actor | null> {
  const actors = new WeakMap<ApiRequest, Promise<Actor | null>>();
  return (req) => {
    let actor = actors.get(req);
    if (!actor) {
      actor = authenticate(db, config, { authorization: req.headers.authorization, cookie: req.headers.cookie });
      actor.catch(() => undefined);
      actors.set(req, actor);
    }
    return actor;
  };
}

/** Scopes of the mutations that may send an import-sized body (limits/import-operations.ts). */
const IMPORT_SCOPES = [Scope.SEGMENTS_WRITE, Scope.RECIPIENTS_WRITE, Scope.CRM_WRITE];

const VARIABLE_ERROR_LIMIT = 'Too many errors processing variables, error limit reached. Execution aborted.';

/**
 * Unexpected errors reach clients as a code and a generic message; the details go to the log.
 * Expected failures never get here: they are `errors` in mutation payloads.
 */
export function formatError(original: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  // graphql-js gives up after 50 bad variable values with an error of its own that has no code:
  // it is the client's input all the same (the 50 before it are BAD_USER_INPUT).
  if (original.message === VARIABLE_ERROR_LIMIT) return { message: original.message, extensions: { code: 'BAD_USER_INPUT' } };
  // Apollo's own refusals that carry an HTTP 4xx but no code (a persisted query whose hash does
  // not match its text): the client's mistake, not ours.
  const status = (error as { extensions?: { http?: { status?: number } } } | null)?.extensions?.http?.status;
  if (!original.extensions?.code || original.extensions.code === 'INTERNAL_SERVER_ERROR') {
    if (typeof status === 'number' && status >= 400 && status < 500) return { message: original.message, extensions: { code: 'BAD_REQUEST' } };
  }
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

/** Tries of /healthz's ping before it answers 503 (see there). */
const HEALTH_ATTEMPTS = 5;

export async function createApp(db: Database, config: Config): Promise<App> {
  const app = express();
  // X-Forwarded-For/-Proto are believed from these proxies only (default: loopback, i.e. the web
  // server on the same machine), so sign-in limits see the browser's address and HTTPS is detected.
  const trust = compileTrust(config.trustProxy);
  app.set('trust proxy', trust);
  app.disable('x-powered-by');
  app.use(securityHeaders({ landingPage: config.landingPage }));
  const actorOf = actorPerRequest(db, config);
  const knownActor = (req: ApiRequest) => actorOf(req).catch(() => null);
  const limits = createLimits(config, {
    subjectOf: async (req) => (await knownActor(req))?.subject,
    // Only a credential that may run an import mutation may send an import-sized body.
    mayImport: async (req) => {
      const actor = await knownActor(req);
      return IMPORT_SCOPES.some((scope) => hasScope(actor, scope));
    },
  });
  // POST /graphql, every count, page and mutation, is answered without Express (graphql-endpoint.ts);
  // Express serves the rest. The server must exist before Apollo (the drain plugin holds it), the
  // endpoint after: it is set below, before createApp returns and anyone can listen.
  let graphqlPost: http.RequestListener = () => {
    throw new Error('POST /graphql before createApp returned.');
  };
  const httpServer = http.createServer((req, res) => {
    if (isGraphqlPost(req)) graphqlPost(req, res);
    else app(req, res);
  });
  const exports = createExportCapacity(db, config);
  // Stopping the server (SIGTERM, tests) drains HTTP first, which ends the downloads, then closes
  // the export pool, so no export connection outlives the app.
  const closeExports: ApolloServerPlugin<Context> = { serverWillStart: () => Promise.resolve({ serverWillStop: () => exports.close() }) };
  const plugins: Array<ApolloServerPlugin<Context>> = [
    ApolloServerPluginDrainHttpServer({ httpServer }),
    closeExports,
    // Apollo installs cache control by default: a hook around every field resolved (300 for a page
    // of 50 contacts) computing cache hints this API never gives (answers are per credential).
    ApolloServerPluginCacheControlDisabled(),
    inputGuard(maxInputDepth(config.filterLimits.maxDepth)),
    ...limits.apolloPlugins,
  ];
  const apollo = new ApolloServer<Context>({
    schema: await getSchema(),
    formatError,
    includeStacktraceInErrorResponses: false,
    // Apollo's default indents the JSON (2 spaces): 0.4 ms more per page of 50, and a larger body.
    stringifyResult: (result) => JSON.stringify(result),
    plugins,
    ...limits.apolloOptions,
  });
  await apollo.start();

  app.get('/healthz', async (_req, res) => {
    const ping = () => db.orm.em.getConnection().execute('select 1');
    // Again on failure: right after a database restart or failover the pool may still hand out
    // connections whose backends are gone (their error events not yet seen), several in a row
    // when several were idle; the pool drops each on its failure, and a later try asks a live
    // one. Down is when every try fails.
    for (let attempt = 1; ; attempt++) {
      try {
        await ping();
        return void res.json({ status: 'ok', database: db.kind });
      } catch {
        if (attempt === HEALTH_ATTEMPTS) return void res.status(503).json({ status: 'unavailable', database: db.kind });
      }
    }
  });
  app.get('/export/segments/:id/:file', limits.exportHttp, exportHandler(db, config, exports));
  const contextOf = async (req: ApiRequest, res: ServerResponse) => {
    const ctx = createContext(db, config, null, requestMeta(req, res));
    ctx.actor = await actorOf(req);
    return ctx;
  };
  const endpoint = graphqlEndpoint({ apollo, trust, admit: limits.graphqlHttp, context: contextOf });
  // The endpoint answers every failure itself (sendInternalError): nothing is left to await here.
  graphqlPost = (req, res) => void endpoint(req, res);
  app.use('/graphql', checkAsMiddleware(limits.graphqlHttp), expressMiddleware(apollo, { context: ({ req, res }) => contextOf(req, res) }));
  app.use(jsonNotFound());
  app.use(jsonErrors());

  return { apollo, httpServer, exports, contextFor: (actor, request) => createContext(db, config, actor, request) };
}
