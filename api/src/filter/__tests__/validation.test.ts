import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/api';
import { engines } from '../../../test/databases';

const LIST = `query($filter: FilterGroupInput!) { contacts(first: 5, filter: $filter) { totalCount } }`;
const rule = (field: string, operator: string, value?: unknown) => ({ rule: { field, operator, value } });
const group = (rules: unknown[], extra: Record<string, unknown> = {}) => ({ group: { combinator: 'AND', rules, ...extra } });

describe.each(engines)('filter validation on %s', (engine) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(engine, { filterLimits: { maxDepth: 3, maxRules: 5, maxValues: 3 } });
  });
  afterAll(async () => api?.close());

  const problems = async (filter: unknown) => {
    const result = await api.execRaw(LIST, { filter });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_FILTER');
    expect(JSON.stringify(result.errors)).not.toMatch(/SELECT .* FROM|stacktrace|\.ts:\d/);
    return (result.errors?.[0]?.extensions?.problems as Array<{ path: string[]; code: string; message: string }>).map((p) => [p.path.join('.'), p.code]);
  };

  it.each([
    ['an unknown field', [rule('contact.shoeSize', 'EQ', { number: 42 })], [['rules.0.rule.field', 'UNKNOWN_FIELD']]],
    ['an operator the type does not take', [rule('client.city', 'GT', { number: 1 })], [['rules.0.rule.operator', 'OPERATOR_NOT_ALLOWED']]],
    ['a value in the wrong slot', [rule('client.city', 'EQ', { number: 1 })], [['rules.0.rule.value', 'VALUE_TYPE_MISMATCH']]],
    ['a missing value', [rule('company.revenue', 'GT')], [['rules.0.rule.value', 'MISSING_VALUE']]],
    ['an unknown reference code', [rule('client.source', 'IN', { strings: ['WEB', 'CARRIER_PIGEON'] })], [['rules.0.rule.value', 'UNKNOWN_VALUE']]],
    ['an unknown id', [rule('client.responsible', 'IN', { ids: ['VXNlcjo5OTk5'] })], [['rules.0.rule.value', 'UNKNOWN_VALUE']]],
    ['a stage without a pipeline', [rule('deal.stage', 'IN', { ids: ['U3RhZ2U6MQ'] })], [['rules.0.rule.field', 'STAGE_WITHOUT_PIPELINE']]],
    ['an empty group', [group([])], [['rules.0.group.rules', 'EMPTY_GROUP']]],
    ['a lead field in a clients filter', [rule('lead.converted', 'EQ', { boolean: true })], [['rules.0.rule.field', 'SCOPE_MISMATCH']]],
    ['a contact field inside a deals group', [group([rule('client.city', 'EQ', { string: 'x' })], { scope: 'DEALS' })], [['rules.0.group.rules.0.rule.field', 'SCOPE_MISMATCH']]],
    ['too many values', [rule('client.city', 'IN', { strings: ['a', 'b', 'c', 'd'] })], [['rules.0.rule.value.strings', 'TOO_MANY_VALUES']]],
    ['a quantifier without its threshold', [group([], { scope: 'DEALS', quantifier: 'AT_LEAST' })], [['rules.0.group.threshold', 'MISSING_VALUE']]],
  ])('reports %s', async (_name, rules, expected) => {
    expect(await problems({ combinator: 'AND', rules })).toEqual(expected);
  });

  it('reports every problem at once, and the nesting and size limits', async () => {
    const deep = { combinator: 'AND', rules: [group([group([group([rule('client.city', 'EQ', { string: 'x' })])])])] };
    expect(await problems(deep)).toEqual([['rules.0.group.rules.0.group.rules.0.group', 'TOO_DEEP']]);
    const many = { combinator: 'OR', rules: Array.from({ length: 6 }, () => rule('client.city', 'EQ', { string: 'x' })) };
    expect(await problems(many)).toEqual([['', 'TOO_MANY_RULES']]);
    const several = { combinator: 'AND', rules: [rule('nope', 'EQ'), rule('client.city', 'GT', { number: 1 }), rule('company.revenue', 'BETWEEN', { numberRange: { min: 5, max: 1 } })] };
    expect(await problems(several)).toEqual([
      ['rules.0.rule.field', 'UNKNOWN_FIELD'],
      ['rules.1.rule.operator', 'OPERATOR_NOT_ALLOWED'],
      ['rules.2.rule.value.numberRange', 'VALUE_TYPE_MISMATCH'],
    ]);
  });

  it('accepts a stage with its pipeline, explicit or gathered from bare deal rules', async () => {
    const { pipelines } = await api.exec(`{ pipelines { id stages { id code } } }`);
    const won = pipelines[0].stages.find((s: { code: string }) => s.code === 'WON').id;
    const bare = { combinator: 'AND', rules: [rule('deal.pipeline', 'IN', { ids: [pipelines[0].id] }), rule('deal.stage', 'IN', { ids: [won] })] };
    expect((await api.execRaw(LIST, { filter: bare })).errors).toBeUndefined();
  });

  it('checks a filter without running it and echoes the tree as stored (FilterTree)', async () => {
    const filter = { combinator: 'AND', rules: [rule('client.createdAt', 'ON', { date: '2026-01-31' }), group([rule('nope', 'EQ')])] };
    const data = await api.exec(`query($f: FilterGroupInput!) { checkFilter(source: CLIENTS, filter: $f) { valid problems { path code } tree } }`, { f: filter });
    expect(data.checkFilter.valid).toBe(false);
    expect(data.checkFilter.problems).toEqual([{ path: ['rules', '1', 'group', 'rules', '0', 'rule', 'field'], code: 'UNKNOWN_FIELD' }]);
    expect(data.checkFilter.tree.rules[0].rule).toEqual({ field: 'client.createdAt', operator: 'ON', value: { date: '2026-01-31' } });
    const ok = await api.exec(`query($f: FilterGroupInput!) { checkFilter(source: CLIENTS, clientType: CONTACT, filter: $f) { valid problems { code } } }`, {
      f: { combinator: 'AND', rules: [filter.rules[0]] },
    });
    expect(ok.checkFilter).toEqual({ valid: true, problems: [] });
  });
});
