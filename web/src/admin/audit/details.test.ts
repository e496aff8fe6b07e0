import { describe, expect, it } from 'vitest';
import { detailLines, type DetailWords } from './details';

const words: DetailWords = {
  channel: (c) => `channel:${c}`,
  reason: (r) => `reason:${r}`,
  kind: (k) => `kind:${k}`,
  part: (p) => `part:${p}`,
  list: (items) => items.join(' + '),
};

describe('audit event details as lines', () => {
  it('names the changed parts, the version and the old name of a saved segment', () => {
    expect(detailLines('SEGMENT_UPDATED', { version: 3, changed: ['name', 'filter'], previousName: 'Old' }, words)).toEqual([
      { key: 'version', values: { version: 3 } },
      { key: 'changed', values: { parts: 'part:name + part:filter' } },
      { key: 'renamed', values: { name: 'Old' } },
    ]);
    expect(detailLines('SEGMENT_UPDATED', { version: 4, changed: [] }, words)).toEqual([
      { key: 'version', values: { version: 4 } },
      { key: 'unchanged', values: {} },
    ]);
    expect(detailLines('SEGMENT_VERSION_RESTORED', { restoredVersion: 1, version: 5, changed: ['tags'] }, words)[0]).toEqual({ key: 'restored', values: { version: 1 } });
  });

  it('tells a finished export from a stopped or still running one', () => {
    expect(detailLines('SEGMENT_EXPORTED', { channel: 'EMAIL', rows: 12, completed: true }, words)).toEqual([{ key: 'exported', values: { channel: 'channel:EMAIL', count: 12 } }]);
    expect(detailLines('SEGMENT_EXPORTED', { channel: 'PHONE', rows: 2000, completed: false }, words)).toEqual([{ key: 'exportStopped', values: { channel: 'channel:PHONE', count: 2000 } }]);
    expect(detailLines('SEGMENT_EXPORTED', { channel: 'IM', rows: null, completed: false }, words)).toEqual([{ key: 'exportStarted', values: { channel: 'channel:IM' } }]);
  });

  it('lists the counts of imports that are not zero (the new ones always)', () => {
    expect(detailLines('STATIC_SEGMENT_IMPORTED', { lines: 6, imported: 0, alreadyPresent: 3, duplicatesInInput: 0, invalid: 2 }, words).map((l) => l.key)).toEqual([
      'count.lines',
      'count.imported',
      'count.alreadyPresent',
      'count.invalid',
    ]);
    expect(detailLines('CRM_IMPORTED', { rows: 3, created: 2, updated: 0, failed: 1 }, words)).toEqual([
      { key: 'count.created', values: { count: 2 } },
      { key: 'count.updated', values: { count: 0 } },
      { key: 'count.failed', values: { count: 1 } },
    ]);
    expect(detailLines('STOP_LIST_IMPORTED', { reason: 'BOUNCED', imported: 2, duplicates: 1, invalid: 0 }, words).map((l) => l.key)).toEqual(['reason', 'count.imported', 'count.alreadyListed']);
  });

  it('describes copies, removals and stop-list entries', () => {
    expect(detailLines('SEGMENT_DUPLICATED', { kind: 'STATIC', fromName: 'Newsletter', members: 3 }, words)).toEqual([
      { key: 'copiedFrom', values: { name: 'Newsletter' } },
      { key: 'membersCopied', values: { count: 3 } },
    ]);
    expect(detailLines('STATIC_MEMBERS_REMOVED', { asked: 2, removed: 1 }, words)).toEqual([{ key: 'removed', values: { removed: 1, asked: 2 } }]);
    expect(detailLines('STOP_LIST_ENTRY_ADDED', { channel: 'EMAIL', reason: 'UNSUBSCRIBED' }, words)).toEqual([
      { key: 'channel', values: { channel: 'channel:EMAIL' } },
      { key: 'reason', values: { reason: 'reason:UNSUBSCRIBED' } },
    ]);
    expect(detailLines('SEGMENT_CREATED', { kind: 'DYNAMIC' }, words)).toEqual([{ key: 'kind', values: { kind: 'kind:DYNAMIC' } }]);
  });

  it('leaves out what is missing or of another type instead of showing it wrong', () => {
    expect(detailLines('SEGMENT_EXPORTED', null, words)).toEqual([]);
    expect(detailLines('SEGMENT_UPDATED', { version: '3', changed: 'name' }, words)).toEqual([]);
    expect(detailLines('STATIC_MEMBERS_REMOVED', { removed: 1 }, words)).toEqual([]);
  });
});
