import fc from 'fast-check';
import type { FieldCatalog, FieldDef } from '../src/filter/model/catalog';
import { Combinator, DateUnit, FieldValueType, FilterOperator, Quantifier, ValueSlot } from '../src/filter/language/filter.enums';
import { FilterScope, type SegmentSource } from '../src/common/crm-enums';
import { slotFor } from '../src/filter/language/operators';
import type { FilterGroup, FilterNode, FilterRule, FilterValue } from '../src/filter/language/tree';

const TEXTS = ['łódź', 'ŁÓDŹ', 'ódź', 'Москва', 'hà', 'São', 'a_b', '%', '', 'EUR', 'pln', 'straße'];
const DAY = 86_400_000;
const NOW = new Date('2026-06-15T10:30:00Z').getTime();
const day = fc.integer({ min: -40 * 365, max: 30 }).map((d) => new Date(NOW + d * DAY).toISOString().slice(0, 10));
const recentDay = fc.integer({ min: -400, max: 30 }).map((d) => new Date(NOW + d * DAY).toISOString().slice(0, 10));

/** A valid value for a (field, operator): the slot the validator expects, drawn from small domains. */
function valueFor(def: FieldDef, operator: FilterRule['operator'], listed: string[]): fc.Arbitrary<FilterValue | null> {
  const slot = slotFor(def.type, operator);
  const dates = def.type === FieldValueType.DATETIME ? recentDay : fc.oneof(day, recentDay);
  switch (slot) {
    case null:
      return fc.constant(null);
    case ValueSlot.STRING:
      return fc.constantFrom(...TEXTS).map((string) => ({ string }));
    case ValueSlot.STRINGS:
      return fc.uniqueArray(fc.constantFrom(...(listed.length ? listed : TEXTS)), { minLength: 1, maxLength: 3 }).map((strings) => ({ strings }));
    case ValueSlot.IDS:
      return fc.uniqueArray(fc.constantFrom(...listed), { minLength: 1, maxLength: 3 }).map((ids) => ({ ids }));
    case ValueSlot.NUMBER:
      return operator === FilterOperator.IN_NEXT_DAYS
        ? fc.integer({ min: 0, max: 366 }).map((number) => ({ number }))
        : fc.integer({ min: 0, max: 6 }).map((number) => ({ number: number === 6 ? 2.5 : number }));
    case ValueSlot.NUMBER_RANGE:
      return fc
        .tuple(fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }), fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }))
        .filter(([a, b]) => a !== null || b !== null)
        .map(([a, b]) => ({ numberRange: { min: a !== null && b !== null ? Math.min(a, b) : a, max: a !== null && b !== null ? Math.max(a, b) : b } }));
    case ValueSlot.DATE:
      return dates.map((date) => ({ date }));
    case ValueSlot.DATE_RANGE:
      return fc
        .tuple(fc.option(dates, { nil: null }), fc.option(dates, { nil: null }))
        .filter(([a, b]) => a !== null || b !== null)
        .map(([a, b]) => ({ dateRange: a && b && a > b ? { from: b, to: a } : { from: a, to: b } }));
    case ValueSlot.RELATIVE:
      return fc.record({ amount: fc.integer({ min: 0, max: 60 }), unit: fc.constantFrom(DateUnit.DAY, DateUnit.WEEK, DateUnit.MONTH, DateUnit.YEAR) }).map((relative) => ({ relative }));
    case ValueSlot.BOOLEAN:
      return fc.boolean().map((boolean) => ({ boolean }));
  }
}

function ruleArb(fields: FieldDef[], listed: Map<string, string[]>): fc.Arbitrary<FilterNode> {
  return fc
    .constantFrom(...fields)
    .chain((def) => fc.constantFrom(...def.operators).chain((operator) => valueFor(def, operator, listed.get(def.id) ?? []).map((value) => ({ rule: { field: def.id, operator, value } }))));
}

/**
 * Random valid trees: nested AND/OR groups with NOT, bare scoped rules (gathered into implicit
 * groups), and explicit scoped groups with every quantifier, including empty ones.
 */
export function treeArbitrary(
  catalog: FieldCatalog,
  source: SegmentSource,
  listed: Map<string, string[]>,
  scopes: FilterScope[],
  /** Lists of related records themselves (deals): only that scope's fields, as plain rules. */
  memberScope?: FilterScope,
): fc.Arbitrary<FilterGroup> {
  // deal.stage needs a pipeline beside it (a validation rule tested on its own), so it is left out here.
  const usable = memberScope
    ? catalog.fields.filter((f) => f.scope === memberScope && f.id !== 'deal.stage')
    : catalog.forSource(source).filter((f) => f.id !== 'deal.stage' && f.access.kind !== 'membership' && (!f.scope || scopes.includes(f.scope as FilterScope)));
  const memberFields = usable;
  const scopedFields = (scope: FilterScope) => usable.filter((f) => f.scope === scope);
  const combinator = fc.constantFrom(Combinator.AND, Combinator.OR);

  const scopedGroup: fc.Arbitrary<FilterNode> = (scopes.length ? fc.constantFrom(...scopes) : fc.constant(FilterScope.DEALS)).chain((scope) => {
    const inner = ruleArb(scopedFields(scope), listed);
    const nested = fc.record({ combinator, not: fc.boolean(), rules: fc.array(inner, { minLength: 1, maxLength: 2 }) }).map((g) => ({ group: g }));
    return fc
      .record({
        combinator,
        not: fc.boolean(),
        scope: fc.constant(scope),
        quantifier: fc.constantFrom(...Object.values(Quantifier)),
        threshold: fc.integer({ min: 0, max: 2 }),
        rules: fc.array(fc.oneof({ weight: 3, arbitrary: inner }, { weight: 1, arbitrary: nested }), { maxLength: 3 }),
      })
      .map((g) => ({ group: g }));
  });

  const { group } = fc.letrec<{ group: FilterGroup; node: FilterNode }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 4, arbitrary: ruleArb(memberFields, listed) },
      { weight: scopes.length ? 2 : 0, arbitrary: scopes.length ? scopedGroup : ruleArb(memberFields, listed) },
      { weight: 1, arbitrary: tie('group').map((g) => ({ group: g })) },
    ),
    group: fc.record({ combinator, not: fc.boolean(), rules: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
  }));
  return group;
}
