import type { SqlEntityManager } from '@mikro-orm/knex';
import { GraphQLError } from 'graphql';
import type { Config } from '../config/config';
import type { Database } from '../db/orm';
import { tokenActor, userActor, type Actor } from './actor';
import { ApiToken } from './api-token.entity';
import { secretHash } from './secrets';
import { liveSessionUser, sessionSecretFrom, sessionUser } from './sessions';
import { tokenCacheOf } from './token-cache';
import { User } from '../users/user.entity';

/** The database as authentication uses it. */
export type DatabaseHandle = Pick<Database, 'orm' | 'fork'>;

/** What a request offers as a credential. */
export interface Credentials {
  authorization?: string;
  cookie?: string;
}

/** How often `lastUsedAt` of a token is written: enough to tell a dead token, without a write per request. */
const TOKEN_TOUCH_MS = 60_000;

function invalidToken(): GraphQLError {
  return new GraphQLError('This API token is unknown, expired or revoked. Ask an administrator for a new one.', {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: new Map([['www-authenticate', 'Bearer error="invalid_token"']]) } },
  });
}

/** The actor of a token that may be used now: not revoked, not expired, its creator active. */
function liveTokenActor(token: ApiToken | null, now: number): Actor | null {
  const creator = token?.createdBy.getEntity();
  if (!token || !creator?.active || token.revokedAt || (token.expiresAt && token.expiresAt.getTime() <= now)) return null;
  return tokenActor(token, creator);
}

/** Writes `lastUsedAt` when the stored one is older than TOKEN_TOUCH_MS (or missing); returns the time written. */
async function touch(em: SqlEntityManager, tokenKey: number, lastUsedAt: number | null, now: number): Promise<number | null> {
  if (lastUsedAt !== null && now - lastUsedAt <= TOKEN_TOUCH_MS) return lastUsedAt;
  await em.nativeUpdate(ApiToken, { key: tokenKey }, { lastUsedAt: new Date(now) });
  return now;
}

/** The token's actor: from the cache while it is trusted (token-cache.ts), else from the database. */
async function tokenActorFor(db: DatabaseHandle, config: Config, secret: string): Promise<Actor> {
  const hash = secretHash(secret);
  const now = Date.now();
  const cache = tokenCacheOf(db.orm.em as SqlEntityManager);
  const cached = config.credentialCacheMs > 0 ? cache.get(hash, config.credentialCacheMs, now) : null;
  if (cached) {
    if (cached.lastUsedAt === null || now - cached.lastUsedAt > TOKEN_TOUCH_MS) cached.lastUsedAt = await touch(db.fork(), cached.tokenKey, cached.lastUsedAt, now);
    return cached.actor;
  }
  const em = db.fork();
  const generation = cache.generation;
  const token = await em.findOne(ApiToken, { secretHash: hash }, { populate: ['createdBy'] });
  const actor = liveTokenActor(token, now);
  if (!token || !actor) throw invalidToken();
  const lastUsedAt = await touch(em, token.key, token.lastUsedAt?.getTime() ?? null, now);
  if (config.credentialCacheMs > 0) {
    cache.set(hash, { actor, tokenKey: token.key, expiresAt: token.expiresAt?.getTime() ?? null, lastUsedAt, checkedAt: now }, generation);
  }
  return actor;
}

/**
 * Who is making this request: an API token (`Authorization: Bearer sgt_…`, refused with a 401 when
 * it is not valid, since the caller clearly meant to use it), a session cookie (an expired one just
 * means "signed out"), or nobody (null: only public operations answer). An entity manager is forked
 * only when the database is asked (a cached token needs none).
 */
export async function authenticate(db: DatabaseHandle, config: Config, credentials: Credentials): Promise<Actor | null> {
  const authorization = credentials.authorization?.trim();
  if (authorization) {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
    if (!token || !token.startsWith('sgt_') || token.length > 100) throw invalidToken();
    return tokenActorFor(db, config, token);
  }
  const sessionSecret = sessionSecretFrom(credentials.cookie);
  if (!sessionSecret) return null;
  const session = await sessionUser(db.fork(), config, sessionSecret);
  return session ? { ...userActor(session.user), sessionKey: session.sessionKey } : null;
}

/**
 * What a signed export link names as who asked: the credential itself — the API token, or the
 * browser session — so the link dies when that token is revoked or that session signs out or
 * expires. A user without either (operations run in-process: tests, jobs) is named as the user.
 */
export function credentialSubject(actor: Actor): string {
  if (actor.tokenKey !== null) return `token:${actor.tokenKey}`;
  if (actor.sessionKey != null) return `session:${actor.sessionKey}`;
  return actor.subject;
}

/**
 * The actor named by a subject (`user:3`, `token:7`, `session:12`; see credentialSubject) as it
 * stands now, e.g. for a signed export link: a user deactivated, a token revoked or a session
 * ended since the link was made gets nothing.
 */
export async function actorForSubject(em: SqlEntityManager, subject: string): Promise<Actor | null> {
  const match = /^(user|token|session):(\d{1,12})$/.exec(subject);
  if (!match) return null;
  const key = Number(match[2]);
  if (match[1] === 'session') {
    const user = await liveSessionUser(em, key);
    return user ? { ...userActor(user), sessionKey: key } : null;
  }
  if (match[1] === 'user') {
    const user = await em.findOne(User, { key, active: true });
    return user ? userActor(user) : null;
  }
  return liveTokenActor(await em.findOne(ApiToken, { key }, { populate: ['createdBy'] }), Date.now());
}
