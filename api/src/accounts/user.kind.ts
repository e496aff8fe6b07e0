import type { SqlEntityManager } from '@mikro-orm/knex';
import { endAccessOf } from '../auth/end-access';
import { forgetTokens } from '../auth/token-cache';
import type { RecordKind } from '../records/record-kind';
import { UserError, UserErrorCode } from '../common/user-error';
import type { Path, WriteContext } from '../records/write-context';
import { BUILT_IN_ADMIN_EMAIL, User, UserRole } from '../users/user.entity';
import type { UserInput } from '../users/user.inputs';

/** Whether another active administrator than `user` exists: the service must never lock itself out. */
async function anotherActiveAdmin(em: SqlEntityManager, user: User): Promise<boolean> {
  return (await em.count(User, { role: UserRole.ADMIN, active: true, key: { $ne: user.key } })) > 0;
}

const LAST_ADMIN_MESSAGE = 'This is the last active administrator: make someone else an administrator first.';

export const userKind: RecordKind<User, UserInput> = {
  entity: User,
  noun: 'user',
  async prepare(input: UserInput, ctx: WriteContext, path: Path, existing: User | null) {
    const name = ctx.text(existing && input.name === undefined ? undefined : (input.name ?? null), [...path, 'name'], 200, true);
    const email = input.email == null ? input.email : input.email.trim().toLowerCase();
    if (email) {
      const owner = await ctx.em.findOne(User, { email });
      if (owner && owner.key !== existing?.key) ctx.problem([...path, 'email'], UserErrorCode.DUPLICATE, `${email} is already the e-mail of another user.`);
    }
    const demoted = input.role != null && input.role !== UserRole.ADMIN;
    const deactivated = input.active === false;
    if (existing?.role === UserRole.ADMIN && existing.active && (demoted || deactivated) && !(await anotherActiveAdmin(ctx.em, existing))) {
      ctx.problem([...path, demoted ? 'role' : 'active'], UserErrorCode.LAST_ADMIN, LAST_ADMIN_MESSAGE);
    }
    return { changes: { name: name ?? undefined, email, role: input.role ?? undefined, active: input.active ?? undefined } };
  },
  // Runs in the write's transaction: an inactive user keeps no session and no live token.
  async afterWrite(em, users) {
    await endAccessOf(
      em,
      users.filter((user) => !user.active).map((user) => user.key),
    );
  },
  async checkDelete(em, user) {
    if (user.email === BUILT_IN_ADMIN_EMAIL) return [UserError.of(['id'], UserErrorCode.IN_USE, 'The built-in administrator cannot be deleted.')];
    if (user.role === UserRole.ADMIN && user.active && !(await anotherActiveAdmin(em, user))) return [UserError.of(['id'], UserErrorCode.LAST_ADMIN, LAST_ADMIN_MESSAGE)];
    return [];
  },
  // The delete is a nativeDelete (its tokens go by cascade): cached tokens of the user go with it.
  async afterDelete(em) {
    forgetTokens(em);
  },
};
