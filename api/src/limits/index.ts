import type { ApolloServerOptions, ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { RequestHandler } from 'express';
import type { Context } from '../request/context';
import { allOf, type ApiRequest, type RequestCheck } from '../common/http-request';
import type { Config } from '../config/config';
import { ownUnitOfWorkPerBatchedOperation } from './batch-context';
import { batchSizeLimit, graphqlBodyParser, importBodyLimit } from './body-limit';
import { documentLimitsPlugin } from './document-limits';
import { isImportRequestBody } from './import-operations';
import { createRateLimiter, rateLimitCheck, rateLimitMiddleware, type RateLimiter, type RateLimitOptions } from './rate-limit';
import { weightOfBody } from './request-weight';

export { withLimitCode } from './document-limits';
export { consumeRate, createRateLimiter, rateLimitMiddleware } from './rate-limit';
export { LimitCode } from '../errors/limit-error';

/**
 * Everything that bounds what one client can make the API do, in one place (the README's
 * "Limits" section lists them with their defaults and error codes):
 *
 * - GraphQL documents: depth, aliases, tokens, directives, cost (document-limits.ts, query-cost.ts);
 * - HTTP: body size with a larger limit for imports, batch size, rate limit (body-limit.ts, rate-limit.ts);
 * - the database: a statement timeout on counts and pages (query-timeout.ts, applied in the request context),
 *   and their own pool with caps per credential and in all (db/heavy-read-gate.ts, db/heavy-reads.ts);
 * - what production shows: introspection, "did you mean" suggestions and the landing page.
 */
export interface LimitsOptions {
  /**
   * The subject requests are counted under (rate-limit.ts); null counts them per client IP. It is
   * read from the HTTP request, the way createApp finds the actor for the context, rather than by an
   * Apollo plugin from `contextValue.actor`: the CSV export route is no GraphQL request, a batch is
   * refused whole (one 429) before Apollo parses any of it, and operations run in-process
   * (`executeOperation`, tests) are not counted.
   */
  subjectOf: RateLimitOptions['subjectOf'];
  /** Whether a request may send an import-sized body (body-limit.ts). Default: every request. */
  mayImport?: (req: ApiRequest) => boolean | Promise<boolean>;
}

export interface Limits {
  /** Spread into the ApolloServer options. */
  apolloOptions: Pick<ApolloServerOptions<BaseContext>, 'introspection' | 'hideSchemaDetailsFromClientErrors' | 'allowBatchedHttpRequests' | 'parseOptions'>;
  apolloPlugins: Array<ApolloServerPlugin<Context>>;
  /** In front of GraphQL on /graphql: reads the body within its limit, then batch size, rate limit. */
  graphqlHttp: RequestCheck;
  /** In front of the CSV export route: the same rate limit (one point per download). */
  exportHttp: RequestHandler;
  /** The request budget, shared by /graphql and /export. */
  rateLimiter: RateLimiter | null;
}

export function createLimits(config: Config, options: LimitsOptions): Limits {
  const limits = config.graphqlLimits;
  const rateLimiter = createRateLimiter(config.rateLimit);
  return {
    apolloOptions: {
      introspection: config.introspection,
      // "Did you mean …?" in validation errors spells out the schema: hidden wherever introspection is.
      hideSchemaDetailsFromClientErrors: !config.introspection,
      allowBatchedHttpRequests: true,
      // graphql-js stops lexing at the limit: a huge document is never parsed or validated.
      parseOptions: { maxTokens: limits.maxTokens },
    },
    apolloPlugins: [
      documentLimitsPlugin({ ...limits, maxPageSize: config.maxPageSize }),
      ownUnitOfWorkPerBatchedOperation(),
      config.landingPage ? ApolloServerPluginLandingPageLocalDefault({ footer: false }) : ApolloServerPluginLandingPageDisabled(),
    ],
    graphqlHttp: allOf(
      graphqlBodyParser({
        limit: config.maxBodyBytes,
        importLimit: importBodyLimit(config.maxImportBytes),
        mayImport: options.mayImport ?? (() => true),
        isImport: (body) => isImportRequestBody(body, limits.maxTokens),
      }),
      batchSizeLimit(limits.maxBatchSize),
      // Each batched operation, and each count or page it asks for, spends a point (request-weight.ts).
      rateLimitCheck(rateLimiter, { subjectOf: options.subjectOf, pointsOf: (req) => weightOfBody(req, limits.maxTokens) }),
    ),
    exportHttp: rateLimitMiddleware(rateLimiter, { subjectOf: options.subjectOf }),
    rateLimiter,
  };
}
