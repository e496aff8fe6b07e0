import type { FilterModel, OwnerPath, Row, Snapshot } from './model';

/** Member keys by member type. */
export type TouchedMembers = Map<string, Set<unknown>>;

/**
 * The members a write to one row of `table` touches, by the registrations (model.writes), read
 * from a snapshot of the tables: once on the row as it was in the data before the write and once
 * as it is after, so a moved record touches its old owner and its new one. Maintained membership
 * evaluates the same paths in SQL; this is their meaning, which the property tests hold the
 * registrations to (every member whose answer a write changes is touched).
 */
export function touchedMembers(model: FilterModel, table: string, versions: ReadonlyArray<{ row: Row; data: Snapshot }>): TouchedMembers {
  const touched: TouchedMembers = new Map();
  for (const write of model.writes.filter((w) => w.table === table)) {
    for (const [member, paths] of Object.entries(write.members)) {
      const keys = touched.get(member) ?? new Set<unknown>();
      touched.set(member, keys);
      for (const { row, data } of versions) for (const path of paths ?? []) for (const key of follow(model, member, path, row, data)) keys.add(key);
    }
  }
  return touched;
}

const byId = (data: Snapshot, table: string, id: unknown): Row | undefined => (id == null ? undefined : (data[table] ?? []).find((r) => r.id === id));

function follow(model: FilterModel, member: string, path: OwnerPath, row: Row, data: Snapshot): unknown[] {
  switch (path.kind) {
    case 'column':
      return row[path.column] == null ? [] : [row[path.column]];
    case 'through': {
      const owner = byId(data, path.table, row[path.column])?.[path.owner];
      return owner == null ? [] : [owner];
    }
    case 'referrers': {
      const named = row[path.key ?? 'id'];
      const table = model.members[member]?.table;
      if (named == null || !table) return [];
      return (data[table] ?? []).filter((m) => m[path.column] === named).map((m) => m.id);
    }
    case 'matching': {
      const on = Object.entries(path.on);
      if (on.some(([, ours]) => row[ours] == null)) return [];
      const rows = (data[path.table] ?? []).filter((r) => on.every(([theirs, ours]) => r[theirs] === row[ours]));
      return rows.map((r) => r[path.owner]).filter((key) => key != null);
    }
    case 'when': {
      const value = path.lookup ? byId(data, path.lookup.table, row[path.column])?.[path.lookup.column] : row[path.column];
      return value === path.equals ? follow(model, member, path.then, row, data) : [];
    }
  }
}
