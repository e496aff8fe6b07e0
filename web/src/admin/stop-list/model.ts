import type { Channel, StopListReason } from '@/graphql/gql/graphql';

export const PAGE_SIZE = 25;
export const CHANNELS: readonly Channel[] = ['EMAIL', 'PHONE', 'IM'];
export const REASONS: readonly StopListReason[] = ['UNSUBSCRIBED', 'BOUNCED', 'COMPLAINED'];

/** Which page: the first, the one after a cursor, or the one before a cursor. */
export interface PageRequest {
  after?: string;
  before?: string;
}

/** Connection arguments for a page request: `first/after` forward, `last/before` back. */
export function pageVariables(page: PageRequest, size = PAGE_SIZE): { first: number | null; after: string | null; last: number | null; before: string | null } {
  if (page.before) return { first: null, after: null, last: size, before: page.before };
  return { first: size, after: page.after ?? null, last: null, before: null };
}

/** Non-blank lines of pasted text (what the import will read), for the counter under the box. */
export function countLines(text: string): number {
  return text.split(/\r\n|\r|\n/).filter((line) => line.trim()).length;
}
