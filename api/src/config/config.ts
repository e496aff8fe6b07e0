import { randomBytes } from 'node:crypto';
import path from 'node:path';

const processSecret = randomBytes(32).toString('base64url');

/** Every environment variable the API reads, with its default, in one typed place. */
export interface Config {
  /** `sqlite:<path>`, `postgres://…` / `postgresql://…`; unset = SQLite under ./data. */
  databaseUrl: string;
  port: number;
  /** Address the API listens on: loopback unless HOST says otherwise (e.g. `0.0.0.0` in a container). */
  host: string;
  /** Demo data size filled into an empty database on first start (1 = 1,000,000 contacts). */
  seedScale: number;
  defaultTimeZone: string;
  /** ISO 3166 region used to read phone numbers written without a country code. */
  defaultPhoneRegion: string;
  logLevel: 'silent' | 'error' | 'info' | 'debug';
  /** Largest number of rows one bulk upsert call accepts. */
  maxBulkRows: number;
  /** Largest `first` / `last` a connection accepts. */
  maxPageSize: number;
  /** Filter size limits: group nesting, rules in a tree, values in one rule. */
  filterLimits: { maxDepth: number; maxRules: number; maxValues: number };
  /**
   * Limits on a filter with the saved segments its membership rules name expanded (checked when
   * saving and before every count or page, see segments/filtering/reference-limits.ts): how deep references
   * chain, how many rules there are with each distinct referenced segment counted once, and how
   * long the SQL of one member type's predicate may be.
   */
  referenceLimits: ReferenceLimits;
  /** Largest text a static-segment import accepts (UTF-8 bytes); the default fits 100,000 lines. */
  maxImportBytes: number;
  /**
   * Signs the short-lived CSV export links. Unset: a random secret per process, which is fine for
   * one API process; several processes behind one address must share EXPORT_SECRET.
   */
  exportSecret: string;
  /** How long an export link stays valid, in seconds. */
  exportLinkSeconds: number;
  /**
   * Maintained membership (segments/maintainer.ts): queued changes applied per transaction, and
   * how long the maintainer rests when it finds nothing to do, how many days of size history are kept.
   */
  membership: { batchSize: number; idleMs: number; historyDays: number };
  /** Webhook deliveries (webhooks/deliverer.ts): the wait for a receiver, how long a delivery is retried, the rest between polls. */
  webhooks: { timeoutMs: number; retryHours: number; idleMs: number };
  /** What CSV downloads may hold (segments/export.ts), so stalled or many downloads cannot take the service. */
  exportLimits: ExportLimits;
  /** Express `trust proxy`: whose X-Forwarded-* headers to believe (`loopback`, a list of addresses, or a hop count). */
  trustProxy: string | number | boolean;
  /** Access: the first administrator and browser sessions. */
  auth: {
    /** Password of the administrator created on first start; unset = a one-time password printed then. */
    adminPassword: string | null;
    /** A session ends after this many hours without a request. */
    sessionIdleHours: number;
    /** ...and in any case this many days after signing in. */
    sessionMaxDays: number;
    /** Session cookie `Secure` flag: `auto` = when the request came over HTTPS (X-Forwarded-Proto). */
    cookieSecure: 'auto' | 'always' | 'never';
    /**
     * Progressive delay after a wrong password (sign-in per e-mail, changePassword per user): the
     * first failure holds that client for `firstSeconds`, each further one doubles it, up to `maxSeconds`.
     */
    failureDelay: { firstSeconds: number; maxSeconds: number };
    /** Wrong passwords one client address may give in 15 minutes over all e-mails and users. */
    clientFailures: number;
  };
  /**
   * How long an API token checked against the database is trusted without asking again, in ms
   * (0 = every request asks). Changes made through this API process (revoking, changing or
   * deleting the creator) apply to the next request; another API process sees them within this time.
   */
  credentialCacheMs: number;
  /** GraphQL document limits, checked before anything executes (see src/limits/). */
  graphqlLimits: GraphqlLimits;
  /** Largest /graphql request body in bytes, except import mutations (they get the import limit). */
  maxBodyBytes: number;
  /** Longest a count or a page of members/recipients may run, in ms; 0 = no limit. */
  queryTimeoutMs: number;
  /** Counts, pages, previews, membership checks and list totals: their own pool and admission (db/heavy-read-gate.ts). */
  heavyReads: HeavyReadSettings;
  /** Requests per subject (user, token, or client IP without one) per window; 0 points = off. */
  rateLimit: { points: number; windowSeconds: number };
  /**
   * Personal data: for a caller without crm:read, any member or recipient count below this is
   * reported as "fewer than k" (LiveCount.fewerThan); 0 = always exact.
   */
  minReportedCount: number;
  /** Distinct filters a caller without crm:read may evaluate per hour (per user or token); 0 = no budget. */
  filterEvaluationsPerHour: number;
  /** Whether the schema answers introspection (`__schema`, `__type`). */
  introspection: boolean;
  /** Whether GET /graphql from a browser shows Apollo's landing page (the Sandbox explorer). */
  landingPage: boolean;
}

export interface ExportLimits {
  /** Database connections (PostgreSQL) or reader threads (SQLite) for exports, apart from everything else. */
  poolSize: number;
  /** Downloads running at once in this process (waiting for a pool connection included); more get 429. */
  maxConcurrent: number;
  /** Downloads running at once per user or API token; more get 429. */
  maxPerCredential: number;
  /**
   * A download whose client has not taken what was written within this many ms is aborted (cursor
   * closed, connection freed); a download waits at most this long for a pool connection (then 503).
   */
  idleTimeoutMs: number;
}

export interface HeavyReadSettings {
  /**
   * PostgreSQL: connections of the heavy-read pool, apart from the ORM pool that serves sign-in,
   * writes and /healthz. SQLite: reader threads. Also the cap on heavy reads running at once.
   * null = the engine's default (6 on PostgreSQL, 2 readers on SQLite).
   */
  poolSize: number | null;
  /** Heavy reads one user or token may run at once (kept below the pool size, at least 1). */
  perCredential: number;
  /** Longest a heavy read waits for its turn before it answers SERVER_BUSY, in ms. */
  queueMs: number;
  /** SQLite: retired readers still running an abandoned statement at which no more are started. */
  sqliteMaxAbandoned: number;
}

export interface ReferenceLimits {
  /** Longest chain of segments naming each other. */
  maxDepth: number;
  /** Rules of the filter and of every distinct segment it reaches (each once): the work of one statement. */
  maxExpandedRules: number;
  /** The same, a segment counted again for every path that reaches it: what SQLite parses (it copies a CTE into each reader). */
  maxTreeRules: number;
  /** SQL of one member type's predicate, in bytes. */
  maxSqlBytes: number;
}

export interface GraphqlLimits {
  /** Deepest nesting of selections in one operation. */
  maxDepth: number;
  /** Aliased fields in one operation. */
  maxAliases: number;
  /** Lexical tokens in one document (names, punctuation, values): bounds parsing and validation. */
  maxTokens: number;
  /** Directives (`@include`, `@skip`…) in one operation. */
  maxDirectives: number;
  /** Cost of one operation: connections multiply what they select by `first`/`last` (src/limits/query-cost.ts). */
  maxCost: number;
  /** Operations in one batched HTTP request (a JSON array). */
  maxBatchSize: number;
}

/** The repository root: `./data` and the schema file are resolved against it, not the cwd of a workspace script. */
export const repoRoot = path.resolve(__dirname, '..', '..', '..'); // api/src/config (or api/dist/config) → the repository

export function defaultDatabaseUrl(): string {
  return `sqlite:${path.join(repoRoot, 'data', 'segmenta.sqlite')}`;
}

function numberFrom(name: string, fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`${name} must be a number, got "${raw}"`);
  return value;
}

/** A whole number of at least `min` (pool sizes, caps): anything else is a start-up error, not a silent fallback. */
function wholeFrom(name: string, fallback: number, env: NodeJS.ProcessEnv, min = 1): number {
  const value = numberFrom(name, fallback, env);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be a whole number of at least ${min}, got "${env[name]}"`);
  return value;
}

/** `true`/`1`/`on`/`yes` or `false`/`0`/`off`/`no`; unset = the fallback. */
function flagFrom(name: string, fallback: boolean, env: NodeJS.ProcessEnv): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'on', 'yes'].includes(raw)) return true;
  if (['false', '0', 'off', 'no'].includes(raw)) return false;
  throw new Error(`${name} must be true or false, got "${env[name]}"`);
}

/**
 * TRUST_PROXY as Express takes it; unset, the web server on this machine (loopback) and the reverse
 * proxies the web server trusts (TRUSTED_PROXIES, its own setting): the web server passes on the
 * hops those proxies vouched for, so the API must skip the same ones to reach the client's address.
 */
function trustProxyFrom(raw: string | undefined, trustedProxies: string | undefined): Config['trustProxy'] {
  if (!raw) return ['loopback', ...(trustedProxies ?? '').split(/[\s,]+/).filter(Boolean)].join(', ');
  if (raw === 'true' || raw === 'false') return raw === 'true';
  return /^\d+$/.test(raw) ? Number(raw) : raw;
}

function cookieSecureFrom(raw: string | undefined): Config['auth']['cookieSecure'] {
  if (!raw || raw === 'auto') return 'auto';
  if (raw === 'true' || raw === 'always') return 'always';
  if (raw === 'false' || raw === 'never') return 'never';
  throw new Error(`COOKIE_SECURE must be auto, true or false, got "${raw}"`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const logLevel = (env.LOG_LEVEL ?? 'info') as Config['logLevel'];
  // Introspection and the landing page help while building against the API; production hides them.
  const development = (env.NODE_ENV ?? process.env.NODE_ENV) !== 'production';
  const numberOf = (name: string, fallback: number) => numberFrom(name, fallback, env);
  return {
    databaseUrl: env.DATABASE_URL || defaultDatabaseUrl(),
    port: numberFrom('PORT', 4000),
    host: env.HOST?.trim() || '127.0.0.1',
    seedScale: numberFrom('SEED_SCALE', 0.001),
    defaultTimeZone: env.DEFAULT_TIME_ZONE || 'UTC',
    defaultPhoneRegion: (env.DEFAULT_PHONE_REGION || 'US').toUpperCase(),
    logLevel,
    maxBulkRows: numberFrom('MAX_BULK_ROWS', 5000),
    maxPageSize: numberFrom('MAX_PAGE_SIZE', 500),
    filterLimits: {
      maxDepth: numberFrom('FILTER_MAX_DEPTH', 8),
      maxRules: numberFrom('FILTER_MAX_RULES', 200),
      maxValues: numberFrom('FILTER_MAX_VALUES', 1000),
    },
    referenceLimits: {
      maxDepth: numberOf('FILTER_MAX_REFERENCE_DEPTH', 5),
      maxExpandedRules: numberOf('FILTER_MAX_EXPANDED_RULES', 1000),
      maxTreeRules: numberOf('FILTER_MAX_EXPANDED_TREE_RULES', 5000),
      maxSqlBytes: numberOf('FILTER_MAX_SQL_BYTES', 1024 * 1024),
    },
    maxImportBytes: numberFrom('MAX_IMPORT_BYTES', 16 * 1024 * 1024),
    exportSecret: env.EXPORT_SECRET || processSecret,
    exportLinkSeconds: numberFrom('EXPORT_LINK_SECONDS', 300),
    membership: { batchSize: numberFrom('MEMBERSHIP_BATCH_SIZE', 1000), idleMs: numberFrom('MEMBERSHIP_IDLE_MS', 200), historyDays: numberFrom('SIZE_HISTORY_DAYS', 400) },
    webhooks: { timeoutMs: numberFrom('WEBHOOK_TIMEOUT_MS', 10_000), retryHours: numberFrom('WEBHOOK_RETRY_HOURS', 24), idleMs: numberFrom('WEBHOOK_IDLE_MS', 1000) },
    exportLimits: {
      poolSize: wholeFrom('EXPORT_POOL_SIZE', 3, env),
      maxConcurrent: wholeFrom('EXPORT_MAX_CONCURRENT', 4, env),
      maxPerCredential: wholeFrom('EXPORT_MAX_PER_CREDENTIAL', 2, env),
      idleTimeoutMs: wholeFrom('EXPORT_IDLE_TIMEOUT_MS', 30_000, env, 100),
    },
    graphqlLimits: {
      maxDepth: numberOf('GRAPHQL_MAX_DEPTH', 12),
      maxAliases: numberOf('GRAPHQL_MAX_ALIASES', 30),
      maxTokens: numberOf('GRAPHQL_MAX_TOKENS', 2000),
      maxDirectives: numberOf('GRAPHQL_MAX_DIRECTIVES', 20),
      maxCost: numberOf('GRAPHQL_MAX_COST', 50000),
      maxBatchSize: numberOf('GRAPHQL_MAX_BATCH', 10),
    },
    maxBodyBytes: numberOf('GRAPHQL_MAX_BODY_BYTES', 1024 * 1024),
    queryTimeoutMs: numberOf('QUERY_TIMEOUT_MS', 15000),
    heavyReads: {
      poolSize: env.HEAVY_READ_POOL_SIZE ? numberOf('HEAVY_READ_POOL_SIZE', 0) : null,
      perCredential: numberOf('HEAVY_READS_PER_CREDENTIAL', 2),
      queueMs: numberOf('HEAVY_READ_QUEUE_MS', 5000),
      sqliteMaxAbandoned: numberOf('SQLITE_MAX_ABANDONED', 2),
    },
    rateLimit: { points: numberOf('RATE_LIMIT_POINTS', 600), windowSeconds: numberOf('RATE_LIMIT_WINDOW_SECONDS', 60) },
    minReportedCount: numberOf('MIN_REPORTED_COUNT', 10),
    filterEvaluationsPerHour: numberOf('FILTER_EVALUATIONS_PER_HOUR', 300),
    introspection: flagFrom('GRAPHQL_INTROSPECTION', development, env),
    landingPage: flagFrom('GRAPHQL_LANDING_PAGE', development, env),
    trustProxy: trustProxyFrom(env.TRUST_PROXY, env.TRUSTED_PROXIES),
    auth: {
      adminPassword: env.ADMIN_PASSWORD || null,
      sessionIdleHours: numberFrom('SESSION_IDLE_HOURS', 72),
      sessionMaxDays: numberFrom('SESSION_MAX_DAYS', 30),
      cookieSecure: cookieSecureFrom(env.COOKIE_SECURE),
      failureDelay: { firstSeconds: numberOf('SIGN_IN_DELAY_FIRST_SECONDS', 1), maxSeconds: numberOf('SIGN_IN_DELAY_MAX_SECONDS', 60) },
      clientFailures: numberOf('SIGN_IN_CLIENT_FAILURES', 100),
    },
    credentialCacheMs: numberOf('CREDENTIAL_CACHE_MS', 5000),
  };
}

export const config: Config = loadConfig();
