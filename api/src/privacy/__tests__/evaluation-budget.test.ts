import { describe, expect, it } from 'vitest';
import { EvaluationBudget, filterHash } from '../evaluation-budget';

describe('the evaluation budget', () => {
  it('charges one filter sent twice at once only once', async () => {
    const budget = new EvaluationBudget(2);
    expect(await Promise.all([budget.charge('user:1', 'a'), budget.charge('user:1', 'a')])).toEqual([null, null]);
    expect(await budget.charge('user:1', 'b')).toBeNull();
    expect(await budget.charge('user:1', 'c')).toBeGreaterThan(3500);
  });

  it('refuses every copy of a new filter once the budget is spent: a duplicate alias cannot slip past the refusal', async () => {
    const budget = new EvaluationBudget(1);
    await budget.charge('token:7', 'a');
    const [first, second] = await Promise.all([budget.charge('token:7', 'b'), budget.charge('token:7', 'b')]);
    expect(first).toBeGreaterThan(0);
    expect(second).toBe(first);
    // A refused filter is not remembered as tried: asking again is refused again.
    expect(await budget.charge('token:7', 'b')).toBeGreaterThan(0);
    expect(await budget.charge('token:7', 'a')).toBeNull();
  });

  it('keeps credentials apart, and a filter tried is free for an hour, then charged again', async () => {
    const budget = new EvaluationBudget(1);
    const start = Date.now();
    expect(await budget.charge('user:1', 'a', start)).toBeNull();
    expect(await budget.charge('user:2', 'b', start)).toBeNull();
    expect(await budget.charge('user:1', 'a', start + 59 * 60_000)).toBeNull();
    // Past the hour the filter is charged anew, and this (real-time) window's one point is spent.
    expect(await budget.charge('user:1', 'a', start + 61 * 60_000)).toBeGreaterThan(0);
  });

  it('hashes a filter the same whatever the order of its keys and absent values', () => {
    expect(filterHash({ tree: { combinator: 'AND', rules: [], not: null }, source: 'CLIENTS' })).toBe(filterHash({ source: 'CLIENTS', tree: { rules: [], combinator: 'AND' } }));
    expect(filterHash({ tree: { combinator: 'AND', rules: [] } })).not.toBe(filterHash({ tree: { combinator: 'OR', rules: [] } }));
  });
});
