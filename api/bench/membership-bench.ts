import { performance } from 'node:perf_hooks';
import type { Config } from '../src/config/config';
import type { Database } from '../src/db/orm';
import { firstRow } from '../src/lib/indexed';
import { MembershipMaintainer } from '../src/segments/maintainer';
import { handAudience, DELETE } from './audience-bench';
import { graphql } from './http';
import { referenceSegments } from './segments';
import { median, timeIt } from './timing';

const CREATE = `mutation($input: CreateSegmentInput!) { createSegment(input: $input) { segment { id } errors { path message } } }`;
const COUNT = `query($id: ID!, $live: Boolean) { segment(id: $id) { memberCount(live: $live) { value source exact } } }`;
const RECIPIENTS = `query($id: ID!, $live: Boolean) { segment(id: $id) { recipientCounts(channels: [EMAIL], live: $live) { value source } } }`;
const MEMBERS = `query($id: ID!) { segment(id: $id) { members(first: 50) { edges { node { ... on Contact { id } ... on Lead { id } } } } } }`;

/** Budgets of issue 14: counts from membership ≤ 5 ms, a page ≤ the hand-written page + 5 ms, a rebuild ≤ 1.5 × the live count. */
const COUNT_BUDGET_MS = 5;

/**
 * Each reference segment saved, its membership built by the maintainer (timed), then read: the
 * member count and the e-mail recipient count from the membership next to the same figures
 * evaluated live (`live: true`) and the hand-written SQL, and the first member page next to the
 * hand-written page. Figures must agree with the live ones.
 */
export async function benchMembership(db: Database, config: Config, url: string, runs: number): Promise<number> {
  const connection = db.orm.em.getConnection();
  const maintainer = new MembershipMaintainer(db, config);
  let over = 0;
  const saved: string[] = [];
  const line = (cells: string[]) => console.log([cells[0]!.padEnd(46), cells[1]!.padEnd(16), ...cells.slice(2).map((c) => c.padStart(10))].join(' '));
  line(['segment', 'what', 'value', 'SQL ms', 'live ms', 'kept ms', 'budget']);
  for (const segment of await referenceSegments(db, new Date())) {
    const hand = handAudience(db.kind, segment);
    const type = segment.list === 'contacts' ? 'contact' : 'lead';
    const input = { name: `bench: ${segment.name}`, kind: 'DYNAMIC', filter: segment.filter, ...(segment.list === 'contacts' ? { source: 'CLIENTS', clientType: 'CONTACT' } : { source: 'LEADS' }) };
    const created = (await graphql(url, CREATE, { input })).createSegment;
    if (created.errors.length) throw new Error(`${segment.name}: ${JSON.stringify(created.errors)}`);
    const id: string = created.segment.id;
    saved.push(id);
    {
      const passStart = performance.now();
      const pass = await maintainer.runOnce();
      const passMs = performance.now() - passStart;
      const buildMs = pass.buildMs;
      const where = hand
        .membersPage(null)
        .sql.replace(/^SELECT c\.\* FROM \w+ c WHERE /, '')
        .replace(/ ORDER BY c\.id LIMIT 51$/, '');
      const sqlCount = await timeIt(async () => Number(firstRow((await connection.execute(`SELECT COUNT(*) AS n FROM ${type} c WHERE ${where}`, segment.params)) as Array<{ n: number }>).n), runs);
      const live = await timeIt(async () => (await graphql(url, COUNT, { id, live: true })).segment.memberCount.value as number, runs);
      const kept = await timeIt(async () => {
        const figure = (await graphql(url, COUNT, { id })).segment.memberCount;
        if (figure.source !== 'MEMBERSHIP') throw new Error(`${segment.name}: memberCount came from ${figure.source}`);
        return figure.value as number;
      }, runs);
      const countOk = median(kept.ms) <= COUNT_BUDGET_MS && kept.result === live.result && live.result === sqlCount.result;
      const buildOk = buildMs <= 1.5 * median(live.ms);
      if (!countOk) over++;
      if (!buildOk) over++;
      line([segment.name, 'members count', String(kept.result), median(sqlCount.ms).toFixed(1), median(live.ms).toFixed(1), median(kept.ms).toFixed(1), countOk ? 'ok' : 'OVER']);
      line([segment.name, 'rebuild', '', '', median(live.ms).toFixed(1), buildMs.toFixed(1), buildOk ? 'ok' : 'OVER']);
      line([segment.name, 'size points', '', '', '', pass.historyMs.toFixed(1), `(pass ${passMs.toFixed(0)} ms)`]);

      const [shape, sql] = Object.entries(hand.recipientCount())[0]!;
      const sqlRecipients = await timeIt(async () => Number(firstRow((await connection.execute(sql.sql, sql.params)) as Array<{ n: number }>).n), runs);
      const liveRecipients = await timeIt(async () => (await graphql(url, RECIPIENTS, { id, live: true })).segment.recipientCounts[0].value as number, runs);
      const keptRecipients = await timeIt(async () => (await graphql(url, RECIPIENTS, { id })).segment.recipientCounts[0].value as number, runs);
      const recipientsOk = median(keptRecipients.ms) <= COUNT_BUDGET_MS && keptRecipients.result === liveRecipients.result;
      if (!recipientsOk) over++;
      line([
        segment.name,
        `e-mails (${shape})`,
        String(keptRecipients.result),
        median(sqlRecipients.ms).toFixed(1),
        median(liveRecipients.ms).toFixed(1),
        median(keptRecipients.ms).toFixed(1),
        recipientsOk ? 'ok' : 'OVER',
      ]);

      const sqlPage = await timeIt(async () => ((await connection.execute(hand.membersPage(null).sql, hand.membersPage(null).params)) as unknown[]).slice(0, 50).length, runs);
      const keptPage = await timeIt(async () => (await graphql(url, MEMBERS, { id })).segment.members.edges.length as number, runs);
      const pageOk = median(keptPage.ms) <= median(sqlPage.ms) + 5 && keptPage.result === sqlPage.result;
      if (!pageOk) over++;
      line([segment.name, 'members page 1', String(keptPage.result), median(sqlPage.ms).toFixed(1), '', median(keptPage.ms).toFixed(1), pageOk ? 'ok' : 'OVER']);
    }
  }
  const [rows] = (await connection.execute('SELECT COUNT(*) AS n FROM segment_membership')) as Array<{ n: number | string }>;
  if (db.kind === 'postgresql') {
    const [size] = (await connection.execute("SELECT pg_total_relation_size('segment_membership') AS bytes")) as Array<{ bytes: number | string }>;
    console.log(`membership of the ${saved.length} segments: ${Number(rows?.n ?? 0)} rows, ${(Number(size?.bytes ?? 0) / 1e6).toFixed(1)} MB on disk with its indexes`);
  } else console.log(`membership of the ${saved.length} segments: ${Number(rows?.n ?? 0)} rows`);
  for (const id of saved) await graphql(url, DELETE, { id });
  await maintainer.stop();
  return over;
}
