import { Arg, Ctx, Field, ID, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { Context } from '../request/context';
import { keyOf } from '../common/global-id';
import { UserError, UserErrorCode } from '../common/user-error';
import { User } from '../users/user.entity';
import { Scope } from '../auth/actor';
import { Requires } from '../request/guards';
import { hashPassword } from '../auth/passwords';
import { oneTimePassword } from '../auth/secrets';
import { endAllSessions } from '../auth/sessions';
import { AuditAction, AuditSubjectType } from '../audit/audit.enums';
import { recordAudit } from '../audit/record-audit';
import { inTransaction } from '../records/crud.service';

@ObjectType()
class OneTimePasswordPayload {
  @Field(() => User, { nullable: true }) user!: User | null;
  @Field(() => String, { nullable: true, description: 'Give it to the user: they sign in with it and must then choose their own. Shown this once.' })
  oneTimePassword!: string | null;
  @Field(() => [UserError]) errors!: UserError[];
}

@Resolver()
export class UserPasswordResolver {
  @Requires(Scope.ADMIN)
  @Mutation(() => OneTimePasswordPayload, { description: "Gives a user a new one-time password (for a new user, or a forgotten password); ends the user's sessions." })
  async resetUserPassword(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<OneTimePasswordPayload> {
    const key = keyOf(id, 'User');
    const user = key === null ? null : await ctx.em.findOne(User, { key });
    if (!user) return { user: null, oneTimePassword: null, errors: [UserError.of(['id'], UserErrorCode.NOT_FOUND, 'There is no such user.')] };
    if (!user.email) return { user: null, oneTimePassword: null, errors: [UserError.of(['id'], UserErrorCode.REQUIRED, 'Give the user an e-mail address first: it is what they sign in with.')] };
    const password = oneTimePassword();
    const passwordHash = await hashPassword(password);
    await inTransaction(ctx.em, async () => {
      user.passwordHash = passwordHash;
      user.mustChangePassword = true;
      await ctx.em.flush();
      await endAllSessions(ctx.em, user.key);
      await recordAudit(ctx, { action: AuditAction.USER_PASSWORD_RESET, subject: { type: AuditSubjectType.USER, key: user.key, name: user.name } });
    });
    return { user, oneTimePassword: password, errors: [] };
  }
}
