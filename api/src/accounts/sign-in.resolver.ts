import { Arg, Ctx, Field, InputType, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../request/context';
import { UserError, UserErrorCode } from '../common/user-error';
import { User } from '../users/user.entity';
import { showOwnDetails } from '../users/staff-details';
import { requireActor, userActor } from '../auth/actor';
import { ApiToken } from '../auth/api-token.entity';
import { SignedIn } from '../request/guards';
import { hashPassword, passwordMatches, passwordProblem } from '../auth/passwords';
import { endAllSessions, endSession, startSession } from '../auth/sessions';
import { signInLimits } from '../auth/sign-in-limits';
import { Viewer, viewerOf } from '../auth/viewer';

@InputType()
class LogInInput {
  @Field() email!: string;
  @Field() password!: string;
}

@ObjectType({ description: 'The result of signing in: the viewer, or why not.' })
class LogInPayload {
  @Field(() => Viewer, { nullable: true })
  viewer!: Viewer | null;

  @Field(() => [UserError])
  errors!: UserError[];
}

@InputType()
class ChangePasswordInput {
  @Field() currentPassword!: string;
  @Field() newPassword!: string;
}

const MAX_INPUT = 1000;

/**
 * Browser sign-in. A session cookie (HttpOnly, SameSite=Lax, Secure over HTTPS) carries a random
 * secret; integrators use API tokens instead. Public: `me`, `logIn`, `logOut` (nothing else).
 */
@Resolver()
export class SignInResolver {
  @Query(() => Viewer, { nullable: true, description: 'Who this request acts as; null when signed out. Public.' })
  async me(@Ctx() ctx: Context): Promise<Viewer | null> {
    if (!ctx.actor) return null;
    const user = await ctx.em.findOneOrFail(User, { key: ctx.actor.userKey });
    const token = ctx.actor.tokenKey === null ? null : await ctx.em.findOne(ApiToken, { key: ctx.actor.tokenKey });
    return viewerOf(ctx.actor, user, token);
  }

  @Mutation(() => LogInPayload, { description: 'Signs in with e-mail and password and sets the session cookie. Public.' })
  async logIn(@Arg('input', () => LogInInput) input: LogInInput, @Ctx() ctx: Context): Promise<LogInPayload> {
    const email = input.email.trim().toLowerCase().slice(0, MAX_INPUT);
    const attempt = await signInLimits(ctx.config).signIn(ctx.request.ip, email);
    if (!attempt.allowed) return { viewer: null, errors: [UserError.tooManyAttempts([], attempt.retryAfterSeconds)] };
    let user: User | null = null;
    let matches = false;
    try {
      user = await ctx.em.findOne(User, { email }, { populate: ['passwordHash'] });
      matches = await passwordMatches(user?.active ? user.passwordHash : null, input.password.slice(0, MAX_INPUT));
    } finally {
      await attempt.finish(matches);
    }
    if (!user || !matches) {
      return { viewer: null, errors: [UserError.of(['input'], UserErrorCode.SIGN_IN_FAILED, 'The e-mail or the password is wrong.')] };
    }
    user.lastSignInAt = new Date();
    await ctx.em.flush();
    await startSession(ctx.em, ctx.config, ctx.request.cookies, user, ctx.request.userAgent);
    showOwnDetails(user);
    return { viewer: viewerOf(userActor(user), user, null), errors: [] };
  }

  @Mutation(() => Boolean, { description: 'Ends this browser session and clears its cookie. Public (answers true when already signed out).' })
  async logOut(@Ctx() ctx: Context): Promise<boolean> {
    await endSession(ctx.em, ctx.config, ctx.request.cookies, ctx.request.sessionSecret);
    return true;
  }

  @SignedIn()
  @Mutation(() => LogInPayload, { description: "Changes the signed-in user's password (required after a one-time password); other sessions of the user end." })
  async changePassword(@Arg('input', () => ChangePasswordInput) input: ChangePasswordInput, @Ctx() ctx: Context): Promise<LogInPayload> {
    const actor = requireActor(ctx.actor);
    if (actor.tokenKey !== null) {
      return { viewer: null, errors: [UserError.of([], UserErrorCode.INVALID, 'An API token has no password; sign in as the user to change it.')] };
    }
    const user = await ctx.em.findOneOrFail(User, { key: actor.userKey }, { populate: ['passwordHash'] });
    // Someone holding a session (a borrowed laptop) guesses the password to take the account over.
    const attempt = await signInLimits(ctx.config).passwordCheck(ctx.request.ip, user.key);
    if (!attempt.allowed) return { viewer: null, errors: [UserError.tooManyAttempts(['input', 'currentPassword'], attempt.retryAfterSeconds)] };
    let matches = false;
    try {
      matches = await passwordMatches(user.passwordHash, input.currentPassword.slice(0, MAX_INPUT));
    } finally {
      await attempt.finish(matches);
    }
    if (!matches) {
      return { viewer: null, errors: [UserError.of(['input', 'currentPassword'], UserErrorCode.SIGN_IN_FAILED, 'The current password is wrong.')] };
    }
    const problem = passwordProblem(input.newPassword, user.email);
    if (problem) return { viewer: null, errors: [UserError.of(['input', 'newPassword'], UserErrorCode.WEAK_PASSWORD, problem)] };
    if (input.newPassword === input.currentPassword) {
      return { viewer: null, errors: [UserError.of(['input', 'newPassword'], UserErrorCode.WEAK_PASSWORD, 'Choose a password different from the current one.')] };
    }
    user.passwordHash = await hashPassword(input.newPassword);
    user.mustChangePassword = false;
    await ctx.em.flush();
    await endAllSessions(ctx.em, user.key, ctx.request.sessionSecret);
    return { viewer: viewerOf(userActor(user), user, null), errors: [] };
  }
}
