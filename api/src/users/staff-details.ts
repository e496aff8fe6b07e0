import { UseMiddleware, type MiddlewareFn } from 'type-graphql';

/**
 * The administrators' scope, by value: the user entity sits below auth/ (whose actor is made from
 * a user), so this file sees the request's actor only by its shape. auth/actor.ts checks that
 * this name is its Scope.ADMIN.
 */
export const STAFF_ADMIN_SCOPE = 'admin';

/** What this guard reads of the request context (request/context.ts's Context has it). */
interface ActorShape {
  actor: { userKey: number | null; scopes: readonly string[] } | null;
}

/**
 * Who may see a user's account details (e-mail, role, active state, sign-in state): administrators,
 * and the user themself (`me`, or a token acting for its creator). Everyone else who reads users —
 * a viewer looking at who created a segment, a marketer at a contact's responsible person — sees
 * them as id and name only: these fields answer null for them. Null rather than FORBIDDEN, so a
 * list of segments or contacts that names people still answers whole, without an error per row.
 * (Staff e-mails were visible to viewers, and an e-mail is what a sign-in guesser needs.)
 */
const adminOrSelf: MiddlewareFn<ActorShape> = async ({ root, context }, next) => {
  const actor = context.actor;
  const self = provedSelf.has(root as object) || (actor !== null && actor.userKey === (root as { key?: number }).key);
  return self || actor?.scopes.includes(STAFF_ADMIN_SCOPE) ? ((await next()) as unknown) : null;
};

/**
 * Users loaded by the request that just signed in as them (`logIn` runs without an actor): the
 * payload shows them their own details. Entities are per request, so nothing carries over.
 */
const provedSelf = new WeakSet<object>();

export function showOwnDetails(user: object): void {
  provedSelf.add(user);
}

export const AdminOrSelf = (): MethodDecorator & PropertyDecorator => UseMiddleware(adminOrSelf);

export const ADMIN_OR_SELF_NOTE = 'Administrators and the user themself only; null for everyone else.';
