import type { RecordKind } from '../common/record-kind';
import { UserError, UserErrorCode } from '../common/user-error';
import type { Path, WriteContext } from '../common/write-context';
import { BUILT_IN_ADMIN_EMAIL, User } from './user.entity';
import type { UserInput } from './user.inputs';

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
    return { changes: { name: name ?? undefined, email, role: input.role ?? undefined, active: input.active ?? undefined } };
  },
  async checkDelete(_em, user) {
    return user.email === BUILT_IN_ADMIN_EMAIL
      ? [UserError.of(['id'], UserErrorCode.IN_USE, 'The built-in administrator cannot be deleted.')]
      : [];
  },
};
