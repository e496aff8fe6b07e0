import type { SqlEntityManager } from '@mikro-orm/knex';
import { keyOf } from '../common/global-id';
import { UserError, UserErrorCode } from '../common/user-error';
import type { FilterGroup } from '../filter/language/tree';
import { Segment } from './definition/segment.entity';
import { MEMBERSHIP_FIELD } from './definition/segment.fields';

/** Every `segment.membership` rule of a stored or submitted tree, with its path and the keys it names. */
export function membershipRules(tree: FilterGroup | null | undefined, path: string[] = []): Array<{ path: string[]; keys: number[] }> {
  if (!tree?.rules) return [];
  return tree.rules.flatMap((node, i) => {
    const here = [...path, 'rules', String(i)];
    if (node.group) return membershipRules(node.group, [...here, 'group']);
    if (node.rule?.field !== MEMBERSHIP_FIELD) return [];
    const keys = (node.rule.value?.ids ?? []).map((id) => keyOf(id, 'Segment')).filter((k): k is number => k !== null);
    return [{ path: [...here, 'rule', 'value'], keys }];
  });
}

/**
 * A segment may not reach itself through membership rules, directly or through others. Walks the
 * stored definitions from each rule of `tree`; one query per level of the reference graph.
 */
export async function segmentCycles(em: SqlEntityManager, selfKey: number, tree: FilterGroup | null | undefined, pathPrefix: string[]): Promise<UserError[]> {
  const problems: UserError[] = [];
  const uses = new Map<number, number[]>();
  for (const rule of membershipRules(tree)) {
    const seen = new Set<number>();
    let frontier = rule.keys;
    let cycle = false;
    while (frontier.length && !cycle) {
      if (frontier.includes(selfKey)) {
        cycle = true;
        break;
      }
      frontier.forEach((k) => seen.add(k));
      const unknown = frontier.filter((k) => !uses.has(k));
      if (unknown.length) {
        for (const segment of await em.find(Segment, { key: { $in: unknown } }, { fields: ['key', 'filter'] })) {
          uses.set(
            segment.key,
            membershipRules(segment.filter).flatMap((r) => r.keys),
          );
        }
        unknown.filter((k) => !uses.has(k)).forEach((k) => uses.set(k, []));
      }
      frontier = [...new Set(frontier.flatMap((k) => uses.get(k) ?? []))].filter((k) => !seen.has(k));
    }
    if (cycle) {
      problems.push(
        UserError.of(
          [...pathPrefix, ...rule.path],
          UserErrorCode.SEGMENT_CYCLE,
          'This membership rule leads back to the segment itself (directly or through other segments); a segment cannot depend on itself.',
        ),
      );
    }
  }
  return problems;
}
