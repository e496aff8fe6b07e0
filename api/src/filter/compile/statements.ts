import type { Sql } from '../sql/dialect';

/**
 * The statements around compiled predicates: counts and keyset pages of members. Every count,
 * page and membership check of a filter or a segment is built here, as one statement; every
 * value is a bound parameter. (Pages of CRM lists with their own sort orders are
 * common/page-sql.ts: they page records, not members of a filter.)
 */

/** The members of one type that pass a predicate over their rows `m`. */
export interface MemberPredicate {
  table: string;
  predicate: Sql;
}

/** A member type's place in a page across types: members sort by (rank, key). */
export interface RankedMembers extends MemberPredicate {
  rank: number;
}

const members = ({ table, predicate }: MemberPredicate): Sql => ({ sql: `FROM ${table} m WHERE ${predicate.sql}`, params: predicate.params });

/** The number of members: one statement; with several member types their counts add up in it. */
export function countStatement(parts: readonly MemberPredicate[]): Sql {
  const counts = parts.map((part) => {
    const from = members(part);
    return { sql: `SELECT COUNT(*) AS n ${from.sql}`, params: from.params };
  });
  const [only] = counts;
  if (counts.length === 1 && only) return only;
  return { sql: `SELECT ${counts.map((c) => `(${c.sql})`).join(' + ')} AS n`, params: counts.flatMap((c) => c.params) };
}

/** One keyset page of member ids of one type, in key order. */
export function idPageStatement(part: MemberPredicate, afterKey: number | null, limit: number): Sql {
  const after = afterKey === null ? '' : ' AND m.id > ?';
  const from = members(part);
  return {
    sql: `SELECT m.id ${from.sql}${after} ORDER BY m.id LIMIT ?`,
    params: [...from.params, ...(afterKey === null ? [] : [afterKey]), limit],
  };
}

const NOTHING = 'SELECT 1 AS member_rank, 1 AS id WHERE 1=0';

/**
 * One page of members after a cursor, in (rank, key) order. With one member type (the common
 * case) the statement returns whole rows, so the page is one statement; with several it returns
 * (rank, id) pairs and the rows are read by key afterwards.
 */
export function memberPageStatement(parts: readonly RankedMembers[], after: { rank: number; key: number } | null, limit: number): Sql & { wholeRows: boolean } {
  const [only] = parts;
  if (parts.length === 1 && only) {
    const { table, predicate, rank } = only;
    if (after && rank < after.rank) return { sql: NOTHING, params: [], wholeRows: true };
    const from = after?.rank === rank ? ' AND m.id > ?' : '';
    return {
      sql: `SELECT ${rank} AS member_rank, m.* FROM ${table} m WHERE ${predicate.sql}${from} ORDER BY m.id LIMIT ?`,
      params: [...predicate.params, ...(from ? [after?.key] : []), limit],
      wholeRows: true,
    };
  }
  const branches: Sql[] = [];
  for (const { table, predicate, rank } of parts) {
    if (after && rank < after.rank) continue;
    const from = after?.rank === rank ? ' AND m.id > ?' : '';
    branches.push({
      sql: `SELECT * FROM (SELECT ${rank} AS member_rank, m.id AS id FROM ${table} m WHERE ${predicate.sql}${from} ORDER BY m.id LIMIT ?) b${rank}`,
      params: [...predicate.params, ...(from ? [after?.key] : []), limit],
    });
  }
  if (!branches.length) return { sql: NOTHING, params: [], wholeRows: false };
  return {
    sql: `SELECT member_rank, id FROM (${branches.map((b) => b.sql).join(' UNION ALL ')}) p ORDER BY member_rank, id LIMIT ?`,
    params: [...branches.flatMap((b) => b.params), limit],
    wholeRows: false,
  };
}

/** Is the record with this key a member? One row when it is. */
export function isMemberStatement(part: MemberPredicate, key: number): Sql {
  return { sql: `SELECT 1 AS hit FROM ${part.table} m WHERE m.id = ? AND ${part.predicate.sql}`, params: [key, ...part.predicate.params] };
}

/** The member ids of one type as a subquery (recipients' owners). */
export function memberIds(part: MemberPredicate): Sql {
  const from = members(part);
  return { sql: `SELECT m.id ${from.sql}`, params: from.params };
}
