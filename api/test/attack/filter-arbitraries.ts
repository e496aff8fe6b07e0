import fc from 'fast-check';
import { FilterOperator, ValueSlot } from '../../src/filter/language/filter.enums';
import { slotFor } from '../../src/filter/language/operators';
import type { FieldValueType } from '../../src/filter/language/filter.enums';
import { itemAt } from '../../src/lib/indexed';
import type { TestApi } from '../api';
import { INJECTIONS } from './payloads';

/**
 * Filter trees for the fuzzers, built from what `segmentFields` says (not from the server's own
 * internals), so a field added to the catalog is attacked without touching these tests.
 */
export interface CatalogField {
  id: string;
  valueType: FieldValueType;
  scope: string | null;
  operators: FilterOperator[];
  /** What a rule may name: codes or global ids of listed fields (from `values` or `filterValues`). */
  values: string[];
}

export interface Catalog {
  source: 'CLIENTS' | 'LEADS';
  fields: CatalogField[];
}

/** The catalog of a source as a client sees it; searchable lists are read through filterValues. */
export async function loadCatalog(api: TestApi, source: Catalog['source']): Promise<Catalog> {
  const { segmentFields } = await api.exec(`query($s: SegmentSource!) { segmentFields(source: $s) { id valueType scope operators searchable values { value } } }`, { s: source });
  const fields: CatalogField[] = [];
  for (const f of segmentFields) {
    let values: string[] = (f.values ?? []).map((v: { value: string }) => v.value);
    if (f.searchable) {
      const page = await api.exec(`query($f: String!) { filterValues(field: $f, first: 20) { edges { node { value } } } }`, { f: f.id });
      values = page.filterValues.edges.map((e: any) => e.node.value);
    }
    fields.push({ id: f.id, valueType: f.valueType, scope: f.scope, operators: f.operators, values });
  }
  return { source, fields };
}

const DAY_MS = 86_400_000;
/** Calendar days across the whole range the Date scalar takes, with the edges more likely. */
const day = fc.oneof(
  fc.integer({ min: -719_162, max: 2_932_896 }).map((d) => new Date(d * DAY_MS).toISOString().slice(0, 10)),
  fc.constantFrom('0001-01-01', '9999-12-31', '1970-01-01', '2024-02-29', '2026-12-31', '2026-01-01'),
);

/** Text that tends to break things: LIKE wildcards, quotes, escapes, unicode of every kind. */
export const nastyText = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 2, arbitrary: fc.constantFrom(...INJECTIONS) },
  { weight: 2, arbitrary: fc.constantFrom('%', '_', '\\', '\\%', '%\\', "'", '"', '', ' ', '  ', 'ß', 'İ', 'ﬀ', '\u0301', '🏳️‍🌈', 'Łódź', '\u202e', '\ufeff', '\u0000', 'a\u0000b') },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('%', '_', '\\', "'", '"', 'a', '\u0000', '\n'), maxLength: 12 }) },
);

/** Numbers of every magnitude: integers, fractions, the float edges, -0. */
export const nastyNumber = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 0.5, -1, 1e308, -1e308, 5e-324, 2 ** 31, 2 ** 31 - 1, -(2 ** 31), 2 ** 53, 2 ** 53 + 2, 2 ** 63, 1e15, 123456789.123456),
);

const smallAmount = fc.oneof(fc.integer({ min: 0, max: 60 }), fc.constantFrom(0, 10_000, 9_999));

function someOf(values: string[], orElse: fc.Arbitrary<string>): fc.Arbitrary<string[]> {
  const pick = values.length ? fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: orElse }) : orElse;
  return fc.array(pick, { minLength: 1, maxLength: 4 });
}

/** A value in the slot the (type, operator) takes, with adversarial contents. */
export function valueArb(field: CatalogField, operator: FilterOperator): fc.Arbitrary<Record<string, unknown> | null> {
  const slot: ValueSlot | null = slotFor(field.valueType, operator);
  switch (slot) {
    case null:
      return fc.constantFrom(null, undefined as never);
    case ValueSlot.STRING:
      return nastyText.map((string) => ({ string }));
    case ValueSlot.STRINGS:
      return someOf(field.values, nastyText).map((strings) => ({ strings }));
    case ValueSlot.IDS:
      return someOf(field.values, fc.constantFrom(...field.values, 'x')).map((ids) => ({ ids }));
    case ValueSlot.NUMBER:
      return operator === FilterOperator.IN_NEXT_DAYS ? fc.oneof(fc.integer({ min: 0, max: 366 }), nastyNumber).map((number) => ({ number })) : nastyNumber.map((number) => ({ number }));
    case ValueSlot.NUMBER_RANGE:
      return fc.record({ min: fc.option(nastyNumber, { nil: null }), max: fc.option(nastyNumber, { nil: null }) }).map((r) => ({ numberRange: r }));
    case ValueSlot.DATE:
      return day.map((date) => ({ date }));
    case ValueSlot.DATE_RANGE:
      return fc.record({ from: fc.option(day, { nil: null }), to: fc.option(day, { nil: null }) }).map((dateRange) => ({ dateRange }));
    case ValueSlot.RELATIVE:
      return fc.record({ amount: smallAmount, unit: fc.constantFrom('DAY', 'WEEK', 'MONTH', 'YEAR') }).map((relative) => ({ relative }));
    case ValueSlot.BOOLEAN:
      return fc.boolean().map((boolean) => ({ boolean }));
  }
}

const ruleArb = (fields: CatalogField[]) =>
  fc.constantFrom(...fields).chain((f) => fc.constantFrom(...f.operators).chain((operator) => valueArb(f, operator).map((value) => ({ rule: { field: f.id, operator, value } }))));

const combinator = fc.constantFrom('AND', 'OR');
const QUANTIFIERS = ['SOME', 'ALL', 'NONE', 'AT_LEAST', 'AT_MOST', 'EXACTLY'];

/**
 * Trees a client could build from the catalog: nested groups with NOT, member rules, scoped rules
 * bare and in scoped groups with every quantifier. Most validate; some break a cross-field rule
 * (a stage without a pipeline), which is as it should be for a fuzzer.
 */
export function wellFormedTree(catalog: Catalog): fc.Arbitrary<Record<string, unknown>> {
  const plain = catalog.fields.filter((f) => !f.scope);
  const scopes = [...new Set(catalog.fields.map((f) => f.scope).filter((s): s is string => Boolean(s)))];
  const scoped = scopes.length
    ? fc.constantFrom(...scopes).chain((scope) =>
        fc
          .record({
            combinator,
            not: fc.boolean(),
            scope: fc.constant(scope),
            quantifier: fc.constantFrom(...QUANTIFIERS),
            threshold: fc.integer({ min: 0, max: 3 }),
            rules: fc.array(ruleArb(catalog.fields.filter((f) => f.scope === scope)), { maxLength: 3 }),
          })
          .map((group) => ({ group })),
      )
    : ruleArb(plain);
  const { group } = fc.letrec<{ group: Record<string, unknown>; node: unknown }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 5, arbitrary: ruleArb(plain) },
      { weight: 2, arbitrary: ruleArb(catalog.fields.filter((f) => f.scope)) },
      { weight: 2, arbitrary: scoped },
      { weight: 2, arbitrary: tie('group').map((g) => ({ group: g })) },
    ),
    group: fc.record({ combinator, not: fc.boolean(), rules: fc.array(tie('node'), { minLength: 1, maxLength: 4 }) }),
  }));
  return group;
}

type Json = any;

/** Every node (group or rule holder) of a tree, so a mutation can pick one. */
function nodesOf(tree: Json, out: Json[] = []): Json[] {
  out.push(tree);
  for (const node of tree.rules ?? []) {
    out.push(node);
    if (node?.group) nodesOf(node.group, out);
  }
  return out;
}

const OPERATORS = Object.values(FilterOperator);
const SLOTS = ['string', 'strings', 'number', 'numberRange', 'date', 'dateRange', 'relative', 'boolean', 'ids'];

/** One small change that a validator has to catch (or that happens to stay valid). */
function mutation(catalog: Catalog, other: Catalog): fc.Arbitrary<(tree: Json, pick: number) => void> {
  const anyField = fc.oneof(
    fc.constantFrom(...catalog.fields.map((f) => f.id), ...other.fields.map((f) => f.id)),
    nastyText,
    fc.constantFrom('custom.contact.UF_NOPE', 'client.', '.', 'custom..', '__proto__', 'constructor'),
  );
  const rulesOf = (tree: Json, pick: number) => {
    const rules = nodesOf(tree).filter((n) => n.rule);
    return rules.length ? rules[pick % rules.length].rule : null;
  };
  const groupsOf = (tree: Json, pick: number) => {
    const groups = nodesOf(tree).filter((n) => Array.isArray(n.rules));
    return groups[pick % groups.length];
  };
  const firstField = () => itemAt(catalog.fields, 0).id;
  return fc.oneof(
    anyField.map((field) => (t: Json, p: number) => void (rulesOf(t, p) && (rulesOf(t, p).field = field))),
    fc.constantFrom(...OPERATORS).map((op) => (t: Json, p: number) => void (rulesOf(t, p) && (rulesOf(t, p).operator = op))),
    fc
      .tuple(
        fc.constantFrom(...SLOTS),
        fc.oneof(
          nastyText,
          nastyNumber,
          fc.boolean(),
          fc.constant([]),
          fc.array(nastyText, { maxLength: 3 }),
          fc.constant({}),
          fc.record({ min: nastyNumber, max: nastyNumber }),
          fc.record({ amount: fc.integer(), unit: fc.constantFrom('DAY', 'YEAR') }),
        ),
        fc.boolean(),
      )
      .map(([slot, v, keep]) => (t: Json, p: number) => {
        const rule = rulesOf(t, p);
        if (rule) rule.value = { ...(keep ? (rule.value ?? {}) : {}), [slot]: v };
      }),
    fc.constant((t: Json, p: number) => void (rulesOf(t, p) && delete rulesOf(t, p).value)),
    fc.constant((t: Json, p: number) => void (groupsOf(t, p).rules = [])),
    fc.constant((t: Json, p: number) => void groupsOf(t, p).rules.push({})),
    fc.constant((t: Json, p: number) => void groupsOf(t, p).rules.push({ rule: { field: firstField(), operator: 'IS_EMPTY' }, group: { rules: [] } })),
    fc
      .tuple(fc.constantFrom('DEALS', 'ORDERS', 'PURCHASES', 'ACTIVITIES'), fc.constantFrom(...QUANTIFIERS), fc.oneof(fc.integer(), fc.constantFrom(-1, 2 ** 31 - 1, -(2 ** 31))), fc.boolean())
      .map(([scope, quantifier, threshold, scoped]) => (t: Json, p: number) => {
        Object.assign(groupsOf(t, p), scoped ? { scope, quantifier, threshold } : { quantifier, threshold });
      }),
    fc.integer({ min: 7, max: 40 }).map((depth) => (t: Json) => {
      // Deeper than the limit (8): the validator must say TOO_DEEP, not overflow anything.
      let inner: Json = { combinator: 'AND', rules: [{ rule: { field: firstField(), operator: 'IS_EMPTY' } }] };
      for (let i = 0; i < depth; i++) inner = { combinator: i % 2 ? 'AND' : 'OR', not: i % 3 === 0, rules: [{ group: inner }] };
      t.rules.push({ group: inner });
    }),
    fc.integer({ min: 150, max: 260 }).map((n) => (t: Json, p: number) => {
      const rule = rulesOf(t, p) ?? { field: firstField(), operator: 'IS_NOT_EMPTY' };
      for (let i = 0; i < n; i++) t.rules.push({ rule: JSON.parse(JSON.stringify(rule)) });
    }),
    fc.integer({ min: 990, max: 1200 }).map((n) => (t: Json, p: number) => {
      const rule = rulesOf(t, p);
      if (rule) rule.value = { strings: Array.from({ length: n }, (_, i) => `v${i}`) };
    }),
    fc.integer({ min: 999, max: 200_000 }).map((n) => (t: Json, p: number) => {
      const rule = rulesOf(t, p);
      if (rule) rule.value = { string: 'x'.repeat(n) };
    }),
    fc.oneof(fc.integer(), fc.constantFrom(10_001, -1, 2 ** 31 - 1)).map((amount) => (t: Json, p: number) => {
      const rule = rulesOf(t, p);
      if (rule) rule.value = { relative: { amount, unit: 'DAY' } };
    }),
    fc
      .tuple(fc.constantFrom('2024-02-30', '0000-01-01', '10000-01-01', '2024-13-01', '2024-1-1', '', 'yesterday', '2024-02-29T00:00:00Z', '+275760-09-13'), fc.boolean())
      .map(([date, single]) => (t: Json, p: number) => {
        const rule = rulesOf(t, p);
        if (rule) rule.value = single ? { date } : { dateRange: { from: date, to: null } };
      }),
  );
}

/** A valid tree with one to three mutations applied: almost well-formed. */
export function mutatedTree(catalog: Catalog, other: Catalog): fc.Arbitrary<Json> {
  return fc.tuple(wellFormedTree(catalog), fc.array(fc.tuple(mutation(catalog, other), fc.nat()), { minLength: 1, maxLength: 3 })).map(([tree, changes]) => {
    const copy = JSON.parse(JSON.stringify(tree));
    for (const [change, pick] of changes) change(copy, pick);
    return copy;
  });
}

/** Not trees at all: any JSON, the right shape with wrong types, enormous nesting, huge numbers. */
export function garbageFilter(): fc.Arbitrary<unknown> {
  const deep = fc.integer({ min: 50, max: 3000 }).map((depth) => {
    let inner: Json = { rules: [{ rule: { field: 'client.city', operator: 'EQ', value: { string: 'x' } } }] };
    for (let i = 0; i < depth; i++) inner = { rules: [{ group: inner }] };
    // fast-check would print (and overflow on) the whole tree in a failure report.
    return Object.assign(inner, { [fc.toStringMethod]: () => `<a tree nested ${depth} groups deep>` });
  });
  const shaped = fc.record(
    {
      combinator: fc.oneof(combinator, fc.anything()),
      not: fc.oneof(fc.boolean(), fc.anything()),
      scope: fc.oneof(fc.constant(null), fc.anything()),
      quantifier: fc.oneof(fc.constant(null), fc.anything()),
      threshold: fc.oneof(fc.integer(), nastyNumber, fc.anything()),
      rules: fc.oneof(fc.array(fc.anything(), { maxLength: 3 }), fc.anything()),
    },
    { requiredKeys: [] },
  );
  return fc.oneof(
    fc.jsonValue({ maxDepth: 4 }),
    fc.anything({ maxDepth: 3, withNullPrototype: true, withObjectString: true }),
    shaped,
    deep,
    nastyText,
    nastyNumber,
    // The JSON number 1e400 (beyond a double) as JSON.parse reads it off the wire: Infinity.
    fc.constant({ rules: [{ rule: { field: 'client.city', operator: 'EQ', value: { number: Number.POSITIVE_INFINITY } } }] }),
    fc.constant({ __proto__: { rules: [] }, rules: [{ rule: { field: 'constructor', operator: 'EQ', value: { string: 'x' } } }] }),
  );
}

const EDGES: Record<Exclude<ValueSlot, null>, unknown[]> = {
  string: ['', ' ', '%', '_', '\\', "'", 'ß', 'İ', '🏳️‍🌈', 'x'.repeat(1000)],
  strings: [['', '%', "'"], ['x'.repeat(1000)]],
  ids: [],
  number: [0, -0, 0.5, -1, 1e308, -1e308, 5e-324, 2 ** 31, 2 ** 53, 2 ** 63, 1e15],
  numberRange: [
    { min: -1e308, max: 1e308 },
    { min: null, max: 0 },
    { min: 0.5, max: 0.5 },
    { min: 2 ** 63, max: null },
  ],
  date: ['0001-01-01', '9999-12-31', '2024-02-29', '1970-01-01'],
  dateRange: [
    { from: '0001-01-01', to: '9999-12-31' },
    { from: '9999-12-31', to: null },
    { from: null, to: '0001-01-01' },
  ],
  relative: ['DAY', 'WEEK', 'MONTH', 'YEAR'].flatMap((unit) => [
    { amount: 0, unit },
    { amount: 10_000, unit },
  ]),
  boolean: [true, false],
};

/** The extreme values of the slot a (field, operator) takes, plus every listed value at once. */
export function edgeValues(field: CatalogField, operator: FilterOperator): Array<Record<string, unknown> | null> {
  const slot = slotFor(field.valueType, operator);
  if (slot === null) return [null];
  if (operator === FilterOperator.IN_NEXT_DAYS) return [0, 1, 365, 366].map((number) => ({ number }));
  const listed = slot === ValueSlot.IDS || slot === ValueSlot.STRINGS ? (field.values.length ? [field.values] : []) : [];
  return [...listed, ...EDGES[slot]].map((v) => ({ [slot]: v }));
}
