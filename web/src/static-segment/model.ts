import type { Channel } from '@/graphql/gql/graphql';

/** The channels in the order the page lists them. */
export const CHANNELS: readonly Channel[] = ['EMAIL', 'PHONE', 'IM'];

/** How often a running import is asked for its progress. */
export const POLL_MS = 400;

/** Stored addresses per page. */
export const PAGE_SIZE = 25;

const PHONE_LIKE = /^[+(]?[\d\s().\-/]{5,}$/;

/**
 * The channel an address typed by hand most likely belongs to: "@handle" is a messenger handle,
 * anything else with an "@" an e-mail, digits (with the usual separators) a phone number, and any
 * other word a messenger handle. The API normalises and checks it either way.
 */
export function guessChannel(address: string): Channel {
  const text = address.trim();
  if (text.startsWith('@')) return 'IM';
  if (text.includes('@')) return 'EMAIL';
  if (PHONE_LIKE.test(text)) return 'PHONE';
  return 'IM';
}

/** Whole percent done, 0–100; an import with no lines is done as soon as it exists. */
export function progressPercent(processed: number, total: number): number {
  if (total <= 0) return 100;
  return Math.min(100, Math.max(0, Math.floor((processed / total) * 100)));
}

/** Non-blank lines of a text, counted as the API counts them before dropping a header. */
export function countLines(text: string): number {
  let count = 0;
  for (const line of text.split(/\r\n|\n|\r/)) if (line.trim() !== '') count++;
  return count;
}

/** "from–to" of a page of `shown` rows, the page starting after `before` rows (1-based; 0–0 when empty). */
export function pageRange(before: number, shown: number): { from: number; to: number } {
  return shown === 0 ? { from: 0, to: 0 } : { from: before + 1, to: before + shown };
}

/**
 * Keyset pages walked forwards and back: the `after` cursor of each page seen so far. The first
 * page starts after nothing (null).
 */
export interface PageTrail {
  cursors: Array<string | null>;
}

export const firstPage = (): PageTrail => ({ cursors: [null] });

export const currentCursor = (trail: PageTrail): string | null => trail.cursors[trail.cursors.length - 1] ?? null;

export const pageIndex = (trail: PageTrail): number => trail.cursors.length - 1;

export const nextPage = (trail: PageTrail, endCursor: string): PageTrail => ({ cursors: [...trail.cursors, endCursor] });

export const previousPage = (trail: PageTrail): PageTrail => (trail.cursors.length > 1 ? { cursors: trail.cursors.slice(0, -1) } : trail);

/** After a removal, a page that is now empty (not the first) steps back one page. */
export function afterRemoval(trail: PageTrail, rowsLeftOnPage: number): PageTrail {
  return rowsLeftOnPage <= 0 ? previousPage(trail) : trail;
}

/** The name of a CRM record owning an address, whatever its type. */
export function ownerName(owner: { __typename?: string; fullName?: string | null; title?: string | null } | null | undefined): string | null {
  if (!owner) return null;
  return (owner.fullName ?? owner.title ?? '').trim() || null;
}
