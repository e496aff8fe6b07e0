import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/api';
import { engines } from '../../../test/databases';
import { NOW } from '../../../test/filter-fixture';
import { setUpFilterFixture } from '../../../test/filter-setup';
import { tableOf } from '../../segments/filtering/crm-model';
import { prepareFilter } from '../../segments/filtering/query';
import type { FieldCatalog, FieldDef } from '../model/catalog';
import { countStatement, idPageStatement } from '../compile/statements';
import { Combinator, DateUnit, FilterOperator as Op, Quantifier, ValueSlot } from '../language/filter.enums';
import { FilterScope, SegmentSource } from '../../common/crm-enums';
import type { MemberType } from '../../common/crm-enums';
import { slotFor } from '../language/operators';
import { FENCE_AFTER } from '../sql/plan-fence';
import type { FilterGroup, FilterNode, FilterValue } from '../language/tree';

/**
 * The SQL the engine writes, pinned per dialect in `__sql__/<engine>.sql`: every field of the
 * member with every operator it takes, every scoped field, every quantifier, NOT, the OR that
 * becomes a UNION of id sets, the plan fence, and the count and page statements around a
 * predicate. The SQL shapes are tuned (performance notes, the bench); a change to one shows here,
 * in review, as a diff of this file, and fails until the file is regenerated on purpose:
 * `npx vitest run src/filter/__tests__/pinned-sql.test.ts -u` (from api/). Whether the SQL is
 * right is the business of compiler-vs-oracle.test.ts; this test says whether it changed.
 */
interface Case {
  name: string;
  source: SegmentSource;
  member: MemberType;
  tree: FilterGroup;
}

const ZONE = 'Europe/Warsaw';
const and = (...rules: FilterNode[]): FilterGroup => ({ combinator: Combinator.AND, rules });
const rule = (field: string, operator: Op, value?: FilterValue): FilterNode => ({ rule: { field, operator, value } });
const scoped = (scope: FilterScope, quantifier: Quantifier, rules: FilterNode[], threshold?: number): FilterNode => ({
  group: { combinator: Combinator.AND, scope, quantifier, threshold: threshold ?? null, rules },
});

/** A fixed value for the slot the (field, operator) pair takes: listed fields get their first two values. */
function valueFor(def: FieldDef, operator: Op, listed: Map<string, string[]>): FilterValue | undefined {
  const values = listed.get(def.id)?.slice(0, 2) ?? [];
  switch (slotFor(def.type, operator)) {
    case null:
      return undefined;
    case ValueSlot.STRING:
      return { string: 'Kraków' };
    case ValueSlot.STRINGS:
      return { strings: values.length ? values : ['Kraków', 'Gdańsk'] };
    case ValueSlot.IDS:
      return { ids: values };
    case ValueSlot.NUMBER:
      return { number: operator === Op.IN_NEXT_DAYS ? 7 : 5 };
    case ValueSlot.NUMBER_RANGE:
      return { numberRange: { min: 1, max: 10 } };
    case ValueSlot.DATE:
      return { date: '2026-01-15' };
    case ValueSlot.DATE_RANGE:
      return { dateRange: { from: '2026-01-01', to: '2026-01-31' } };
    case ValueSlot.RELATIVE:
      return { relative: { amount: 30, unit: DateUnit.DAY } };
    case ValueSlot.BOOLEAN:
      return { boolean: true };
  }
}

function casesOf(catalog: FieldCatalog, listed: Map<string, string[]>, segmentId: string): Case[] {
  const cases: Case[] = [];
  const add = (name: string, tree: FilterGroup, member: MemberType = 'contact', source = SegmentSource.CLIENTS) => cases.push({ name, source, member, tree });
  const fields = (source: SegmentSource) => catalog.fields.filter((def) => def.sources.includes(source) && def.id !== 'segment.membership');

  // Every operator of every field the member itself has.
  for (const def of fields(SegmentSource.CLIENTS).filter((d) => d.scope === null)) {
    for (const operator of def.operators) add(`${def.id} ${operator}`, and(rule(def.id, operator, valueFor(def, operator, listed))));
  }
  for (const def of fields(SegmentSource.LEADS).filter((d) => d.scope === null)) {
    for (const operator of def.operators) add(`lead: ${def.id} ${operator}`, and(rule(def.id, operator, valueFor(def, operator, listed))), 'lead', SegmentSource.LEADS);
  }
  // Every field of a related record, with each of its operators, in a "has some" group (a stage
  // rule only with a pipeline rule beside it: resolve.ts refuses it alone).
  const pipelineDef = catalog.fields.find((d) => d.id === 'deal.pipeline')!;
  const pipeline = rule('deal.pipeline', Op.IN, valueFor(pipelineDef, Op.IN, listed));
  for (const def of fields(SegmentSource.CLIENTS).filter((d) => d.scope !== null)) {
    for (const operator of def.operators) {
      const tested = rule(def.id, operator, valueFor(def, operator, listed));
      add(`${def.scope} SOME: ${def.id} ${operator}`, and(scoped(def.scope as FilterScope, Quantifier.SOME, def.id === 'deal.stage' ? [pipeline, tested] : [tested])));
    }
  }
  // Every quantifier (and the thresholds that change the shape).
  const wonBig = [rule('deal.amount', Op.GT, { number: 1000 })];
  for (const [quantifier, threshold] of [
    [Quantifier.SOME],
    [Quantifier.NONE],
    [Quantifier.ALL],
    [Quantifier.AT_LEAST, 0],
    [Quantifier.AT_LEAST, 1],
    [Quantifier.AT_LEAST, 3],
    [Quantifier.AT_MOST, 0],
    [Quantifier.AT_MOST, 3],
    [Quantifier.EXACTLY, 0],
    [Quantifier.EXACTLY, 3],
  ] as Array<[Quantifier, number?]>) {
    add(`DEALS ${quantifier}${threshold === undefined ? '' : ` ${threshold}`}`, and(scoped(FilterScope.DEALS, quantifier, wonBig, threshold)));
  }
  add('DEALS SOME with no rules (has a deal)', and(scoped(FilterScope.DEALS, Quantifier.SOME, [])));
  add('DEALS NONE with no rules (has no deal)', and(scoped(FilterScope.DEALS, Quantifier.NONE, [])));
  add('companies: DEALS SOME', and(scoped(FilterScope.DEALS, Quantifier.SOME, wonBig)), 'company');
  add('leads: ACTIVITIES SOME', and(scoped(FilterScope.ACTIVITIES, Quantifier.SOME, [rule('activity.completed', Op.EQ, { boolean: true })])), 'lead', SegmentSource.LEADS);
  // NOT, nesting, and the two shapes of OR.
  const city = rule('client.city', Op.EQ, { string: 'Kraków' });
  add('NOT group', { combinator: Combinator.AND, not: true, rules: [city, rule('contact.age', Op.GT, { number: 30 })] });
  add('OR on the member row (stays an OR)', { combinator: Combinator.OR, rules: [city, rule('contact.age', Op.GT, { number: 30 })] });
  add('OR across tables (UNION of id sets)', {
    combinator: Combinator.OR,
    rules: [city, scoped(FilterScope.DEALS, Quantifier.SOME, wonBig), scoped(FilterScope.ORDERS, Quantifier.SOME, [rule('order.paid', Op.EQ, { boolean: true })])],
  });
  add(
    'OR inside a related record',
    and({ group: { combinator: Combinator.OR, scope: FilterScope.DEALS, quantifier: Quantifier.SOME, rules: [...wonBig, rule('deal.status', Op.IN, { strings: ['WON'] })] } }),
  );
  add(
    'three levels: contact, company, deal',
    and(city, {
      group: {
        combinator: Combinator.OR,
        rules: [rule('company.revenue', Op.GT, { number: 1_000_000 }), { group: { combinator: Combinator.AND, not: true, rules: [scoped(FilterScope.DEALS, Quantifier.NONE, wonBig)] } }],
      },
    }),
  );
  add('segment membership', and(rule('segment.membership', Op.IN, { ids: [segmentId] })));
  // Past FENCE_AFTER subqueries, PostgreSQL's get OFFSET 0 (plan-fence.ts); SQLite's do not.
  const many = Array.from({ length: FENCE_AFTER + 1 }, (_, i) => scoped(FilterScope.DEALS, Quantifier.SOME, [rule('deal.amount', Op.GT, { number: i })]));
  add(`plan fence: ${FENCE_AFTER + 1} related-record groups`, and(...many));
  add(`no fence: ${FENCE_AFTER} related-record groups`, and(...many.slice(0, FENCE_AFTER)));
  return cases;
}

const text = (value: unknown) => JSON.stringify(value);

describe.each(engines)('the SQL the engine writes on %s, pinned', (engine) => {
  let api: TestApi;
  let catalog: FieldCatalog;
  let listed: Map<string, string[]>;
  let segmentId: string;
  beforeAll(async () => {
    api = await startTestApi(engine);
    ({ catalog, listed } = await setUpFilterFixture(api));
    const created = await api.exec<{ createSegment: { segment: { id: string } } }>(
      `mutation { createSegment(input: { name: "Kraków", filter: { combinator: AND, rules: [{ rule: { field: "client.city", operator: EQ, value: { string: "Kraków" } } }] } }) { segment { id } } }`,
    );
    segmentId = created.createSegment.segment.id;
  });
  afterAll(async () => api?.close());

  it('matches __sql__/' + engine + '.sql, case by case', async () => {
    const cases = casesOf(catalog, listed, segmentId);
    const out: string[] = [`-- ${cases.length} cases on ${engine}, time zone ${ZONE}, now ${NOW.toISOString()}. Generated by pinned-sql.test.ts (-u to regenerate).`];
    for (const c of cases) {
      const prepared = await prepareFilter(api.context(), { tree: c.tree, source: c.source, members: [c.member], timeZone: ZONE, now: NOW });
      expect(prepared.problems, `${c.name}: ${text(c.tree)}`).toEqual([]);
      const predicate = prepared.predicates.get(c.member)!;
      out.push('', `-- ${c.name} (${c.member})`, `-- tree: ${text(c.tree.rules.length === 1 && !c.tree.not ? c.tree.rules[0] : c.tree)}`, predicate.sql, `-- params: ${text(predicate.params)}`);
    }
    // The statements around a predicate: one count, one keyset page.
    const first = await prepareFilter(api.context(), { tree: and(rule('client.city', Op.EQ, { string: 'Kraków' })), source: SegmentSource.CLIENTS, members: ['contact'], timeZone: ZONE, now: NOW });
    const predicate = first.predicates.get('contact')!;
    for (const [name, statement] of [
      ['count statement', countStatement([{ table: tableOf('contact'), predicate }])],
      ['page statement after key 100, 50 rows', idPageStatement({ table: tableOf('contact'), predicate }, 100, 50)],
    ] as const) {
      out.push('', `-- ${name} (contact, client.city EQ Kraków)`, statement.sql, `-- params: ${text(statement.params)}`);
    }
    await expect(out.join('\n') + '\n').toMatchFileSnapshot(`./__sql__/${engine}.sql`);
  });
});
