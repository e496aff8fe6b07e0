import type { SegmentKind, SegmentsListQueryVariables } from '@/graphql/gql/graphql';

/** How the list is ordered: latest change first (the API's default) or by name. */
export type ListOrder = 'updated' | 'name';

/**
 * What the segments list shows, kept in the page's query string (`?q=…&kind=static&tag=…&order=name`)
 * so a reload or the browser's Back button brings the same view back. `after` / `before` are the
 * keyset cursors of the page shown (at most one is set).
 */
export interface ListState {
  search: string;
  kind: SegmentKind | null;
  tag: string | null;
  order: ListOrder;
  after: string | null;
  before: string | null;
}

export const DEFAULT_LIST_STATE: ListState = { search: '', kind: null, tag: null, order: 'updated', after: null, before: null };

/** Rows per page. */
export const PAGE_SIZE = 20;

const KINDS: Record<string, SegmentKind> = { dynamic: 'DYNAMIC', static: 'STATIC' };

/** Reads the list state from a query string; unknown or malformed values fall back to the defaults. */
export function parseListState(params: Pick<URLSearchParams, 'get'>): ListState {
  const text = (name: string) => params.get(name)?.trim() || null;
  const after = text('after');
  return {
    search: text('q') ?? '',
    kind: KINDS[text('kind')?.toLowerCase() ?? ''] ?? null,
    tag: text('tag'),
    order: text('order') === 'name' ? 'name' : 'updated',
    after,
    before: after ? null : text('before'),
  };
}

/** The query string for a list state ("" for the defaults, else "?…"), defaults left out, in a fixed order. */
export function listStateToQuery(state: ListState): string {
  const params = new URLSearchParams();
  if (state.search.trim()) params.set('q', state.search.trim());
  if (state.kind) params.set('kind', state.kind.toLowerCase());
  if (state.tag?.trim()) params.set('tag', state.tag.trim());
  if (state.order !== 'updated') params.set('order', state.order);
  if (state.after) params.set('after', state.after);
  else if (state.before) params.set('before', state.before);
  const query = params.toString();
  return query ? `?${query}` : '';
}

type FilterPatch = Partial<Pick<ListState, 'search' | 'kind' | 'tag' | 'order'>>;

/** The state with some filters changed; a real change starts again from the first page. */
export function withFilters(state: ListState, patch: FilterPatch): ListState {
  const next = { ...state, ...patch };
  const changed = next.search.trim() !== state.search.trim() || next.kind !== state.kind || next.tag !== state.tag || next.order !== state.order;
  return changed ? { ...next, after: null, before: null } : state;
}

/** Whether any filter narrows the list (the order does not). */
export function hasFilters(state: ListState): boolean {
  return Boolean(state.search.trim() || state.kind || state.tag);
}

/** The state without filters, keeping the order. */
export function clearedFilters(state: ListState): ListState {
  return { ...DEFAULT_LIST_STATE, order: state.order };
}

/** The page after (`next`) or before (`previous`) the one shown, from its page info's cursors. */
export function pageState(state: ListState, direction: 'next' | 'previous', cursors: { startCursor?: string | null; endCursor?: string | null }): ListState {
  if (direction === 'next') return cursors.endCursor ? { ...state, after: cursors.endCursor, before: null } : state;
  return cursors.startCursor ? { ...state, after: null, before: cursors.startCursor } : state;
}

/** Variables of the SegmentsList query for a list state. */
export function listVariables(state: ListState, pageSize: number = PAGE_SIZE): SegmentsListQueryVariables {
  const search = state.search.trim();
  const where = { ...(search ? { search } : {}), ...(state.kind ? { kind: state.kind } : {}), ...(state.tag ? { tag: state.tag } : {}) };
  return {
    where: Object.keys(where).length ? where : null,
    orderBy: state.order === 'name' ? { field: 'NAME', direction: 'ASC' } : { field: 'UPDATED_AT', direction: 'DESC' },
    ...(state.before ? { last: pageSize, before: state.before } : { first: pageSize, after: state.after }),
  };
}
