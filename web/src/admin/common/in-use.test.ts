import { describe, expect, it } from 'vitest';
import { errorAt, inUseOf } from './in-use';

describe('IN_USE explained', () => {
  it('prefers the segments in the way', () => {
    const segments = [{ id: 'U2VnbWVudDox', name: 'VIP' }];
    expect(inUseOf([{ code: 'IN_USE', message: 'm', path: ['id'], count: 3, segments }])).toEqual({ kind: 'segments', segments, total: 3 });
  });

  it('counts records when no segment is in the way', () => {
    expect(inUseOf([{ code: 'IN_USE', message: 'm', path: ['id'], count: 12, segments: null }])).toEqual({ kind: 'records', count: 12 });
  });

  it('falls back to the API words, and is null for other errors', () => {
    const error = { code: 'IN_USE', message: 'This is the default pipeline', path: ['id'], count: null };
    expect(inUseOf([error])).toEqual({ kind: 'other', error });
    expect(inUseOf([{ code: 'NOT_FOUND', message: 'gone', path: ['id'] }])).toBeNull();
    expect(inUseOf(undefined)).toBeNull();
  });

  it('finds the error of an input by path prefix', () => {
    const errors = [
      { code: 'INVALID', message: 'code', path: ['input', 'code'] },
      { code: 'INVALID', message: 'label', path: ['input', 'options', '1', 'label'] },
    ];
    expect(errorAt(errors, 'input', 'code')?.message).toBe('code');
    expect(errorAt(errors, 'input', 'options', '1')?.message).toBe('label');
    expect(errorAt(errors, 'input', 'label')).toBeUndefined();
  });
});
