import { describe, expect, it } from 'vitest';
import { auditStateToQuery, auditVariables, dateOfDay, dayOf, DEFAULT_AUDIT_STATE, hasFilters, pageState, parseAuditState, validDay, withFilters, type AuditState } from './audit-state';

const parse = (query: string) => parseAuditState(new URLSearchParams(query));

describe('audit log state <-> query string', () => {
  it('reads the defaults from an empty query string and writes them as ""', () => {
    expect(parse('')).toEqual(DEFAULT_AUDIT_STATE);
    expect(auditStateToQuery(DEFAULT_AUDIT_STATE)).toBe('');
  });

  it.each<[string, Partial<AuditState>]>([
    ['?action=SEGMENT_DELETED', { actions: ['SEGMENT_DELETED'] }],
    ['?action=SEGMENT_CREATED%2CSEGMENT_EXPORTED', { actions: ['SEGMENT_CREATED', 'SEGMENT_EXPORTED'] }],
    ['?user=VXNlcjox', { user: 'VXNlcjox' }],
    ['?subject=U2VnbWVudDox', { subject: 'U2VnbWVudDox' }],
    ['?from=2026-11-01&to=2026-11-22', { from: '2026-11-01', to: '2026-11-22' }],
    ['?after=abc', { after: 'abc' }],
    ['?before=xyz', { before: 'xyz' }],
    ['?action=CRM_IMPORTED&user=u&from=2026-01-31&after=c', { actions: ['CRM_IMPORTED'], user: 'u', from: '2026-01-31', after: 'c' }],
  ])('round-trips %s', (query, patch) => {
    const state = { ...DEFAULT_AUDIT_STATE, ...patch };
    expect(parse(query)).toEqual(state);
    expect(auditStateToQuery(state)).toBe(query);
  });

  it('drops unknown actions and malformed days, keeps known actions in menu order once', () => {
    expect(parse('action=segment_exported,NOPE,SEGMENT_CREATED,SEGMENT_CREATED&from=2026-02-30&to=yesterday')).toEqual({ ...DEFAULT_AUDIT_STATE, actions: ['SEGMENT_CREATED', 'SEGMENT_EXPORTED'] });
  });

  it('swaps a range given backwards', () => {
    expect(parse('from=2026-12-01&to=2026-11-01')).toMatchObject({ from: '2026-11-01', to: '2026-12-01' });
  });

  it('keeps one cursor: `after` wins over `before`', () => {
    expect(parse('after=a&before=b')).toMatchObject({ after: 'a', before: null });
  });
});

describe('filters and pages', () => {
  const onPage: AuditState = { ...DEFAULT_AUDIT_STATE, actions: ['SEGMENT_DELETED'], after: 'c' };

  it('starts again from the newest events when a filter changes, not when it is set to the same', () => {
    expect(withFilters(onPage, { user: 'u' })).toEqual({ ...onPage, user: 'u', after: null });
    expect(withFilters(onPage, { actions: ['SEGMENT_DELETED'] })).toBe(onPage);
    expect(hasFilters(DEFAULT_AUDIT_STATE)).toBe(false);
    expect(hasFilters({ ...DEFAULT_AUDIT_STATE, to: '2026-01-01' })).toBe(true);
  });

  it('moves to older events with the end cursor and to newer ones with the start cursor', () => {
    expect(pageState(DEFAULT_AUDIT_STATE, 'next', { startCursor: 's', endCursor: 'e' })).toMatchObject({ after: 'e', before: null });
    expect(pageState(onPage, 'previous', { startCursor: 's', endCursor: 'e' })).toMatchObject({ after: null, before: 's' });
  });
});

describe('query variables', () => {
  it('asks for the first page without a filter by default', () => {
    expect(auditVariables(DEFAULT_AUDIT_STATE, 10)).toEqual({ filter: null, first: 10, after: null });
  });

  it('turns inclusive days into local midnights, the end exclusive', () => {
    const variables = auditVariables({ ...DEFAULT_AUDIT_STATE, actions: ['SEGMENT_EXPORTED'], user: 'u', subject: 's', from: '2026-03-28', to: '2026-03-29' }, 10);
    expect(variables.filter).toEqual({
      actions: ['SEGMENT_EXPORTED'],
      actorId: 'u',
      subjectId: 's',
      from: new Date(2026, 2, 28).toISOString(),
      to: new Date(2026, 2, 30).toISOString(),
    });
  });

  it('pages backwards with last/before', () => {
    expect(auditVariables({ ...DEFAULT_AUDIT_STATE, before: 'b' }, 10)).toEqual({ filter: null, last: 10, before: 'b' });
  });
});

describe('days', () => {
  it('accepts real calendar days only', () => {
    expect(validDay('2024-02-29')).toBe('2024-02-29');
    expect(validDay('2025-02-29')).toBeNull();
    expect(validDay('2025-13-01')).toBeNull();
    expect(validDay('1.2.2025')).toBeNull();
  });

  it('converts between days and local dates, across month ends', () => {
    expect(dayOf(dateOfDay('2026-01-31', 1))).toBe('2026-02-01');
    expect(dayOf(new Date(2026, 10, 5, 23, 59))).toBe('2026-11-05');
  });
});
