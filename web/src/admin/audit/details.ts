import type { AuditAction } from '@/graphql/gql/graphql';

/** A message of the `audit.details` namespace with its values. */
export interface DetailLine {
  key: string;
  values: Record<string, string | number>;
}

/** Words the lines need from elsewhere: channel, reason and kind names, changed parts. */
export interface DetailWords {
  channel: (channel: string) => string;
  reason: (reason: string) => string;
  kind: (kind: string) => string;
  part: (part: string) => string;
  list: (items: string[]) => string;
}

type Details = Record<string, unknown> | null | undefined;

const num = (details: Details, key: string): number | null => (typeof details?.[key] === 'number' ? details[key] : null);
const str = (details: Details, key: string): string | null => (typeof details?.[key] === 'string' ? details[key] : null);

/** Counts of an import or add, the ones that are there. */
function importLines(details: Details): DetailLine[] {
  const lines: DetailLine[] = [];
  for (const key of ['lines', 'imported', 'alreadyPresent', 'duplicatesInInput', 'invalid']) {
    const count = num(details, key);
    if (count !== null && (count > 0 || key === 'imported')) lines.push({ key: `count.${key}`, values: { count } });
  }
  return lines;
}

/** What a saved version changed: its number, the parts, the old name. */
function versionLines(details: Details, words: DetailWords): DetailLine[] {
  const lines: DetailLine[] = [];
  const restored = num(details, 'restoredVersion');
  if (restored !== null) lines.push({ key: 'restored', values: { version: restored } });
  const version = num(details, 'version');
  if (version !== null) lines.push({ key: 'version', values: { version } });
  const changed = Array.isArray(details?.changed) ? (details.changed as unknown[]).filter((p): p is string => typeof p === 'string') : null;
  if (changed) lines.push(changed.length ? { key: 'changed', values: { parts: words.list(changed.map(words.part)) } } : { key: 'unchanged', values: {} });
  const previousName = str(details, 'previousName');
  if (previousName !== null) lines.push({ key: 'renamed', values: { name: previousName } });
  return lines;
}

/**
 * The details of an event as translated lines, by action. Details are JSON written by the API:
 * anything missing or of another type is left out rather than shown wrong.
 */
export function detailLines(action: AuditAction, details: Details, words: DetailWords): DetailLine[] {
  const kind = str(details, 'kind');
  const channel = str(details, 'channel');
  switch (action) {
    case 'SEGMENT_CREATED':
      return kind ? [{ key: 'kind', values: { kind: words.kind(kind) } }] : [];
    case 'SEGMENT_UPDATED':
    case 'SEGMENT_VERSION_RESTORED':
      return versionLines(details, words);
    case 'SEGMENT_DUPLICATED': {
      const lines: DetailLine[] = [];
      const fromName = str(details, 'fromName');
      if (fromName !== null) lines.push({ key: 'copiedFrom', values: { name: fromName } });
      const members = num(details, 'members');
      if (members !== null) lines.push({ key: 'membersCopied', values: { count: members } });
      return lines;
    }
    case 'SEGMENT_DELETED': {
      const version = num(details, 'version');
      return [...(kind ? [{ key: 'kind', values: { kind: words.kind(kind) } }] : []), ...(version !== null ? [{ key: 'version', values: { version } }] : [])];
    }
    case 'SEGMENT_EXPORTED': {
      if (!channel) return [];
      const rows = num(details, 'rows');
      if (rows === null) return [{ key: 'exportStarted', values: { channel: words.channel(channel) } }];
      return [{ key: details?.completed === true ? 'exported' : 'exportStopped', values: { channel: words.channel(channel), count: rows } }];
    }
    case 'STATIC_SEGMENT_IMPORTED':
    case 'STATIC_MEMBERS_ADDED':
      return importLines(details);
    case 'STATIC_MEMBERS_REMOVED': {
      const removed = num(details, 'removed');
      const asked = num(details, 'asked');
      return removed !== null && asked !== null ? [{ key: 'removed', values: { removed, asked } }] : [];
    }
    case 'STOP_LIST_ENTRY_ADDED':
    case 'STOP_LIST_ENTRY_REMOVED': {
      const reason = str(details, 'reason');
      return [...(channel ? [{ key: 'channel', values: { channel: words.channel(channel) } }] : []), ...(reason ? [{ key: 'reason', values: { reason: words.reason(reason) } }] : [])];
    }
    case 'STOP_LIST_IMPORTED': {
      const reason = str(details, 'reason');
      const lines: DetailLine[] = reason ? [{ key: 'reason', values: { reason: words.reason(reason) } }] : [];
      const imported = num(details, 'imported');
      if (imported !== null) lines.push({ key: 'count.imported', values: { count: imported } });
      const duplicates = num(details, 'duplicates');
      if (duplicates) lines.push({ key: 'count.alreadyListed', values: { count: duplicates } });
      const invalid = num(details, 'invalid');
      if (invalid) lines.push({ key: 'count.invalid', values: { count: invalid } });
      return lines;
    }
    case 'CRM_IMPORTED': {
      const lines: DetailLine[] = [];
      for (const key of ['created', 'updated', 'failed']) {
        const count = num(details, key);
        if (count !== null && (count > 0 || key !== 'failed')) lines.push({ key: `count.${key}`, values: { count } });
      }
      return lines;
    }
    default:
      return [];
  }
}
