import type { RuleGroupType } from 'react-querybuilder';
import { describe, expect, it } from 'vitest';
import { countRules, pipelinesBeside } from './tree';

const query: RuleGroupType = {
  id: 'root',
  combinator: 'AND',
  rules: [
    { id: 'p0', field: 'deal.pipeline', operator: 'IN', value: { ids: ['P1'] } },
    { id: 's0', field: 'deal.stage', operator: 'IN', value: { ids: [] } },
    {
      id: 'm',
      field: '@DEALS',
      operator: 'SCOPE',
      match: { mode: 'some' },
      value: {
        id: 'inner',
        combinator: 'AND',
        rules: [
          { id: 'p1', field: 'deal.pipeline', operator: 'IN', value: { ids: ['P2', 'P3'] } },
          { id: 's1', field: 'deal.stage', operator: 'IN', value: null },
        ],
      },
    },
    { id: 'g', combinator: 'OR', rules: [{ id: 's2', field: 'deal.stage', operator: 'IN', value: null }] },
  ],
};

describe('rules beside a rule', () => {
  it('finds the pipelines of the same group only', () => {
    expect(pipelinesBeside(query, 's0')).toEqual(['P1']);
    expect(pipelinesBeside(query, 's1')).toEqual(['P2', 'P3']);
    expect(pipelinesBeside(query, 's2')).toEqual([]);
    expect(pipelinesBeside(query, 'missing')).toEqual([]);
  });
  it('counts nested rules', () => {
    expect(countRules(query)).toBe(6);
  });
});
