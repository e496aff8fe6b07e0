import type { Channel } from '../communications/communication.enums';
import type { Sql } from '../filter/sql/dialect';
import { COMMUNICATION_OWNER } from '../communications/communication.filtering';
import { tableOf } from './filtering/crm-model';
import type { MemberType } from '../common/crm-enums';
import type { Audience } from './audience';
import { countStatement, isMemberStatement, memberIds, memberPageStatement, type RankedMembers } from '../filter/compile/statements';

/**
 * The statements behind counts, member pages, recipient pages and exports. Each question is one
 * statement; every value is a bound parameter.
 *
 * Members sort by (type, key) with the types in the order company, contact, lead. Where an owner
 * must be chosen among several (an address shared by members), the first in that order wins; it
 * travels as one integer `rank * 2^32 + key` so MIN() can pick it in SQL on both engines.
 */
export const MEMBER_RANK: Record<MemberType, number> = { company: 1, contact: 2, lead: 3, deal: 4 };
export const RANK_MEMBER: Record<number, MemberType> = { 1: 'company', 2: 'contact', 3: 'lead' };
const SPAN = 4294967296;

export function ownerOf(encoded: number | string): { type: MemberType; key: number } {
  const value = Number(encoded);
  const rank = Math.floor(value / SPAN);
  const type = RANK_MEMBER[rank];
  if (!type) throw new Error(`An owner rank ${rank} names no member type (expected 1 to 3).`);
  return { type, key: value - rank * SPAN };
}

/** The owner of a communication row `c` as one encoded (rank, key) integer; null when it has none. */
export const COMMUNICATION_OWNER_SQL = `CASE WHEN c.company_id IS NOT NULL THEN ${SPAN} + c.company_id WHEN c.contact_id IS NOT NULL THEN ${2 * SPAN} + c.contact_id WHEN c.lead_id IS NOT NULL THEN ${3 * SPAN} + c.lead_id END`;

const idsOf = (type: MemberType, predicate: Sql): Sql => memberIds({ table: tableOf(type), predicate });

/** The audience's member types as the statements take them: table, predicate, place in the order. */
export const rankedMembers = (audience: Audience): RankedMembers[] => audience.members.map(({ type, predicate }) => ({ table: tableOf(type), predicate, rank: MEMBER_RANK[type] }));

/** Number of members: one statement, per-type counts added up. */
export const memberCountStatement = (audience: Audience): Sql => countStatement(rankedMembers(audience));

/** One page of members after a cursor, in (type, key) order (see memberPageStatement). */
export const audiencePageStatement = (audience: Audience, after: { rank: number; key: number } | null, limit: number) => memberPageStatement(rankedMembers(audience), after, limit);

/** Is this one record a member? */
export function audienceHasStatement(audience: Audience, type: MemberType, key: number): Sql | null {
  const entry = audience.members.find((m) => m.type === type);
  return entry ? isMemberStatement({ table: tableOf(type), predicate: entry.predicate }, key) : null;
}

const notStopped = (alias: string, channel: Channel): Sql => ({
  sql: `NOT EXISTS (SELECT 1 FROM stop_list_entry s WHERE s.channel = ? AND s.address = ${alias}.address)`,
  params: [channel],
});

/** Communications of the members on one channel: (address, encoded owner). */
function memberAddresses(audience: Audience, channel: Channel): Sql {
  const branches = audience.members.map(({ type, predicate }) => {
    const owner = `c.${COMMUNICATION_OWNER[type]}`;
    const ids = idsOf(type, predicate);
    return {
      sql: `SELECT c.normalized AS address, ${MEMBER_RANK[type] * SPAN} + ${owner} AS owner FROM communication c WHERE c.channel = ? AND ${owner} IN (${ids.sql})`,
      params: [channel, ...ids.params],
    };
  });
  return { sql: branches.map((b) => b.sql).join(' UNION ALL '), params: branches.flatMap((b) => b.params) };
}

/** A static segment's addresses on one channel, each with the CRM records owning it. */
function storedAddresses(segmentKey: number, channel: Channel): Sql {
  // MIN and COUNT skip the NULL of an ownerless communication.
  const owners = 'FROM communication c WHERE c.channel = sm.channel AND c.normalized = sm.address';
  return {
    sql: `SELECT sm.address AS address, sm.name AS stored_name, (SELECT MIN(${COMMUNICATION_OWNER_SQL}) ${owners}) AS owner, (SELECT COUNT(DISTINCT ${COMMUNICATION_OWNER_SQL}) ${owners}) AS owners FROM segment_member sm WHERE sm.segment_id = ? AND sm.channel = ?`,
    params: [segmentKey, channel],
  };
}

/** Distinct addresses on one channel minus the stop list. */
export function recipientCountStatement(audience: Audience, channel: Channel): Sql {
  const stop = notStopped('a', channel);
  if (audience.staticKey !== null) {
    return {
      sql: `SELECT COUNT(*) AS n FROM segment_member a WHERE a.segment_id = ? AND a.channel = ? AND ${stop.sql}`,
      params: [audience.staticKey, channel, ...stop.params],
    };
  }
  // UNION (not ALL) removes duplicates across member types; DISTINCT within each.
  const branches = audience.members.map(({ type, predicate }) => {
    const ids = idsOf(type, predicate);
    return { sql: `SELECT DISTINCT c.normalized AS address FROM communication c WHERE c.channel = ? AND c.${COMMUNICATION_OWNER[type]} IN (${ids.sql})`, params: [channel, ...ids.params] };
  });
  const addresses = { sql: branches.map((b) => b.sql).join(' UNION '), params: branches.flatMap((b) => b.params) };
  return { sql: `SELECT COUNT(*) AS n FROM (${addresses.sql}) a WHERE ${stop.sql}`, params: [...addresses.params, ...stop.params] };
}

export interface RecipientRow {
  address: string;
  owner: number | string | null;
  owners: number | string;
  stored_name: string | null;
  contact_first_name: string | null;
  contact_last_name: string | null;
  company_title: string | null;
  lead_first_name: string | null;
  lead_last_name: string | null;
  lead_title: string | null;
}

/**
 * Recipients after an address, in address order: one row per distinct address with its first
 * owner, how many members share it, and the owner's name columns. `limit` null = all (export).
 */
export function recipientPageStatement(audience: Audience, channel: Channel, afterAddress: string | null, limit: number | null): Sql {
  const stop = notStopped('a', channel);
  const after = afterAddress === null ? { sql: '', params: [] as unknown[] } : { sql: ' AND a.address > ?', params: [afterAddress] };
  const limitSql = limit === null ? { sql: '', params: [] as unknown[] } : { sql: ' LIMIT ?', params: [limit] };
  let page: Sql;
  if (audience.staticKey !== null) {
    const stored = storedAddresses(audience.staticKey, channel);
    page = {
      sql: `SELECT a.address, a.owner, a.owners, a.stored_name FROM (${stored.sql}) a WHERE ${stop.sql}${after.sql} ORDER BY a.address${limitSql.sql}`,
      params: [...stored.params, ...stop.params, ...after.params, ...limitSql.params],
    };
  } else {
    const addresses = memberAddresses(audience, channel);
    page = {
      sql: `SELECT a.address, MIN(a.owner) AS owner, COUNT(DISTINCT a.owner) AS owners, NULL AS stored_name FROM (${addresses.sql}) a WHERE ${stop.sql}${after.sql} GROUP BY a.address ORDER BY a.address${limitSql.sql}`,
      params: [...addresses.params, ...stop.params, ...after.params, ...limitSql.params],
    };
  }
  return {
    sql:
      `SELECT p.address, p.owner, p.owners, p.stored_name, ct.first_name AS contact_first_name, ct.last_name AS contact_last_name, co.title AS company_title, ` +
      `ld.first_name AS lead_first_name, ld.last_name AS lead_last_name, ld.title AS lead_title FROM (${page.sql}) p ` +
      `LEFT JOIN company co ON p.owner >= ${SPAN} AND p.owner < ${2 * SPAN} AND co.id = p.owner - ${SPAN} ` +
      `LEFT JOIN contact ct ON p.owner >= ${2 * SPAN} AND p.owner < ${3 * SPAN} AND ct.id = p.owner - ${2 * SPAN} ` +
      `LEFT JOIN lead ld ON p.owner >= ${3 * SPAN} AND ld.id = p.owner - ${3 * SPAN} ORDER BY p.address`,
    params: page.params,
  };
}

/** The display name of a recipient: the name given on import, else its owner's. */
export function recipientName(row: RecipientRow): string | null {
  const person = (first: string | null, last: string | null) => [first, last].filter(Boolean).join(' ') || null;
  return row.stored_name || person(row.contact_first_name, row.contact_last_name) || row.company_title || person(row.lead_first_name, row.lead_last_name) || row.lead_title || null;
}
