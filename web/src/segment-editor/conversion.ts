import type { MatchMode, RuleGroupType, RuleType } from 'react-querybuilder';
import type { FilterGroupInput, FilterNodeInput, FilterScope, FilterValueInput, Quantifier } from '@/graphql/gql/graphql';

/**
 * The one place where react-querybuilder's tree (what the builder edits) and the API's filter tree
 * (`FilterGroupInput`, what is previewed and saved) meet. Lossless both ways up to defaults:
 * `toFilter(toQuery(t))` is `normalizeFilter(t)` and `toQuery(toFilter(q))` is `q` without ids
 * (conversion.test.ts proves both with fast-check).
 *
 * - A group is a group: combinator AND / OR (used as react-querybuilder's combinator names), `not`.
 * - A rule keeps the API's field id and operator names, and its value is the API's
 *   `FilterValueInput` itself (the value editors write its slots), so no value is reinterpreted.
 * - A scoped group ("has some / no / all / at least n deals where …") is a rule on the scope's
 *   field (`@DEALS`) with a match mode and a nested query as its value: react-querybuilder's own
 *   match modes and subproperties. The scoped group's `not` is the nested query's `not`.
 */

const SCOPE_PREFIX = '@';
/** The operator of a match-mode rule (react-querybuilder needs one; it is not shown). */
export const SCOPE_OPERATOR = 'SCOPE';
/**
 * The scopes a match-mode field name (`@DEALS`) may name: the language's own vocabulary, checked
 * against the schema's FilterScope (a new scope is a type error here). What the builder offers,
 * and how it is labelled, comes from the API (`segmentScopes`).
 */
const KNOWN_SCOPES = { DEALS: true, PURCHASES: true, ORDERS: true, ACTIVITIES: true } as const satisfies Record<FilterScope, true>;
export const SCOPES = Object.keys(KNOWN_SCOPES) as FilterScope[];

export function scopeFieldName(scope: FilterScope): string {
  return `${SCOPE_PREFIX}${scope}`;
}

export function scopeOfField(field: string): FilterScope | null {
  if (!field.startsWith(SCOPE_PREFIX)) return null;
  const scope = field.slice(SCOPE_PREFIX.length) as FilterScope;
  return SCOPES.includes(scope) ? scope : null;
}

const MODE_OF: Record<Quantifier, MatchMode> = { SOME: 'some', NONE: 'none', ALL: 'all', AT_LEAST: 'atLeast', AT_MOST: 'atMost', EXACTLY: 'exactly' };
const QUANTIFIER_OF: Record<MatchMode, Quantifier> = { some: 'SOME', none: 'NONE', all: 'ALL', atLeast: 'AT_LEAST', atMost: 'AT_MOST', exactly: 'EXACTLY' };

// ---------------------------------------------------------------------------------------------
// API tree -> builder

/** The builder's query for a filter tree. A scoped root (integrators may send one) becomes the only rule of an AND root. */
export function toQuery(filter: FilterGroupInput): RuleGroupType {
  if (filter.scope) return { combinator: 'AND', not: false, rules: [scopedGroupToRule(filter)] };
  return groupToQuery(filter);
}

function groupToQuery(group: FilterGroupInput): RuleGroupType {
  return { combinator: group.combinator ?? 'AND', not: Boolean(group.not), rules: (group.rules ?? []).map(nodeToQuery) };
}

function nodeToQuery(node: FilterNodeInput): RuleType | RuleGroupType {
  if (node.rule) {
    const { field, operator, value } = node.rule;
    return { field, operator, value: value ? cleanValue(value) : null };
  }
  const group = node.group!;
  return group.scope ? scopedGroupToRule(group) : groupToQuery(group);
}

function scopedGroupToRule(group: FilterGroupInput): RuleType {
  const quantifier = group.quantifier ?? 'SOME';
  const match: RuleType['match'] = { mode: MODE_OF[quantifier] };
  if (group.threshold !== null && group.threshold !== undefined) match.threshold = group.threshold;
  return { field: scopeFieldName(group.scope!), operator: SCOPE_OPERATOR, value: groupToQuery({ ...group, scope: null }), match };
}

// ---------------------------------------------------------------------------------------------
// builder -> API tree

export interface FilterWithPaths {
  filter: FilterGroupInput;
  /** API path (joined with ".", relative to the filter, e.g. "rules.0.group.rules.1.rule") -> builder id. */
  idsByPath: Map<string, string>;
}

/** The API's filter tree for the builder's query, and where each builder element went. */
export function toFilterWithPaths(query: RuleGroupType): FilterWithPaths {
  const idsByPath = new Map<string, string>();
  const filter = queryGroupToFilter(query, [], idsByPath);
  return { filter, idsByPath };
}

export function toFilter(query: RuleGroupType): FilterGroupInput {
  return toFilterWithPaths(query).filter;
}

function remember(idsByPath: Map<string, string>, path: string[], id: string | undefined): void {
  if (id) idsByPath.set(path.join('.'), id);
}

function queryGroupToFilter(group: RuleGroupType, path: string[], idsByPath: Map<string, string>): FilterGroupInput {
  remember(idsByPath, path, group.id);
  return {
    combinator: group.combinator === 'OR' ? 'OR' : 'AND',
    not: Boolean(group.not),
    rules: group.rules.flatMap((item, index): FilterNodeInput[] => {
      if (typeof item === 'string') return []; // independent combinators are not used
      return [queryNodeToFilter(item, [...path, 'rules', String(index)], idsByPath)];
    }),
  };
}

function queryNodeToFilter(item: RuleType | RuleGroupType, path: string[], idsByPath: Map<string, string>): FilterNodeInput {
  if ('rules' in item) return { group: queryGroupToFilter(item, [...path, 'group'], idsByPath) };
  const scope = scopeOfField(item.field);
  if (scope) {
    remember(idsByPath, path, item.id);
    const nested: RuleGroupType = isRuleGroupValue(item.value) ? item.value : { combinator: 'AND', rules: [] };
    const inner = queryGroupToFilter(nested, [...path, 'group'], idsByPath);
    // The match rule itself, not its nested root, answers for the group (its header is the rule's).
    remember(idsByPath, [...path, 'group'], item.id);
    const quantifier = QUANTIFIER_OF[item.match?.mode ?? 'some'] ?? 'SOME';
    const group: FilterGroupInput = { combinator: inner.combinator, not: inner.not, scope, quantifier, rules: inner.rules };
    const threshold = item.match?.threshold;
    if (typeof threshold === 'number' && Number.isFinite(threshold)) group.threshold = threshold;
    return { group };
  }
  remember(idsByPath, path, item.id);
  remember(idsByPath, [...path, 'rule'], item.id);
  const value = isValueInput(item.value) ? cleanValue(item.value) : null;
  return {
    rule:
      value && Object.keys(value).length > 0
        ? { field: item.field, operator: item.operator as FilterNodeRuleOperator, value }
        : { field: item.field, operator: item.operator as FilterNodeRuleOperator },
  };
}

type FilterNodeRuleOperator = NonNullable<FilterNodeInput['rule']>['operator'];

function isRuleGroupValue(value: unknown): value is RuleGroupType {
  return typeof value === 'object' && value !== null && Array.isArray((value as RuleGroupType).rules);
}

function isValueInput(value: unknown): value is FilterValueInput {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value's filled slots only (null / undefined slots dropped). */
export function cleanValue(value: FilterValueInput): FilterValueInput {
  const result: Record<string, unknown> = {};
  for (const [slot, content] of Object.entries(value)) if (content !== null && content !== undefined) result[slot] = content;
  return result;
}

// ---------------------------------------------------------------------------------------------

/**
 * A filter tree with the API's defaults spelled out and empty slots dropped: what `toFilter(toQuery(t))`
 * returns for `t`. A scoped root is wrapped in an AND root, as `toQuery` does.
 */
export function normalizeFilter(filter: FilterGroupInput): FilterGroupInput {
  if (filter.scope) return { combinator: 'AND', not: false, rules: [{ group: normalizeGroup(filter) }] };
  return normalizeGroup(filter);
}

function normalizeGroup(group: FilterGroupInput): FilterGroupInput {
  const result: FilterGroupInput = {
    combinator: group.combinator ?? 'AND',
    not: Boolean(group.not),
    rules: (group.rules ?? []).map((node) => {
      if (node.rule) {
        const value = node.rule.value ? cleanValue(node.rule.value) : null;
        return { rule: value && Object.keys(value).length > 0 ? { field: node.rule.field, operator: node.rule.operator, value } : { field: node.rule.field, operator: node.rule.operator } };
      }
      return { group: normalizeGroup(node.group!) };
    }),
  };
  if (group.scope) {
    result.scope = group.scope;
    result.quantifier = group.quantifier ?? 'SOME';
    if (group.threshold !== null && group.threshold !== undefined) result.threshold = group.threshold;
  }
  return result;
}

/** An empty filter for a new segment: one AND group without rules. */
export function emptyQuery(): RuleGroupType {
  return { combinator: 'AND', not: false, rules: [] };
}
