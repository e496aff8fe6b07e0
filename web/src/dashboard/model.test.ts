import { describe, expect, it } from 'vitest';
import { isKnownStageSemantic, orderPipelines, recordCounts } from './model';

const connection = (totalCount: number) => ({ totalCount });

describe('recordCounts', () => {
  it('lists every record type in display order with its total', () => {
    const counts = recordCounts({
      contacts: connection(1000),
      companies: connection(200),
      leads: connection(500),
      deals: connection(2000),
      products: connection(50),
      orders: connection(300),
    });
    expect(counts.map((c) => [c.key, c.count])).toEqual([
      ['contacts', 1000],
      ['companies', 200],
      ['leads', 500],
      ['deals', 2000],
      ['products', 50],
      ['orders', 300],
    ]);
  });
});

describe('isKnownStageSemantic', () => {
  it('knows the three semantics and nothing else', () => {
    expect(['IN_PROGRESS', 'WON', 'LOST'].every(isKnownStageSemantic)).toBe(true);
    expect(isKnownStageSemantic('ON_HOLD')).toBe(false);
  });
});

describe('orderPipelines', () => {
  const stage = (name: string, sort: number) => ({ name, sort });
  const pipelines = [
    { name: 'Renewals', sort: 2, isDefault: false, stages: [stage('Won', 3), stage('New', 1), stage('Lost', 4), stage('Proposal', 2)] },
    { name: 'Partners', sort: 1, isDefault: false, stages: [] },
    { name: 'Sales', sort: 5, isDefault: true, stages: [stage('B', 1), stage('A', 1)] },
  ];

  it('puts the default pipeline first, then orders by sort', () => {
    expect(orderPipelines(pipelines).map((p) => p.name)).toEqual(['Sales', 'Partners', 'Renewals']);
  });

  it('orders stages by sort, then name', () => {
    const [sales, , renewals] = orderPipelines(pipelines);
    expect(renewals!.stages.map((s) => s.name)).toEqual(['New', 'Proposal', 'Won', 'Lost']);
    expect(sales!.stages.map((s) => s.name)).toEqual(['A', 'B']);
  });

  it('does not mutate its input (urql cache results are shared)', () => {
    const before = JSON.stringify(pipelines);
    orderPipelines(pipelines);
    expect(JSON.stringify(pipelines)).toBe(before);
  });
});
