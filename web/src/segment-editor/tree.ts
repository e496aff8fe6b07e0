import type { RuleGroupType, RuleType } from 'react-querybuilder';
import { scopeOfField } from './conversion';

/**
 * The rules a rule is judged with: those of its own group. For stages that is where the pipeline
 * rule must be (the API's STAGE_WITHOUT_PIPELINE), inside a match-mode rule's nested query or in a
 * plain group alike.
 */
export function siblingRules(root: RuleGroupType, ruleId: string): RuleType[] {
  const group = groupOf(root, ruleId);
  return group ? (group.rules.filter((item) => typeof item !== 'string' && !('rules' in item)) as RuleType[]) : [];
}

function groupOf(group: RuleGroupType, ruleId: string): RuleGroupType | null {
  for (const item of group.rules) {
    if (typeof item === 'string') continue;
    if ('rules' in item) {
      const found = groupOf(item, ruleId);
      if (found) return found;
      continue;
    }
    if (item.id === ruleId) return group;
    if (scopeOfField(item.field) && item.value && typeof item.value === 'object' && 'rules' in item.value) {
      const found = groupOf(item.value as RuleGroupType, ruleId);
      if (found) return found;
    }
  }
  return null;
}

/** The pipeline ids picked by `deal.pipeline IN [...]` rules beside a rule. */
export function pipelinesBeside(root: RuleGroupType, ruleId: string): string[] {
  return siblingRules(root, ruleId)
    .filter((rule) => rule.field === 'deal.pipeline' && rule.operator === 'IN')
    .flatMap((rule) => {
      // A rule's value is the builder's `any`; here it is a FilterValueInput, whose `ids` slot holds the picks.
      const ids: unknown = (rule.value as { ids?: unknown } | null | undefined)?.ids;
      return Array.isArray(ids) ? ids.map(String) : [];
    });
}

/** How many rules (match-mode rules and their nested rules included) the query holds. */
export function countRules(group: RuleGroupType): number {
  let count = 0;
  for (const item of group.rules) {
    if (typeof item === 'string') continue;
    if ('rules' in item) count += countRules(item);
    else {
      count += 1;
      if (scopeOfField(item.field) && item.value && typeof item.value === 'object' && 'rules' in item.value) count += countRules(item.value as RuleGroupType);
    }
  }
  return count;
}
