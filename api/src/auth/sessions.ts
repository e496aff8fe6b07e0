import { parse, serialize } from 'cookie';
import type { SqlEntityManager } from '@mikro-orm/knex';
import type { Config } from '../config/config';
import type { User } from '../users/user.entity';
import { newSecret, secretHash } from './secrets';
import { UserSession } from './user-session.entity';

export const SESSION_COOKIE = 'segmenta_session';
const HOUR = 3_600_000;
/** A session's expiry moves forward at most this often, so a busy session is not a write per request. */
const SLIDE_EVERY_MS = 5 * 60_000;

export interface CookieJar {
  /** Adds a Set-Cookie header to the response. */
  set(header: string): void;
  /** Whether the request reached us over HTTPS (directly or through the web server / a proxy). */
  secure: boolean;
}

function cookieOptions(config: Config, jar: CookieJar) {
  const secure = config.auth.cookieSecure === 'always' || (config.auth.cookieSecure === 'auto' && jar.secure);
  // HttpOnly: page scripts never see it. SameSite=Lax: other sites' forms and scripts do not send it
  // (Apollo's CSRF prevention also refuses simple cross-site requests); links into the app still work.
  return { httpOnly: true, sameSite: 'lax' as const, secure, path: '/' };
}

export function sessionSecretFrom(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  const value = parse(cookieHeader)[SESSION_COOKIE];
  return value && value.startsWith('sgs_') && value.length < 100 ? value : null;
}

export async function startSession(em: SqlEntityManager, config: Config, jar: CookieJar, user: User, userAgent: string | null): Promise<void> {
  const secret = newSecret('sgs_');
  const now = Date.now();
  const expiresAt = new Date(Math.min(now + config.auth.sessionIdleHours * HOUR, now + config.auth.sessionMaxDays * 24 * HOUR));
  em.create(UserSession, { secretHash: secretHash(secret), user, createdAt: new Date(now), expiresAt, userAgent: userAgent?.slice(0, 300) ?? null }, { partial: true });
  await em.flush();
  jar.set(serialize(SESSION_COOKIE, secret, { ...cookieOptions(config, jar), maxAge: Math.floor((expiresAt.getTime() - now) / 1000) }));
}

export async function endSession(em: SqlEntityManager, config: Config, jar: CookieJar, secret: string | null): Promise<void> {
  if (secret) await em.nativeDelete(UserSession, { secretHash: secretHash(secret) });
  jar.set(serialize(SESSION_COOKIE, '', { ...cookieOptions(config, jar), maxAge: 0 }));
}

/** The user of a live session, sliding its expiry forward; null for an unknown or expired one. */
export async function sessionUser(em: SqlEntityManager, config: Config, secret: string): Promise<{ user: User; sessionKey: number } | null> {
  const session = await em.findOne(UserSession, { secretHash: secretHash(secret) }, { populate: ['user'] });
  if (!session) return null;
  const now = Date.now();
  const user = session.user.getEntity();
  if (session.expiresAt.getTime() <= now || !user.active) {
    await em.nativeDelete(UserSession, { key: session.key });
    return null;
  }
  const idleEnd = Math.min(now + config.auth.sessionIdleHours * HOUR, session.createdAt.getTime() + config.auth.sessionMaxDays * 24 * HOUR);
  if (idleEnd - session.expiresAt.getTime() > SLIDE_EVERY_MS) {
    await em.nativeUpdate(UserSession, { key: session.key }, { expiresAt: new Date(idleEnd) });
  }
  return { user, sessionKey: session.key };
}

/** The user of a session that is still live, by its key (an export link names it); nothing slides. */
export async function liveSessionUser(em: SqlEntityManager, sessionKey: number): Promise<User | null> {
  const session = await em.findOne(UserSession, { key: sessionKey }, { populate: ['user'] });
  const user = session?.user.getEntity();
  return session && user?.active && session.expiresAt.getTime() > Date.now() ? user : null;
}

/** Sign-out everywhere: after a password change or reset, or when an admin deactivates the user. */
export async function endAllSessions(em: SqlEntityManager, userKey: number, except?: string | null): Promise<void> {
  const keep = except ? { secretHash: { $ne: secretHash(except) } } : {};
  await em.nativeDelete(UserSession, { user: userKey, ...keep });
}
