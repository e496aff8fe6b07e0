import { describe, expect, it } from 'vitest';
import { clearedFilters, DEFAULT_LIST_STATE, hasFilters, listStateToQuery, listVariables, pageState, parseListState, withFilters, type ListState } from './list-state';

const parse = (query: string) => parseListState(new URLSearchParams(query));

describe('list state <-> query string', () => {
  it('reads the defaults from an empty query string and writes them as ""', () => {
    expect(parse('')).toEqual(DEFAULT_LIST_STATE);
    expect(listStateToQuery(DEFAULT_LIST_STATE)).toBe('');
  });

  it.each<[string, Partial<ListState>]>([
    ['?q=vip', { search: 'vip' }],
    ['?kind=static', { kind: 'STATIC' }],
    ['?kind=dynamic', { kind: 'DYNAMIC' }],
    ['?tag=Black+Friday', { tag: 'Black Friday' }],
    ['?order=name', { order: 'name' }],
    ['?after=abc%3D', { after: 'abc=' }],
    ['?before=xyz', { before: 'xyz' }],
    ['?q=a+b%26c&kind=static&tag=t%2F1&order=name&after=c', { search: 'a b&c', kind: 'STATIC', tag: 't/1', order: 'name', after: 'c' }],
  ])('round-trips %s', (query, patch) => {
    const state = { ...DEFAULT_LIST_STATE, ...patch };
    expect(parse(query)).toEqual(state);
    expect(listStateToQuery(state)).toBe(query);
  });

  it('ignores unknown and empty values', () => {
    expect(parse('q=%20%20&kind=both&tag=&order=size&after=')).toEqual(DEFAULT_LIST_STATE);
  });

  it('accepts the kind in any case, trims the search', () => {
    expect(parse('kind=STATIC&q=%20vip%20')).toEqual({ ...DEFAULT_LIST_STATE, kind: 'STATIC', search: 'vip' });
  });

  it('keeps one cursor: `after` wins over `before`', () => {
    expect(parse('after=a&before=b')).toMatchObject({ after: 'a', before: null });
    expect(listStateToQuery({ ...DEFAULT_LIST_STATE, after: 'a', before: 'b' })).toBe('?after=a');
  });

  it('leaves out a search of spaces', () => {
    expect(listStateToQuery({ ...DEFAULT_LIST_STATE, search: '   ' })).toBe('');
  });
});

describe('changing filters', () => {
  const onPage3: ListState = { ...DEFAULT_LIST_STATE, search: 'vip', after: 'cursor' };

  it('starts again from the first page when a filter or the order changes', () => {
    expect(withFilters(onPage3, { kind: 'STATIC' })).toEqual({ ...onPage3, kind: 'STATIC', after: null });
    expect(withFilters(onPage3, { search: 'vip2' })).toMatchObject({ search: 'vip2', after: null });
    expect(withFilters(onPage3, { order: 'name' })).toMatchObject({ order: 'name', after: null });
    expect(withFilters({ ...onPage3, after: null, before: 'c' }, { tag: 'x' })).toMatchObject({ tag: 'x', before: null });
  });

  it('keeps the page when nothing really changes', () => {
    expect(withFilters(onPage3, { search: ' vip ' })).toBe(onPage3);
    expect(withFilters(onPage3, {})).toBe(onPage3);
  });

  it('knows whether the list is narrowed, and clears the filters but not the order', () => {
    expect(hasFilters(DEFAULT_LIST_STATE)).toBe(false);
    expect(hasFilters({ ...DEFAULT_LIST_STATE, order: 'name', after: 'c' })).toBe(false);
    expect(hasFilters({ ...DEFAULT_LIST_STATE, tag: 't' })).toBe(true);
    expect(clearedFilters({ ...onPage3, tag: 't', order: 'name' })).toEqual({ ...DEFAULT_LIST_STATE, order: 'name' });
  });
});

describe('paging', () => {
  const cursors = { startCursor: 's', endCursor: 'e' };

  it('goes to the next page after the last row, to the previous before the first', () => {
    expect(pageState({ ...DEFAULT_LIST_STATE, before: 'x' }, 'next', cursors)).toMatchObject({ after: 'e', before: null });
    expect(pageState({ ...DEFAULT_LIST_STATE, after: 'x' }, 'previous', cursors)).toMatchObject({ after: null, before: 's' });
  });

  it('stays put without a cursor', () => {
    expect(pageState(DEFAULT_LIST_STATE, 'next', {})).toBe(DEFAULT_LIST_STATE);
    expect(pageState(DEFAULT_LIST_STATE, 'previous', { startCursor: null })).toBe(DEFAULT_LIST_STATE);
  });
});

describe('query variables', () => {
  it('asks for the first page, latest change first, unfiltered by default', () => {
    expect(listVariables(DEFAULT_LIST_STATE, 20)).toEqual({ where: null, orderBy: { field: 'UPDATED_AT', direction: 'DESC' }, first: 20, after: null });
  });

  it('passes the filters, the name order and a forward cursor', () => {
    expect(listVariables({ search: ' vip ', kind: 'DYNAMIC', tag: 'promo', order: 'name', after: 'c', before: null }, 10)).toEqual({
      where: { search: 'vip', kind: 'DYNAMIC', tag: 'promo' },
      orderBy: { field: 'NAME', direction: 'ASC' },
      first: 10,
      after: 'c',
    });
  });

  it('pages backward with `last` and `before`', () => {
    expect(listVariables({ ...DEFAULT_LIST_STATE, before: 'c' }, 10)).toMatchObject({ last: 10, before: 'c' });
  });
});
