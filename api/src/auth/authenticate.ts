import type { SqlEntityManager } from '@mikro-orm/knex';
import { GraphQLError } from 'graphql';
import type { Config } from '../config';
import { tokenActor, userActor, type Actor } from './actor';
import { ApiToken } from './api-token.entity';
import { secretHash } from './secrets';
import { liveSessionUser, sessionSecretFrom, sessionUser } from './sessions';
import { User } from '../users/user.entity';

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

async function tokenActorFor(em: SqlEntityManager, secret: string): Promise<Actor> {
  const token = await em.findOne(ApiToken, { secretHash: secretHash(secret) }, { populate: ['createdBy'] });
  const now = Date.now();
  const actor = liveTokenActor(token, now);
  if (!token || !actor) throw invalidToken();
  if (!token.lastUsedAt || now - token.lastUsedAt.getTime() > TOKEN_TOUCH_MS) {
    await em.nativeUpdate(ApiToken, { key: token.key }, { lastUsedAt: new Date(now) });
  }
  return actor;
}

/**
 * Who is making this request: an API token (`Authorization: Bearer sgt_…`, refused with a 401 when
 * it is not valid, since the caller clearly meant to use it), a session cookie (an expired one just
 * means "signed out"), or nobody (null: only public operations answer).
 */
export async function authenticate(em: SqlEntityManager, config: Config, credentials: Credentials): Promise<Actor | null> {
  const authorization = credentials.authorization?.trim();
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match || !match[1].startsWith('sgt_') || match[1].length > 100) throw invalidToken();
    return tokenActorFor(em, match[1]);
  }
  const sessionSecret = sessionSecretFrom(credentials.cookie);
  if (!sessionSecret) return null;
  const session = await sessionUser(em, config, sessionSecret);
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
