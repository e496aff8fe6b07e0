import { performance } from 'node:perf_hooks';
import type { Database } from '../src/db/orm';
import { startApiProcess } from './api-process';
import { DELETE } from './audience-bench';
import { download, graphql } from './http';
import { median } from './timing';

const MIN_ROWS_PER_SECOND = 50_000;
const MAX_RSS_MB = 300;

const ALL_WITH_EMAIL = { combinator: 'AND', rules: [{ rule: { field: 'client.communications', operator: 'HAS_ANY', value: { strings: ['EMAIL'] } } }] };
/** The same recipients by hand: every client e-mail address once, minus the stop list. */
const HAND_COUNT = `SELECT COUNT(DISTINCT e.normalized) AS n FROM communication e WHERE e.channel = 'EMAIL' AND (e.contact_id IS NOT NULL OR e.company_id IS NOT NULL)
  AND NOT EXISTS (SELECT 1 FROM stop_list_entry s WHERE s.channel = 'EMAIL' AND s.address = e.normalized)`;

/**
 * The CSV export of every client e-mail recipient (a segment of all contacts and companies with an
 * e-mail), downloaded over HTTP from the API running as a process of its own, so that its memory is
 * its own: VmRSS sampled every 50 ms during the exports (VmHWM counts from the process start, so
 * it is printed beside). One warm-up export, then `runs`; rows must equal the hand-written count.
 */
export async function benchExport(db: Database, databaseUrl: string, runs: number): Promise<number> {
  const [{ n }] = await db.orm.em.getConnection().execute<Array<{ n: number | string }>>(HAND_COUNT);
  const api = await startApiProcess(databaseUrl);
  const url = `${api.base}/graphql`;
  let id: string | null = null;
  try {
    const input = { name: 'bench: all client e-mails', source: 'CLIENTS', clientType: 'ANY', filter: ALL_WITH_EMAIL };
    id = (
      await graphql(
        url,
        `
          mutation ($input: CreateSegmentInput!) {
            createSegment(input: $input) {
              segment {
                id
              }
            }
          }
        `,
        { input },
      )
    ).createSegment.segment.id as string;
    const baseline = api.memory();
    let peakMb = baseline.rssMb;
    const sampler = setInterval(() => (peakMb = Math.max(peakMb, api.memory().rssMb)), 50);
    const seconds: number[] = [];
    let rows = 0;
    try {
      for (let run = 0; run <= runs; run++) {
        const { segment } = await graphql(
          url,
          `
            query ($id: ID!) {
              segment(id: $id) {
                exportUrl(channel: EMAIL)
              }
            }
          `,
          { id },
        );
        const start = performance.now();
        const file = await download(api.base + segment.exportUrl);
        if (file.status !== 200) throw new Error(`export: HTTP ${file.status}`);
        if (run > 0) seconds.push((performance.now() - start) / 1000);
        rows = file.lines - 1; // the header line
      }
    } finally {
      clearInterval(sampler);
    }
    const took = median(seconds);
    const rate = rows / took;
    const same = rows === Number(n);
    const within = rate > MIN_ROWS_PER_SECOND && peakMb < MAX_RSS_MB;
    console.log(
      `${rows.toLocaleString('en-US')} rows in ${took.toFixed(2)} s (median of ${seconds.map((s) => s.toFixed(2)).join(', ')}): ${Math.round(rate).toLocaleString('en-US')} rows/s (budget > ${MIN_ROWS_PER_SECOND.toLocaleString('en-US')})\n` +
        `API process RSS: ${baseline.rssMb.toFixed(0)} MB before, peak ${peakMb.toFixed(0)} MB sampled every 50 ms during the exports (budget < ${MAX_RSS_MB} MB); VmHWM since start ${api.memory().hwmMb.toFixed(0)} MB` +
        (same ? (within ? ' ok' : ' OVER') : ` MISMATCH (hand SQL counts ${n} recipients)`),
    );
    return same && within ? 0 : 1;
  } finally {
    if (id) await graphql(url, DELETE, { id });
    await api.stop();
  }
}
