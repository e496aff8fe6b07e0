import { GraphQLError } from 'graphql';
import { STAFF_ADMIN_SCOPE } from '../users/staff-details';
import { UserRole } from '../users/user.entity';

/**
 * What a credential may do. Users get the scopes of their role; API tokens get the scopes they
 * were created with, narrowed to what their creator's role allows today (a demoted or deactivated
 * creator takes the token's rights down too).
 */
export enum Scope {
  /** Read CRM records: contacts, companies, leads, deals, products, orders, activities. */
  CRM_READ = 'crm:read',
  /** Create, change, delete and bulk-upsert CRM records. */
  CRM_WRITE = 'crm:write',
  /** Read segments, their definitions and counts; the filter catalog and templates. */
  SEGMENTS_READ = 'segments:read',
  /** Create, change, delete segments; import into static segments. */
  SEGMENTS_WRITE = 'segments:write',
  /** See who is in a segment: members, recipient addresses and names, CSV exports, the stop list. */
  RECIPIENTS_READ = 'recipients:read',
  /** Add to and remove from the stop list. */
  RECIPIENTS_WRITE = 'recipients:write',
  /** Reference lists, pipelines and stages, custom fields. */
  SETTINGS_WRITE = 'settings:write',
  /** Users, API tokens, the audit log. Never granted to a token. */
  ADMIN = 'admin',
}

// The user entity's field guard names the administrators' scope by value (users/ sits below auth/).
STAFF_ADMIN_SCOPE satisfies `${Scope.ADMIN}`;

export const ALL_SCOPES: readonly Scope[] = Object.values(Scope);
/** Scopes an API token may carry (administration stays with people). */
export const TOKEN_SCOPES: readonly Scope[] = ALL_SCOPES.filter((scope) => scope !== Scope.ADMIN);

export const ROLE_SCOPES: Readonly<Record<UserRole, readonly Scope[]>> = {
  [UserRole.ADMIN]: ALL_SCOPES,
  [UserRole.MARKETER]: [Scope.CRM_READ, Scope.CRM_WRITE, Scope.SEGMENTS_READ, Scope.SEGMENTS_WRITE, Scope.RECIPIENTS_READ, Scope.RECIPIENTS_WRITE],
  [UserRole.VIEWER]: [Scope.SEGMENTS_READ],
};

/** Who is acting on a request: a signed-in user, or an API token acting for the admin who made it. */
export interface Actor {
  /** `user:3` or `token:7`: rate limits and logs key on it. */
  subject: string;
  /** The user (for a token: its creator); audit columns point at it. */
  userKey: number;
  /** The API token, when the request came with one. */
  tokenKey: number | null;
  /** The browser session, when the request came with its cookie (export links die with it). */
  sessionKey?: number | null;
  role: UserRole;
  scopes: readonly Scope[];
  /** For people reading logs: "Ana Silva" or "token CRM sync (Ana Silva)". */
  label: string;
  /** Signed in with a one-time password: only changing it (and signing out) is allowed. */
  passwordChangeRequired: boolean;
}

export function userActor(user: { key: number; name: string; role: UserRole; mustChangePassword?: boolean }): Actor {
  return {
    subject: `user:${user.key}`,
    userKey: user.key,
    tokenKey: null,
    role: user.role,
    scopes: ROLE_SCOPES[user.role],
    label: user.name,
    passwordChangeRequired: user.mustChangePassword ?? false,
  };
}

/** A token acts for its creator, with its own scopes narrowed to what the creator's role allows today. */
export function tokenActor(token: { key: number; name: string; scopes: readonly Scope[] }, creator: { key: number; name: string; role: UserRole }): Actor {
  const allowed = new Set(ROLE_SCOPES[creator.role]);
  return {
    subject: `token:${token.key}`,
    userKey: creator.key,
    tokenKey: token.key,
    role: creator.role,
    scopes: token.scopes.filter((scope) => allowed.has(scope) && scope !== Scope.ADMIN),
    label: `token "${token.name}" (${creator.name})`,
    passwordChangeRequired: false,
  };
}

export function hasScope(actor: Actor | null, scope: Scope): boolean {
  return actor?.scopes.includes(scope) === true;
}

/** The actor of an authenticated request; resolvers behind a guard can rely on it. */
export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw unauthenticated();
  return actor;
}

export function unauthenticated(message = 'Sign in, or send an API token as "Authorization: Bearer <token>".'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED' } });
}

export function forbidden(scope: Scope): GraphQLError {
  return new GraphQLError(`This needs the "${scope}" permission, which your role or token does not have.`, {
    extensions: { code: 'FORBIDDEN', scope },
  });
}
