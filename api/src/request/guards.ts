import { GraphQLError } from 'graphql';
import { Authorized, type AuthChecker } from 'type-graphql';
import type { Context } from './context';
import { forbidden, unauthenticated, type Actor, type Scope } from '../auth/actor';

/**
 * Guards. Every query, mutation and sensitive field carries one of these decorators; the
 * authorization matrix test fails for an operation that answers a credential it should refuse,
 * and for an operation that answers without any credential unless it is listed as public.
 */

/** Needs any one of the scopes (a role's or a token's). */
export const Requires = (...scopes: Scope[]): MethodDecorator & PropertyDecorator => Authorized(...scopes);

/** Needs a signed-in user or a valid token, whatever its scopes (e.g. "who am I", change my password). */
export const SignedIn = (): MethodDecorator & PropertyDecorator => Authorized(SIGNED_IN);

const SIGNED_IN = 'signed-in';

export function passwordChangeRequired(): GraphQLError {
  return new GraphQLError('You signed in with a one-time password: choose your own password first.', {
    extensions: { code: 'PASSWORD_CHANGE_REQUIRED' },
  });
}

/** Throws the typed error for an actor that may not do what needs `scopes` (any one of them). */
export function assertAllowed(actor: Actor | null, scopes: readonly string[]): Actor {
  if (!actor) throw unauthenticated();
  const signedInOnly = scopes.length === 1 && scopes[0] === SIGNED_IN;
  if (signedInOnly) return actor;
  if (actor.passwordChangeRequired) throw passwordChangeRequired();
  if (scopes.length && !scopes.some((scope) => actor.scopes.includes(scope as Scope))) throw forbidden(scopes[0] as Scope);
  return actor;
}

/** type-graphql's hook for `@Authorized`: the roles it passes are our scopes. */
export const authChecker: AuthChecker<Context> = ({ context }, scopes) => {
  assertAllowed(context.actor, scopes);
  return true;
};
