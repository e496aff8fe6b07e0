import type { ReferenceLimits } from '../../config/config';
import { UserError, UserErrorCode } from '../../common/user-error';
import type { IrNode } from '../../filter/model/ir';

/** A saved segment in the reference graph: its rule count and the segments its membership rules name. */
export interface ReferenceNode {
  name: string;
  /** Rules of its own filter (0 for a static segment: its stored addresses are one semi-join). */
  rules: number;
  uses: number[];
}

/** A `segment.membership` rule of the filter being checked, where it is and which segments it names. */
export interface MembershipRuleRef {
  path: string[];
  keys: number[];
}

const CHAIN_NAMES = 6;

export function countRules(node: IrNode): number {
  return node.type === 'rule' ? 1 : node.children.reduce((sum, child) => sum + countRules(child), 0);
}

export function membershipRuleRefs(node: IrNode, into: MembershipRuleRef[] = []): MembershipRuleRef[] {
  if (node.type === 'group') node.children.forEach((child) => membershipRuleRefs(child, into));
  else if (node.field.access.kind === 'membership' && node.test.kind === 'in') into.push({ path: node.path, keys: node.test.values.map(Number) });
  return into;
}

/**
 * The size of a filter with its references expanded the way the compiler expands them (each
 * distinct segment once, as one CTE): the longest chain of references below each membership rule;
 * the rules of the filter plus those of every distinct segment it reaches (the work of one
 * statement); and the same counted along every path (what SQLite parses). Before CTEs, ten rules
 * per level on the level below made 10^k copies (the "segment bomb"). Segments missing from
 * `nodes` (deleted, or beyond where loading stopped) end a chain.
 */
export function referenceProblems(rootRules: number, rules: MembershipRuleRef[], nodes: Map<number, ReferenceNode>, limits: ReferenceLimits): UserError[] {
  const problems: UserError[] = [];
  // Longest chain starting at a segment (itself included) and the next segment along it.
  const depth = new Map<number, number>();
  const next = new Map<number, number>();
  const onPath = new Set<number>();
  let cycle: number | null = null;
  const depthOf = (key: number): number => {
    const known = depth.get(key);
    if (known !== undefined) return known;
    const node = nodes.get(key);
    if (!node) return 0;
    if (onPath.has(key)) {
      cycle ??= key;
      return 0;
    }
    onPath.add(key);
    let below = 0;
    for (const used of node.uses) {
      const d = depthOf(used);
      if (d > below) {
        below = d;
        next.set(key, used);
      }
    }
    onPath.delete(key);
    depth.set(key, below + 1);
    return below + 1;
  };
  const chain = (key: number): string => {
    const names: string[] = [];
    for (let k: number | undefined = key; k !== undefined && names.length < CHAIN_NAMES; k = next.get(k)) names.push(`"${nodes.get(k)?.name}"`);
    return names.join(' → ') + ((depth.get(key) ?? 0) > CHAIN_NAMES ? ' → …' : '');
  };

  for (const rule of rules) {
    const [first, ...others] = rule.keys;
    if (first === undefined) continue;
    const deepest = others.reduce((best, key) => (depthOf(key) > depthOf(best) ? key : best), first);
    const reached = depthOf(deepest);
    if (reached > limits.maxDepth) {
      problems.push(
        UserError.of(
          [...rule.path, 'value'],
          UserErrorCode.TOO_DEEP,
          `Segments may name each other in membership rules at most ${limits.maxDepth} levels deep; this rule reaches ${reached} (${chain(deepest)}).`,
        ),
      );
    }
  }
  if (cycle !== null) {
    problems.push(UserError.of([], UserErrorCode.SEGMENT_CYCLE, `The segment "${nodes.get(cycle)?.name}" refers back to itself through membership rules.`));
  }

  // Rules along every path (a segment counted again wherever it is reached): SQLite copies each
  // CTE into every SELECT that joins it before it runs anything, so this is what it parses.
  const tree = new Map<number, number>();
  const treeOf = (key: number, path: Set<number>): number => {
    const node = nodes.get(key);
    if (!node || path.has(key)) return 0;
    const known = tree.get(key);
    if (known !== undefined) return known;
    path.add(key);
    const total = [...new Set(node.uses)].reduce((sum, used) => sum + treeOf(used, path), node.rules);
    path.delete(key);
    tree.set(key, total);
    return total;
  };
  const treeRules = [...new Set(rules.flatMap((r) => r.keys))].reduce((sum, key) => sum + treeOf(key, new Set()), rootRules);
  if (treeRules > limits.maxTreeRules) {
    problems.push(
      UserError.of([], UserErrorCode.TOO_MANY_RULES, `Counting a segment again wherever membership rules reach it, a filter has at most ${limits.maxTreeRules} rules; this one has ${treeRules}.`),
    );
  }

  const reachable = new Set<number>();
  const pending = rules.flatMap((r) => r.keys);
  while (pending.length) {
    const key = pending.pop()!;
    if (reachable.has(key) || !nodes.has(key)) continue;
    reachable.add(key);
    pending.push(...nodes.get(key)!.uses);
  }
  const expanded = [...reachable].reduce((sum, key) => sum + nodes.get(key)!.rules, rootRules);
  if (expanded > limits.maxExpandedRules) {
    problems.push(
      UserError.of(
        [],
        UserErrorCode.TOO_MANY_RULES,
        `With the segments its membership rules name (each counted once), a filter has at most ${limits.maxExpandedRules} rules; this one has ${expanded}.`,
      ),
    );
  }
  return problems;
}

/** The longest SQL one member type's predicate may have (the last guard: statements stay small). */
export function sqlSizeProblem(sql: string, limits: ReferenceLimits): UserError | null {
  const bytes = Buffer.byteLength(sql);
  if (bytes <= limits.maxSqlBytes) return null;
  return UserError.of(
    [],
    UserErrorCode.TOO_MANY_RULES,
    `This filter, with the segments it names, compiles to ${Math.ceil(bytes / 1024)} KB of SQL; at most ${Math.floor(limits.maxSqlBytes / 1024)} KB are allowed. Use fewer rules or values.`,
  );
}
