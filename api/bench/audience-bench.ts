import { performance } from 'node:perf_hooks';
import { keyOf } from '../src/common/global-id';
import { firstRow, itemAt } from '../src/lib/indexed';
import { encodeCursor } from '../src/common/paging';
import type { Database } from '../src/db/orm';
import { graphql } from './http';
import { referenceSegments, type ReferenceSegment } from './segments';
import { compare, type Figure, printFigure } from './timing';

/** Page 1000 starts after the 49,950th row; it is measured only when there are 50,000 rows. */
const DEEP = 49_950;

const MEMBERS = `query($id: ID!, $after: String) { segment(id: $id) { members(first: 50, after: $after) { edges { node { ... on Contact { id } ... on Lead { id } } } } } }`;
const RECIPIENTS = `query($id: ID!, $after: String) { segment(id: $id) { recipients(channel: EMAIL, first: 50, after: $after) { edges { node { address ownerCount } } } } }`;
const RECIPIENT_COUNT = `query($id: ID!) { segment(id: $id) { recipientCounts(channels: [EMAIL]) { value } } }`;
const CREATE = `mutation($input: CreateSegmentInput!) { createSegment(input: $input) { segment { id } errors { path message } } }`;
export const DELETE = `mutation($id: ID!) { deleteSegment(id: $id) { errors { message } } }`;

interface Sql {
  sql: string;
  params: unknown[];
}

/** The hand-written SQL of one saved reference segment: its members and its e-mail recipients. */
export interface HandAudience {
  /** Members after a key (null: from the start), full rows, key order, 51 of them. */
  membersPage(after: number | null): Sql;
  /**
   * Distinct normalised e-mails of the members minus the stop list: (address, owner, owners) in
   * address order. Which shape is fastest depends on the segment, so there are several, by name.
   */
  recipientsPage(after: string | null, limit: number, offset?: number): Record<string, Sql>;
  recipientCount(): Record<string, Sql>;
}

/**
 * The best hand-written SQL per engine. A lead segment's members are also first-time leads with an
 * address (src/segments/definition/source-base.ts), so its predicate gets that condition too. Recipients come
 * in three shapes (performance-notes.md): `set` computes the segment first (MATERIALIZED on
 * PostgreSQL) and joins out to its addresses, for small segments; `walk` reads addresses in index
 * order and checks each owner, stopping after a page, for large ones; `semi` leaves the choice to
 * the planner (PostgreSQL) or joins (SQLite).
 */
export function handAudience(kind: Database['kind'], segment: ReferenceSegment): HandAudience {
  const pg = kind === 'postgresql';
  const type = segment.list === 'contacts' ? 'contact' : 'lead';
  const base =
    type === 'lead'
      ? pg
        ? ' AND c.contact_id IS NULL AND c.company_id IS NULL AND EXISTS (SELECT 1 FROM communication lc WHERE lc.lead_id = c.id)'
        : ' AND c.contact_id IS NULL AND c.company_id IS NULL AND c.id IN (SELECT lead_id FROM communication WHERE lead_id IS NOT NULL)'
      : '';
  const where = `(${segment.sql})${base}`;
  const owner = `e.${type}_id`;
  const email = `e.channel = 'EMAIL' AND NOT EXISTS (SELECT 1 FROM stop_list_entry s WHERE s.channel = 'EMAIL' AND s.address = e.normalized)`;
  const membership = {
    semi: pg ? `${owner} IN (SELECT c.id FROM ${type} c WHERE ${where})` : null,
    walk: `EXISTS (SELECT 1 FROM ${type} c WHERE c.id = ${owner} AND ${where})`,
    set: pg ? `${owner} IN (SELECT id FROM m)` : `${owner} IN (SELECT c.id FROM ${type} c WHERE ${where})`,
  };
  const shapes = (select: string, tail: string, params: unknown[]): Record<string, Sql> => {
    const out: Record<string, Sql> = {};
    for (const [name, isMember] of Object.entries(membership)) {
      if (!isMember) continue;
      const prefix = pg && name === 'set' ? `WITH m AS MATERIALIZED (SELECT c.id FROM ${type} c WHERE ${where}) ` : '';
      out[name] = { sql: `${prefix}${select} FROM communication e WHERE ${email} AND ${isMember}${tail}`, params };
    }
    if (!pg) out.semi = { sql: `${select} FROM communication e JOIN ${type} c ON c.id = ${owner} WHERE ${email} AND ${where}${tail}`, params };
    return out;
  };
  return {
    membersPage: (after) => ({
      sql: `SELECT c.* FROM ${type} c WHERE ${where}${after === null ? '' : ' AND c.id > ?'} ORDER BY c.id LIMIT 51`,
      params: after === null ? segment.params : [...segment.params, after],
    }),
    recipientsPage: (after, limit, offset = 0) =>
      shapes(
        `SELECT e.normalized AS address, MIN(${owner}) AS owner, COUNT(DISTINCT ${owner}) AS owners`,
        `${after === null ? '' : ' AND e.normalized > ?'} GROUP BY e.normalized ORDER BY e.normalized LIMIT ${limit} OFFSET ${offset}`,
        after === null ? segment.params : [...segment.params, after],
      ),
    recipientCount: () => shapes('SELECT COUNT(DISTINCT e.normalized) AS n', '', segment.params),
  };
}

/**
 * Of several hand-written shapes of one question, the fastest: each run once to warm up and once
 * timed; a shape 3 times slower than the best on its first run is not run again.
 */
async function fastest(shapes: Record<string, () => Promise<string>>): Promise<[string, () => Promise<string>]> {
  let best: [string, () => Promise<string>] | null = null;
  let bestMs = Infinity;
  for (const [name, run] of Object.entries(shapes)) {
    const time = async () => {
      const start = performance.now();
      await run();
      return performance.now() - start;
    };
    const first = await time();
    if (first > 3 * bestMs) continue;
    const ms = Math.min(first, await time());
    if (ms < bestMs) [best, bestMs] = [[name, run], ms];
  }
  if (!best) throw new Error('fastest() needs at least one shape');
  return best;
}

/**
 * Each reference segment saved as a segment (createSegment, once per run: CLIENTS/CONTACT or
 * LEADS, the reference filter) and read through `segment(id)` over HTTP: member page 1 and 1000,
 * e-mail recipient page 1 and 1000, the e-mail recipient count, each next to the hand-written SQL
 * (for recipients, its fastest shape, named in the table). Pages must hold the same keys (members)
 * or the same (address, ownerCount) pairs (recipients); counts must be equal.
 */
export async function benchAudiences(db: Database, url: string, runs: number): Promise<number> {
  const connection = db.orm.em.getConnection();
  const rows = (sql: Sql) => connection.execute(sql.sql, sql.params) as Promise<Array<Record<string, any>>>;
  let over = 0;
  for (const segment of await referenceSegments(db, new Date())) {
    const hand = handAudience(db.kind, segment);
    const [typeName, rank] = segment.list === 'contacts' ? ['Contact', 2] : ['Lead', 3];
    const input = { name: `bench: ${segment.name}`, kind: 'DYNAMIC', filter: segment.filter, ...(segment.list === 'contacts' ? { source: 'CLIENTS', clientType: 'CONTACT' } : { source: 'LEADS' }) };
    const created = (await graphql(url, CREATE, { input })).createSegment;
    if (created.errors.length) throw new Error(`${segment.name}: ${JSON.stringify(created.errors)}`);
    const id: string = created.segment.id;
    try {
      // Cursors of page 1000 (after the 49,950th row), found by OFFSET outside the timing; 51 rows
      // from there means there are at least 50,000.
      const deepMembers = await rows({ sql: hand.membersPage(null).sql.replace(/LIMIT 51$/, `LIMIT 51 OFFSET ${DEEP - 1}`), params: segment.params });
      const deepMemberKey = deepMembers.length === 51 ? Number(itemAt(deepMembers, 0).id) : null;
      const deepRecipients = await rows(itemAt(Object.values(hand.recipientsPage(null, 51, DEEP - 1)), 0));
      const deepAddress = deepRecipients.length === 51 ? String(itemAt(deepRecipients, 0).address) : null;

      const members = (after: number | null) => async () => {
        const sql = async () =>
          (await rows(hand.membersPage(after)))
            .slice(0, 50)
            .map((r) => Number(r.id))
            .join(',');
        const api = async () => {
          const data = await graphql(url, MEMBERS, { id, after: after === null ? null : encodeCursor([rank, after]) });
          return data.segment.members.edges.map((e: any) => keyOf(e.node.id, typeName)).join(',');
        };
        return { shape: '', figure: await compare(sql, api, runs) };
      };
      const recipients = (after: string | null) => async () => {
        const shapes = Object.fromEntries(
          Object.entries(hand.recipientsPage(after, 51)).map(([name, sql]) => [
            name,
            async () =>
              (await rows(sql))
                .slice(0, 50)
                .map((r) => `${r.address} ${Number(r.owners)}`)
                .join(','),
          ]),
        );
        const [shape, sql] = await fastest(shapes);
        const api = async () => {
          const data = await graphql(url, RECIPIENTS, { id, after: after === null ? null : encodeCursor([after, 0]) });
          return data.segment.recipients.edges.map((e: any) => `${e.node.address} ${e.node.ownerCount}`).join(',');
        };
        return { shape, figure: await compare(sql, api, runs) };
      };
      const count = async () => {
        const shapes = Object.fromEntries(Object.entries(hand.recipientCount()).map(([name, sql]) => [name, async () => String(Number(firstRow(await rows(sql)).n))]));
        const [shape, sql] = await fastest(shapes);
        const api = async () => String((await graphql(url, RECIPIENT_COUNT, { id })).segment.recipientCounts[0].value);
        return { shape, figure: await compare(sql, api, runs) };
      };
      const figures: Array<[string, (() => Promise<{ shape: string; figure: Figure }>) | null]> = [
        ['members p1', members(null)],
        ['members p1000', deepMemberKey === null ? null : members(deepMemberKey)],
        ['e-mails p1', recipients(null)],
        ['e-mails p1000', deepAddress === null ? null : recipients(deepAddress)],
        ['e-mails count', count],
      ];
      for (const [what, measure] of figures) {
        if (!measure) {
          printFigure(segment.name, what, null);
          continue;
        }
        const { shape, figure } = await measure();
        const matches = what === 'e-mails count' ? figure.api : String(figure.api ? figure.api.split(',').length : 0);
        if (!printFigure(segment.name, shape ? `${what} (${shape})` : what, { ...figure, matches })) over++;
      }
    } finally {
      await graphql(url, DELETE, { id });
    }
  }
  return over;
}
