import type { FieldCatalog, FieldDef, ValuesSource } from '../model/catalog';
import { isValidZone } from '../language/dates';
import { Combinator, Quantifier } from '../language/filter.enums';
import type { IrGroup, IrNode, IrRule } from '../model/ir';
import type { FilterModel } from '../model/model';
import { LISTED } from '../language/operators';
import { buildTest, checkSlots, listedKeys, type RuleContext } from './rule-test';
import { ProblemCode as Code, type FilterProblem } from '../language/problems';
import type { FilterGroup, FilterNode, FilterRule } from '../language/tree';

export interface FilterLimits {
  maxDepth: number;
  maxRules: number;
  maxValues: number;
}

/** Turns the codes / ids of listed fields into keys; returns only those that exist. */
export type ValueResolver = (source: ValuesSource, raw: string[]) => Promise<Map<string, number | string>>;

export interface ResolveOptions {
  model: FilterModel;
  catalog: FieldCatalog;
  /** The kind of segment (the CRM's SegmentSource): fields say which sources may use them. */
  source: string;
  /** Member types the filter will be evaluated for (scopes must exist for all of them). */
  members: readonly string[];
  timeZone: string;
  now: Date;
  limits: FilterLimits;
  resolveValues: ValueResolver;
  /** The members are themselves records of this scope (the deals list): its fields test them directly. */
  memberScope?: string;
}

export interface Resolved {
  ir: IrGroup | null;
  problems: FilterProblem[];
}

interface Walk {
  rules: Array<{ rule: FilterRule; def: FieldDef; path: string[] }>;
}

/**
 * Validates a filter tree against the catalog and resolves it into the IR, reporting every
 * problem at once (path, code, message). Returns no IR when there is any problem.
 */
export async function resolveFilter(tree: FilterGroup, options: ResolveOptions): Promise<Resolved> {
  const problems: FilterProblem[] = [];
  const problem = (path: string[], code: Code, message: string) => problems.push({ path, code, message });
  if (!isValidZone(options.timeZone)) problem(['timeZone'], Code.INVALID, `"${options.timeZone}" is not a time zone (e.g. Europe/Warsaw).`);

  const walk: Walk = { rules: [] };
  checkStructure(tree, [], 1, null, options, problem, walk);
  if (walk.rules.length > options.limits.maxRules) {
    problem([], Code.TOO_MANY_RULES, `A filter has at most ${options.limits.maxRules} rules; this one has ${walk.rules.length}.`);
  }

  // Listed values of all rules are looked up together: one query per kind of list.
  const bySource = new Map<ValuesSource, Set<string>>();
  for (const { rule, def } of walk.rules) {
    if (!LISTED.has(def.type) || !def.values) continue;
    const raw = rule.value?.ids ?? rule.value?.strings ?? [];
    const set = bySource.get(def.values) ?? new Set<string>();
    raw.forEach((v) => set.add(v));
    bySource.set(def.values, set);
  }
  const resolved = new Map<string, number | string>();
  for (const [source, raw] of bySource) {
    const found = await options.resolveValues(source, [...raw]);
    for (const { def } of walk.rules) if (def.values === source) for (const [k, v] of found) resolved.set(`${def.id}\u0000${k}`, v);
  }

  const ctx: RuleContext = { now: options.now, timeZone: options.timeZone, maxValues: options.limits.maxValues, problem, resolved };
  const tests = new Map<FilterRule, IrRule>();
  for (const { rule, def, path } of walk.rules) {
    if (!checkSlots(rule, def, path, ctx)) continue;
    const keys = LISTED.has(def.type) ? listedKeys(rule, def, path, ctx) : null;
    if (LISTED.has(def.type) && keys === null) continue;
    if (problems.length === 0) tests.set(rule, { type: 'rule', field: def, test: buildTest(rule, def, keys, ctx), path });
  }
  if (problems.length) return { ir: null, problems };
  const ir = toIr(tree, options.memberScope ?? null, tests);
  // The domains' checks see the members' own scope as the root's (deal rules of the deals list).
  const root = options.memberScope ? { ...ir, scope: options.memberScope } : ir;
  for (const check of options.model.checks) check(root, problem);
  return problems.length ? { ir: null, problems } : { ir, problems };
}

function checkStructure(
  group: FilterGroup,
  path: string[],
  depth: number,
  scope: string | null,
  options: ResolveOptions,
  problem: (path: string[], code: Code, message: string) => void,
  walk: Walk,
): void {
  if (depth > options.limits.maxDepth) {
    problem(path, Code.TOO_DEEP, `Groups nest at most ${options.limits.maxDepth} deep.`);
    return;
  }
  const ownScope = group.scope ?? null;
  if (ownScope && scope) problem([...path, 'scope'], Code.SCOPE_MISMATCH, 'A scoped group cannot sit inside another scoped group.');
  if (ownScope) {
    const owners = options.model.scopes[ownScope]?.owner;
    if (!owners) problem([...path, 'scope'], Code.SCOPE_MISMATCH, `There is no scope "${ownScope}".`);
    const missing = owners ? options.members.filter((m) => !owners[m]) : [];
    if (missing.length) problem([...path, 'scope'], Code.SCOPE_MISMATCH, `${missing.join(' and ')} records have no ${ownScope.toLowerCase()}.`);
  }
  if (!ownScope && group.quantifier && group.quantifier !== Quantifier.SOME) {
    problem([...path, 'quantifier'], Code.SCOPE_MISMATCH, `A quantifier needs a scope (${orList(Object.keys(options.model.scopes))}).`);
  }
  const needsThreshold = [Quantifier.AT_LEAST, Quantifier.AT_MOST, Quantifier.EXACTLY].includes(group.quantifier!);
  if (needsThreshold && (group.threshold == null || !Number.isInteger(group.threshold) || group.threshold < 0)) {
    problem([...path, 'threshold'], Code.MISSING_VALUE, `${group.quantifier} needs a threshold: a whole number, 0 or more.`);
  }
  const rules = Array.isArray(group.rules) ? group.rules : [];
  if (rules.length === 0 && !ownScope) problem([...path, 'rules'], Code.EMPTY_GROUP, 'A group needs at least one rule.');
  const effective = ownScope ?? scope;
  rules.forEach((node: FilterNode, index) => {
    const at = [...path, 'rules', String(index)];
    if ((node.rule ? 1 : 0) + (node.group ? 1 : 0) !== 1) {
      problem(at, Code.INVALID, 'Each entry holds exactly one of "rule" or "group".');
    } else if (node.group) {
      checkStructure(node.group, [...at, 'group'], depth + 1, effective, options, problem, walk);
    } else {
      checkRule(node.rule!, [...at, 'rule'], effective, options, problem, walk);
    }
  });
}

function checkRule(rule: FilterRule, path: string[], scope: string | null, options: ResolveOptions, problem: (path: string[], code: Code, message: string) => void, walk: Walk): void {
  const def = options.catalog.get(rule.field);
  if (!def) return problem([...path, 'field'], Code.UNKNOWN_FIELD, `There is no field "${rule.field}".`);
  if (options.memberScope) {
    if (def.scope !== options.memberScope) return problem([...path, 'field'], Code.SCOPE_MISMATCH, `${def.id} does not describe these records.`);
    if (!def.operators.includes(rule.operator)) {
      return problem([...path, 'operator'], Code.OPERATOR_NOT_ALLOWED, `${def.id} does not take ${rule.operator}; it takes ${def.operators.join(', ')}.`);
    }
    walk.rules.push({ rule, def, path });
    return;
  }
  if (!def.sources.includes(options.source)) {
    return problem([...path, 'field'], Code.SCOPE_MISMATCH, `${def.id} cannot be used in a ${options.source.toLowerCase()} filter.`);
  }
  if (scope && def.scope !== scope) {
    return problem([...path, 'field'], Code.SCOPE_MISMATCH, `${def.id} does not describe one of the ${scope.toLowerCase()} this group is about.`);
  }
  if (def.scope && options.members.some((m) => !options.model.scopes[def.scope!]?.owner[m])) {
    return problem([...path, 'field'], Code.SCOPE_MISMATCH, `${def.id} does not apply to these records.`);
  }
  if (!def.operators.includes(rule.operator)) {
    return problem([...path, 'operator'], Code.OPERATOR_NOT_ALLOWED, `${def.id} does not take ${rule.operator}; it takes ${def.operators.join(', ')}.`);
  }
  walk.rules.push({ rule, def, path });
}

/** Builds IR groups; bare scoped rules of an AND group become one implicit SOME group per scope. */
function toIr(group: FilterGroup, inScope: string | null, tests: Map<FilterRule, IrRule>): IrGroup {
  const scope = group.scope ?? null;
  const children: IrNode[] = [];
  const gathered = new Map<string, IrRule[]>();
  for (const node of group.rules ?? []) {
    if (node.group) {
      children.push(toIr(node.group, scope ?? inScope, tests));
      continue;
    }
    const ir = tests.get(node.rule!)!;
    const ruleScope = ir.field.scope;
    if (!ruleScope || scope || inScope) {
      children.push(ir);
    } else if (group.combinator === Combinator.AND) {
      gathered.set(ruleScope, [...(gathered.get(ruleScope) ?? []), ir]);
    } else {
      children.push(implicitGroup(ruleScope, [ir]));
    }
  }
  for (const [ruleScope, rules] of gathered) children.push(implicitGroup(ruleScope, rules));
  return {
    type: 'group',
    combinator: group.combinator ?? Combinator.AND,
    not: Boolean(group.not),
    scope,
    quantifier: scope ? (group.quantifier ?? Quantifier.SOME) : Quantifier.SOME,
    threshold: group.threshold ?? 0,
    children,
  };
}

function implicitGroup(scope: string, rules: IrRule[]): IrGroup {
  return { type: 'group', combinator: Combinator.AND, not: false, scope, quantifier: Quantifier.SOME, threshold: 0, children: rules };
}

/** "A, B, C or D". */
function orList(names: string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}
