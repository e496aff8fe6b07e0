import type { Context } from '../request/context';
import { UserError, UserErrorCode } from '../common/user-error';
import type { ReferencedDefinition } from './filtering/membership';
import { audienceOf } from './audience';
import { membershipRules } from './cycles';
import { SegmentKind } from './definition/segment.enums';
import { Segment } from './definition/segment.entity';

/** The limits a change to a referenced segment can break in the segments using it. */
const LIMIT_CODES = new Set([UserErrorCode.TOO_DEEP, UserErrorCode.TOO_MANY_RULES]);

/** Keys of the segments that name `key` in membership rules, directly or through others. */
function usersOf(key: number, segments: Segment[]): number[] {
  const usedBy = new Map<number, number[]>();
  for (const segment of segments) {
    for (const used of new Set(membershipRules(segment.filter).flatMap((r) => r.keys))) usedBy.set(used, [...(usedBy.get(used) ?? []), segment.key]);
  }
  const found = new Set<number>();
  const pending = [...(usedBy.get(key) ?? [])];
  while (pending.length) {
    const user = pending.pop()!;
    if (user === key || found.has(user)) continue;
    found.add(user);
    pending.push(...(usedBy.get(user) ?? []));
  }
  return [...found];
}

/**
 * Saving `definition` as segment `key` must not push a segment that uses it past the reference
 * limits (depth, expanded rules, SQL size): its counts would then fail. Each segment using it is
 * checked as it would be counted, with and without the change; a limit it breaks only with the
 * change refuses the save, naming it. One that was over a limit already does not block the edit.
 */
export async function referencingProblems(ctx: Context, definition: ReferencedDefinition): Promise<UserError[]> {
  if (definition.kind === SegmentKind.STATIC) return [];
  const dynamic = await ctx.em.find(Segment, { kind: SegmentKind.DYNAMIC }, { orderBy: { name: 'asc' } });
  const users = new Set(usersOf(definition.key, dynamic));
  const overrides = new Map([[definition.key, definition]]);
  for (const user of dynamic.filter((s) => users.has(s.key))) {
    const limitProblems = async (options: { overrides?: typeof overrides }) =>
      // Stored segments, not the caller's composition: no personal-field guard, no evaluation budget.
      (await audienceOf(ctx, { ...user, key: user.key }, { ...options, origin: 'saved' })).problems.filter((p) => LIMIT_CODES.has(p.code));
    const before = new Set((await limitProblems({})).map((p) => p.code));
    const broken = (await limitProblems({ overrides })).find((p) => !before.has(p.code));
    if (broken) {
      return [
        UserError.of(
          ['input', 'filter'],
          broken.code,
          `The segment "${user.name}" names this one in a membership rule (directly or through others); with this change it would break a limit: ${broken.message}`,
        ),
      ];
    }
  }
  return [];
}
