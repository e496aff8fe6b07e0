import type { FieldDef } from './catalog';
import type { Combinator, Quantifier } from '../language/filter.enums';

/**
 * The resolved tree both the SQL compiler and the in-memory oracle consume: fields looked up,
 * codes and ids turned into keys, text folded, dates turned into concrete bounds for this run.
 * Keeping every value decision here is what lets the two agree by construction on values, while
 * each decides matching on its own.
 */
export type Test =
  /** Value among these (folded text, enum codes, numbers); `negate` = present and not among them. */
  | { kind: 'in'; values: Array<string | number>; negate: boolean }
  /** Folded text LIKE; `negate` = present and not like. */
  | { kind: 'like'; mode: 'contains' | 'begins' | 'ends'; value: string; negate: boolean }
  /** min ≤ value ≤ max (bounds optional, each inclusive or not); for numbers, instants, days. */
  | { kind: 'range'; min?: number | string; max?: number | string; minExclusive?: boolean; maxExclusive?: boolean; negate: boolean }
  /** Birthday month-days (MMDD) within any of these inclusive ranges. */
  | { kind: 'monthDays'; ranges: Array<[number, number]> }
  | { kind: 'bool'; value: boolean }
  /** IS_EMPTY (negate = IS_NOT_EMPTY). */
  | { kind: 'empty'; negate: boolean }
  /** Multi-valued (communications, multi-list): any / all of these; HAS_NONE = any, negated. */
  | { kind: 'has'; mode: 'any' | 'all'; values: Array<string | number>; negate: boolean };

export interface IrRule {
  type: 'rule';
  field: FieldDef;
  test: Test;
  /** Where the rule is in the submitted tree, for problems found after resolving (stages, references). */
  path: string[];
}

export interface IrGroup {
  type: 'group';
  combinator: Combinator;
  not: boolean;
  /** Set on scoped groups (explicit or gathered from bare scoped rules): a registered scope. */
  scope: string | null;
  quantifier: Quantifier;
  threshold: number;
  children: IrNode[];
}

export type IrNode = IrRule | IrGroup;
