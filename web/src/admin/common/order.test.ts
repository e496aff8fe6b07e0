import { describe, expect, it } from 'vitest';
import { moveId, resequence } from './order';

describe('moving items', () => {
  it('moves one place up or down and clamps at the ends', () => {
    expect(moveId(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveId(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moveId(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveId(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('renumbers only the items whose sort changes', () => {
    const items = [
      { id: 'a', sort: 10 },
      { id: 'b', sort: 20 },
      { id: 'c', sort: 30 },
    ];
    expect(resequence(items, 2, -1)).toEqual([
      { id: 'c', sort: 20 },
      { id: 'b', sort: 30 },
    ]);
  });

  it('untangles equal or sparse sort numbers', () => {
    const items = [
      { id: 'a', sort: 5 },
      { id: 'b', sort: 5 },
      { id: 'c', sort: 100 },
    ];
    expect(resequence(items, 0, 1)).toEqual([
      { id: 'b', sort: 10 },
      { id: 'a', sort: 20 },
      { id: 'c', sort: 30 },
    ]);
  });
});
