import { describe, expect, it } from 'vitest';
import { countedBasis, errorsByInput, JUST_NOW_MS, segmentHref, segmentSizes, sourceKey } from './model';

describe('segment sizes', () => {
  it('maps the member count and each channel, and keeps the oldest computation time', () => {
    const sizes = segmentSizes({
      id: 's',
      memberCount: { value: 12, fewerThan: null, computedAt: '2026-01-01T10:00:02Z' },
      recipientCounts: [
        { channel: 'PHONE', value: 5, fewerThan: null, computedAt: '2026-01-01T10:00:03Z' },
        { channel: 'EMAIL', value: 9, fewerThan: null, computedAt: '2026-01-01T10:00:01Z' },
        { channel: 'IM', value: null, fewerThan: 10, computedAt: '2026-01-01T10:00:04Z' },
      ],
    });
    const exact = (value: number) => ({ value, fewerThan: null });
    expect(sizes).toEqual({ values: { MEMBERS: exact(12), EMAIL: exact(9), PHONE: exact(5), IM: { value: null, fewerThan: 10 } }, computedAt: '2026-01-01T10:00:01Z' });
  });

  it('leaves a channel the API did not count empty', () => {
    const sizes = segmentSizes({
      id: 's',
      memberCount: { value: 3, fewerThan: null, computedAt: '2026-01-01T10:00:00Z' },
      recipientCounts: [{ channel: 'EMAIL', value: 2, fewerThan: null, computedAt: '2026-01-01T10:00:00Z' }],
    });
    expect(sizes.values).toEqual({ MEMBERS: { value: 3, fewerThan: null }, EMAIL: { value: 2, fewerThan: null }, PHONE: null, IM: null });
  });

  it('leaves counts the API refused (no segments:read) empty rather than failing', () => {
    expect(segmentSizes({ id: 's', memberCount: null, recipientCounts: null })).toEqual({ values: { MEMBERS: null, EMAIL: null, PHONE: null, IM: null }, computedAt: null });
  });
});

describe('source of a row', () => {
  it.each([
    [{ kind: 'DYNAMIC', source: 'CLIENTS', clientType: 'ANY' }, 'ANY'],
    [{ kind: 'DYNAMIC', source: 'CLIENTS', clientType: 'CONTACT' }, 'CONTACT'],
    [{ kind: 'DYNAMIC', source: 'CLIENTS', clientType: 'COMPANY' }, 'COMPANY'],
    [{ kind: 'DYNAMIC', source: 'LEADS', clientType: 'ANY' }, 'LEADS'],
    [{ kind: 'STATIC', source: 'CLIENTS', clientType: 'ANY' }, 'STATIC'],
  ] as const)('%o reads %s', (segment, expected) => {
    expect(sourceKey(segment)).toBe(expected);
  });
});

describe('"counted … ago"', () => {
  const now = new Date('2026-01-01T12:00:00Z');

  it('says "just now" for a fresh count or one from a clock ahead of ours', () => {
    expect(countedBasis(new Date(now.getTime() - JUST_NOW_MS + 1).toISOString(), now)).toBeNull();
    expect(countedBasis('2026-01-01T12:05:00Z', now)).toBeNull();
    expect(countedBasis('not a date', now)).toBeNull();
  });

  it('describes an older count from its time', () => {
    expect(countedBasis('2026-01-01T11:55:00Z', now)).toEqual(new Date('2026-01-01T11:55:00Z'));
  });
});

describe('payload errors by input', () => {
  const error = (path: string[], code = 'INVALID') => ({ code, message: code, path, count: null });

  it('puts each error under the input it names, the rest under ""', () => {
    const name = error(['input', 'name'], 'REQUIRED');
    const tag = error(['input', 'tags', '3']);
    const zone = error(['input', 'timeZone']);
    const id = error(['id'], 'NOT_FOUND');
    expect(errorsByInput([name, tag, zone, id], ['name', 'description', 'tags'])).toEqual({ name: [name], tags: [tag], '': [zone, id] });
  });

  it('is empty without errors', () => {
    expect(errorsByInput([], ['name'])).toEqual({});
  });
});

describe('segment links', () => {
  it('escapes the opaque id', () => {
    expect(segmentHref('U2VnbWVudDox')).toBe('/segments/U2VnbWVudDox');
    expect(segmentHref('a/b+c=')).toBe('/segments/a%2Fb%2Bc%3D');
  });
});
