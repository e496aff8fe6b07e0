import fc from 'fast-check';
import type { RuleGroupType, RuleType } from 'react-querybuilder';
import { describe, expect, it } from 'vitest';
import type { FilterGroupInput, FilterNodeInput, FilterValueInput } from '@/graphql/gql/graphql';
import { normalizeFilter, SCOPE_OPERATOR, SCOPES, scopeFieldName, toFilter, toFilterWithPaths, toQuery } from './conversion';

const OPERATORS = ['EQ', 'NEQ', 'IN', 'NOT_IN', 'GT', 'BETWEEN', 'WITHIN_LAST', 'IS_EMPTY', 'HAS_ANY', 'ON'] as const;
const FIELDS = ['client.city', 'contact.age', 'deal.stage', 'deal.amount', 'custom.contact.UF_LOYALTY', 'segment.membership'];
const QUANTIFIERS = ['SOME', 'NONE', 'ALL', 'AT_LEAST', 'AT_MOST', 'EXACTLY'] as const;

/** A value with any of its slots filled (or left null), as an API client may send it. */
const valueArb: fc.Arbitrary<FilterValueInput> = fc.record(
  {
    string: fc.option(fc.string(), { nil: null }),
    strings: fc.array(fc.string(), { maxLength: 3 }),
    number: fc.double({ noNaN: true, noDefaultInfinity: true }),
    numberRange: fc.record({ min: fc.option(fc.integer(), { nil: null }), max: fc.option(fc.integer(), { nil: null }) }),
    date: fc.constantFrom('2026-01-31', '1990-05-01'),
    dateRange: fc.record({ from: fc.constantFrom('2026-01-01'), to: fc.constantFrom('2026-12-31') }),
    relative: fc.record({ amount: fc.nat(400), unit: fc.constantFrom('DAY', 'WEEK', 'MONTH', 'YEAR') as fc.Arbitrary<'DAY'> }),
    boolean: fc.boolean(),
    ids: fc.array(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 3 }),
  },
  { requiredKeys: [] },
);

const { group: apiGroupArb } = fc.letrec<{ group: FilterGroupInput; node: FilterNodeInput }>((tie) => ({
  group: fc.record(
    {
      combinator: fc.constantFrom<'AND' | 'OR'>('AND', 'OR'),
      not: fc.boolean(),
      scope: fc.option(fc.constantFrom(...SCOPES), { nil: null, freq: 3 }),
      quantifier: fc.option(fc.constantFrom(...QUANTIFIERS), { nil: null }),
      threshold: fc.option(fc.nat(10), { nil: null }),
      rules: fc.array(tie('node'), { maxLength: 3, depthIdentifier: 'tree' }),
    },
    { requiredKeys: ['rules'] },
  ),
  node: fc.oneof(
    { depthSize: 'small', depthIdentifier: 'tree', withCrossShrink: true },
    fc.record({
      rule: fc.record({ field: fc.constantFrom(...FIELDS), operator: fc.constantFrom(...OPERATORS), value: fc.option(valueArb, { nil: undefined }) }, { requiredKeys: ['field', 'operator'] }),
    }),
    fc.record({ group: tie('group') }),
  ),
}));

/** A builder query of the shape the builder produces (react-querybuilder adds ids). */
const { group: queryGroupArb } = fc.letrec<{ group: RuleGroupType; item: RuleType | RuleGroupType }>((tie) => ({
  group: fc.record({
    id: fc.uuid(),
    combinator: fc.constantFrom('AND', 'OR'),
    not: fc.boolean(),
    rules: fc.array(tie('item'), { maxLength: 3, depthIdentifier: 'query' }),
  }),
  item: fc.oneof(
    { depthSize: 'small', depthIdentifier: 'query', withCrossShrink: true },
    fc.record({
      id: fc.uuid(),
      field: fc.constantFrom(...FIELDS),
      operator: fc.constantFrom(...OPERATORS),
      value: fc.option(
        valueArb.map(dropNullSlots).filter((v) => Object.keys(v).length > 0),
        { nil: null },
      ),
    }),
    tie('group'),
    fc
      .record({
        id: fc.uuid(),
        scope: fc.constantFrom(...SCOPES),
        mode: fc.constantFrom('some', 'none', 'all', 'atLeast', 'atMost', 'exactly') as fc.Arbitrary<'some'>,
        threshold: fc.option(fc.nat(10), { nil: undefined }),
        value: tie('group'),
      })
      .map(({ id, scope, mode, threshold, value }): RuleType => ({
        id,
        field: scopeFieldName(scope),
        operator: SCOPE_OPERATOR,
        value,
        match: threshold === undefined ? { mode } : { mode, threshold },
      })),
  ),
}));

function dropNullSlots(value: FilterValueInput): FilterValueInput {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined));
}

/** The query without react-querybuilder's ids (toQuery leaves them to the builder). */
function withoutIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== 'id')
        .map(([key, inner]) => [key, key === 'value' && !(inner && typeof inner === 'object' && 'rules' in inner) ? inner : withoutIds(inner)]),
    );
  }
  return value;
}

describe('RuleGroupType <-> FilterGroupInput', () => {
  it('API tree -> builder -> API tree is the tree with defaults spelled out', () => {
    fc.assert(
      fc.property(apiGroupArb, (tree) => {
        expect(toFilter(toQuery(tree))).toEqual(normalizeFilter(tree));
      }),
      { numRuns: 400 },
    );
  });

  it('builder -> API tree -> builder is the query (ids aside)', () => {
    fc.assert(
      fc.property(queryGroupArb, (query) => {
        expect(toQuery(toFilter(query))).toEqual(withoutIds(query));
      }),
      { numRuns: 400 },
    );
  });

  it('normalising is idempotent, and normal trees survive the round trip unchanged', () => {
    fc.assert(
      fc.property(apiGroupArb, (tree) => {
        const normal = normalizeFilter(tree);
        expect(normalizeFilter(normal)).toEqual(normal);
        expect(toFilter(toQuery(normal))).toEqual(normal);
      }),
    );
  });

  it('a scoped group is a match-mode rule whose nested query holds its rules', () => {
    const tree: FilterGroupInput = {
      combinator: 'AND',
      not: false,
      rules: [
        { rule: { field: 'client.city', operator: 'EQ', value: { string: 'Kyiv' } } },
        { group: { scope: 'DEALS', quantifier: 'AT_LEAST', threshold: 3, combinator: 'AND', not: false, rules: [{ rule: { field: 'deal.status', operator: 'IN', value: { strings: ['WON'] } } }] } },
      ],
    };
    const query = toQuery(tree);
    const scoped = query.rules[1] as RuleType;
    expect(scoped.field).toBe('@DEALS');
    expect(scoped.match).toEqual({ mode: 'atLeast', threshold: 3 });
    expect((scoped.value as RuleGroupType).rules).toEqual([{ field: 'deal.status', operator: 'IN', value: { strings: ['WON'] } }]);
  });

  it('maps API error paths back to the builder element they belong to', () => {
    const query: RuleGroupType = {
      id: 'root',
      combinator: 'AND',
      rules: [
        { id: 'r0', field: 'client.city', operator: 'EQ', value: null },
        {
          id: 'm1',
          field: '@DEALS',
          operator: SCOPE_OPERATOR,
          match: { mode: 'some' },
          value: { id: 'inner', combinator: 'AND', rules: [{ id: 'r10', field: 'deal.stage', operator: 'IN', value: { ids: ['x'] } }] },
        },
      ],
    };
    const { idsByPath } = toFilterWithPaths(query);
    expect(idsByPath.get('rules.0.rule')).toBe('r0');
    expect(idsByPath.get('rules.1.group')).toBe('m1');
    expect(idsByPath.get('rules.1.group.rules.0.rule')).toBe('r10');
    expect(idsByPath.get('')).toBe('root');
  });
});
