import type { AdminAuditEventsQueryVariables, AuditAction } from '@/graphql/gql/graphql';

/** Every action, in the order the filter offers them: segments, static segments, stop list, CRM. */
export const ALL_ACTIONS = [
  'SEGMENT_CREATED',
  'SEGMENT_UPDATED',
  'SEGMENT_VERSION_RESTORED',
  'SEGMENT_DUPLICATED',
  'SEGMENT_DELETED',
  'SEGMENT_EXPORTED',
  'STATIC_SEGMENT_IMPORTED',
  'STATIC_MEMBERS_ADDED',
  'STATIC_MEMBERS_REMOVED',
  'STOP_LIST_ENTRY_ADDED',
  'STOP_LIST_ENTRY_REMOVED',
  'STOP_LIST_IMPORTED',
  'CRM_IMPORTED',
  'API_TOKEN_CREATED',
  'API_TOKEN_REVOKED',
  'USER_PASSWORD_RESET',
] as const satisfies readonly AuditAction[];

// A new action in the schema fails the typecheck here until the filter (and its messages) know it.
type Unlisted = Exclude<AuditAction, (typeof ALL_ACTIONS)[number]>;
true satisfies [Unlisted] extends [never] ? true : Unlisted;

/**
 * What the audit log shows, kept in the query string (`?action=SEGMENT_DELETED,SEGMENT_EXPORTED&user=…
 * &from=2026-11-01&to=2026-11-22&subject=…`) so a view can be reloaded, shared and gone Back to.
 * Dates are calendar days in the browser's zone, both inclusive; `after` / `before` are the
 * keyset cursors of the page shown (at most one is set).
 */
export interface AuditState {
  actions: AuditAction[];
  /** Global id of a user. */
  user: string | null;
  /** Global id of the object the events are about (a segment). */
  subject: string | null;
  from: string | null;
  to: string | null;
  after: string | null;
  before: string | null;
}

export const DEFAULT_AUDIT_STATE: AuditState = { actions: [], user: null, subject: null, from: null, to: null, after: null, before: null };

export const PAGE_SIZE = 50;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day as YYYY-MM-DD, or null. */
export function validDay(text: string | null | undefined): string | null {
  const match = text ? DAY.exec(text.trim()) : null;
  if (!match) return null;
  // The pattern has exactly three groups: all three are there.
  const [year, month, day] = match.slice(1, 4).map(Number) as [number, number, number];
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day ? match[0] : null;
}

/** YYYY-MM-DD of a local date. */
export function dayOf(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A local date at midnight of a YYYY-MM-DD day, `plusDays` later. */
export function dateOfDay(day: string, plusDays = 0): Date {
  const [year = NaN, month = NaN, date = NaN] = day.split('-').map(Number);
  return new Date(year, month - 1, date + plusDays);
}

/** Reads the state from a query string; unknown or malformed values fall back to the defaults. */
export function parseAuditState(params: Pick<URLSearchParams, 'get'>): AuditState {
  const text = (name: string) => params.get(name)?.trim() || null;
  const known = new Set<string>(ALL_ACTIONS);
  const actions = [...new Set((text('action') ?? '').split(',').map((a) => a.trim().toUpperCase()))].filter((a): a is AuditAction => known.has(a));
  let from = validDay(text('from'));
  let to = validDay(text('to'));
  if (from && to && from > to) [from, to] = [to, from];
  const after = text('after');
  return { actions: ALL_ACTIONS.filter((a) => actions.includes(a)), user: text('user'), subject: text('subject'), from, to, after, before: after ? null : text('before') };
}

/** The query string of a state ("" for the defaults, else "?…"), in a fixed order. */
export function auditStateToQuery(state: AuditState): string {
  const params = new URLSearchParams();
  if (state.actions.length) params.set('action', state.actions.join(','));
  if (state.user) params.set('user', state.user);
  if (state.subject) params.set('subject', state.subject);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.after) params.set('after', state.after);
  else if (state.before) params.set('before', state.before);
  const query = params.toString();
  return query ? `?${query}` : '';
}

type FilterPatch = Partial<Pick<AuditState, 'actions' | 'user' | 'subject' | 'from' | 'to'>>;

/** The state with filters changed; a real change starts again from the newest events. */
export function withFilters(state: AuditState, patch: FilterPatch): AuditState {
  const next = { ...state, ...patch };
  const same = next.actions.join() === state.actions.join() && next.user === state.user && next.subject === state.subject && next.from === state.from && next.to === state.to;
  return same ? state : { ...next, after: null, before: null };
}

export function hasFilters(state: AuditState): boolean {
  return Boolean(state.actions.length || state.user || state.subject || state.from || state.to);
}

/** The page after (`next`: older events) or before (`previous`: newer) the one shown. */
export function pageState(state: AuditState, direction: 'next' | 'previous', cursors: { startCursor?: string | null; endCursor?: string | null }): AuditState {
  if (direction === 'next') return cursors.endCursor ? { ...state, after: cursors.endCursor, before: null } : state;
  return cursors.startCursor ? { ...state, after: null, before: cursors.startCursor } : state;
}

/** Variables of the audit query: days become the local midnights around them (`to` is exclusive in the API). */
export function auditVariables(state: AuditState, pageSize: number = PAGE_SIZE): AdminAuditEventsQueryVariables {
  const filter = {
    ...(state.actions.length ? { actions: state.actions } : {}),
    ...(state.user ? { actorId: state.user } : {}),
    ...(state.subject ? { subjectId: state.subject } : {}),
    ...(state.from ? { from: dateOfDay(state.from).toISOString() } : {}),
    ...(state.to ? { to: dateOfDay(state.to, 1).toISOString() } : {}),
  };
  return {
    filter: Object.keys(filter).length ? filter : null,
    ...(state.before ? { last: pageSize, before: state.before } : { first: pageSize, after: state.after }),
  };
}
