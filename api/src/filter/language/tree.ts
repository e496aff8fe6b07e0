import type { Combinator, DateUnit, FilterOperator, Quantifier } from './filter.enums';

/**
 * The filter tree as plain JSON: what `FilterGroupInput` becomes at the edge, what segments store
 * and what the `FilterTree` scalar returns. Dates are 'YYYY-MM-DD' strings here.
 */
export interface FilterValue {
  string?: string | null;
  strings?: string[] | null;
  number?: number | null;
  numberRange?: { min?: number | null; max?: number | null } | null;
  date?: string | null;
  dateRange?: { from?: string | null; to?: string | null } | null;
  relative?: { amount: number; unit: DateUnit } | null;
  boolean?: boolean | null;
  ids?: string[] | null;
}

export interface FilterRule {
  field: string;
  operator: FilterOperator;
  value?: FilterValue | null;
}

export interface FilterNode {
  rule?: FilterRule | null;
  group?: FilterGroup | null;
}

export interface FilterGroup {
  combinator: Combinator;
  not?: boolean;
  /** A registered scope (the CRM's FilterScope): the group tests one related record of the member. */
  scope?: string | null;
  quantifier?: Quantifier | null;
  threshold?: number | null;
  rules: FilterNode[];
}

const dateOnly = (d: Date | string | null | undefined) => (d instanceof Date ? d.toISOString().slice(0, 10) : d);

/** GraphQL input objects (Date instances, class instances) into the plain JSON tree. */
export function toFilterTree(input: unknown): FilterGroup {
  return JSON.parse(
    JSON.stringify(input, function (this: Record<string, unknown>, key, value: unknown) {
      const raw = this[key];
      if (raw instanceof Date && ['date', 'from', 'to'].includes(key)) return dateOnly(raw);
      return value;
    }),
  ) as FilterGroup;
}
