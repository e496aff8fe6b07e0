import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/api';
import { engines } from '../../../test/databases';
import { SegmentKind } from '../definition/segment.enums';
import { Segment } from '../definition/segment.entity';
import { parseImport } from '../static-import';
import { StaticImportJobs, StaticImportJobState } from '../static-import-jobs';
import { ROWS_PER_INSERT, store } from '../static-members.service';

const REPORT = 'errors { code path } lines imported duplicatesInInput alreadyPresent invalidCount invalid { line text reason code }';
const JOB = `id segmentId state totalLines processedLines error errorCode startedAt finishedAt expiresAt report { ${REPORT} }`;

/** 5,000 distinct valid lines over both channels, with a bad line every 500 and a repeat every 700. */
function bigText(): string {
  const lines: string[] = ['email;name'];
  for (let i = 0; i < 5000; i++) {
    lines.push(i % 2 ? `user${i}@example.com;User ${i}` : `+4860${String(i).padStart(7, '0')}`);
    if (i % 500 === 499) lines.push(`not-an-address ${i}`);
    // i is odd here, so this repeats the e-mail just given (upper case normalises away).
    if (i % 700 === 699) lines.push(`USER${i}@example.com`);
  }
  return lines.join('\n');
}

/**
 * The asynchronous static import (startStaticSegmentImport + staticImportJob): progress per stored
 * chunk, the same report as the synchronous mutation, and typed errors, on both engines.
 */
describe.each(engines)('static import jobs on %s', (engine) => {
  let api: TestApi;
  const createStatic = async (name: string): Promise<string> =>
    (await api.exec(`mutation($n: String!) { createSegment(input: { name: $n, kind: STATIC }) { segment { id } } }`, { n: name })).createSegment.segment.id;
  // A pause between polls, as a client's timer gives: the job runs on macrotasks (setImmediate).
  const poll = async (id: string) => (await new Promise((resolve) => setTimeout(resolve, 5)), await api.exec(`query($id: ID!) { staticImportJob(id: $id) { ${JOB} } }`, { id })).staticImportJob;

  beforeAll(async () => {
    api = await startTestApi(engine, { defaultPhoneRegion: 'PL' });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('reports progress up to totalLines and ends with the report the synchronous import gives', async () => {
    const text = bigText();
    const [asyncId, syncId] = [await createStatic('Async import'), await createStatic('Sync import')];

    const started = (await api.exec(`mutation($id: ID!, $t: String!) { startStaticSegmentImport(id: $id, text: $t) { job { ${JOB} } errors { code } } }`, { id: asyncId, t: text }))
      .startStaticSegmentImport;
    expect(started.errors).toEqual([]);
    expect(started.job).toMatchObject({ segmentId: asyncId, state: 'RUNNING', totalLines: 5000 + 10 + 7, report: null, error: null, errorCode: null, finishedAt: null, expiresAt: null });

    const seen: number[] = [started.job.processedLines];
    let job = started.job;
    while (job.state === 'RUNNING') {
      job = await poll(started.job.id);
      seen.push(job.processedLines);
    }
    expect(job.state).toBe('DONE');
    expect(job.processedLines).toBe(job.totalLines);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.every((n) => n <= job.totalLines)).toBe(true);
    expect(Date.parse(job.expiresAt) - Date.parse(job.finishedAt)).toBe(60 * 60 * 1000);

    const sync = (await api.exec(`mutation($id: ID!, $t: String!) { importStaticSegment(id: $id, text: $t) { ${REPORT} } }`, { id: syncId, t: text })).importStaticSegment;
    expect(job.report).toEqual(sync);
    expect(sync).toMatchObject({ lines: job.totalLines, imported: 5000, duplicatesInInput: 7, invalidCount: 10, alreadyPresent: 0 });

    const count = async (id: string) => (await api.exec(`query($id: ID!) { segment(id: $id) { entries(first: 0) { totalCount } } }`, { id })).segment.entries.totalCount;
    expect(await count(asyncId)).toBe(5000);
    expect(await count(syncId)).toBe(5000);

    // Again into the same segment: everything is already present.
    const again = (await api.exec(`mutation($id: ID!, $t: String!) { startStaticSegmentImport(id: $id, text: $t) { job { id } } }`, { id: asyncId, t: text })).startStaticSegmentImport.job;
    let second = await poll(again.id);
    while (second.state === 'RUNNING') second = await poll(again.id);
    expect(second.report).toMatchObject({ imported: 0, alreadyPresent: 5000 });
  });

  it('moves progress once per inserted chunk', async () => {
    await createStatic('Chunked');
    const segment = await api.context().em.findOneOrFail(Segment, { kind: SegmentKind.STATIC, name: 'Chunked' });
    const parsed = parseImport(bigText(), 'PL');
    const chunks: number[] = [];
    const report = await store(api.context(), segment, parsed, (lines) => void chunks.push(lines));
    expect(chunks).toEqual([ROWS_PER_INSERT, ROWS_PER_INSERT, 5000 - 2 * ROWS_PER_INSERT]);
    expect(report.imported).toBe(5000);
  });

  it('answers null for an unknown or malformed job id', async () => {
    expect(await poll('00000000-0000-4000-8000-000000000000')).toBeNull();
    expect(await poll('nope')).toBeNull();
  });

  it('refuses a dynamic segment, a missing one and a text over the limit with typed errors, starting no job', async () => {
    const dynamic = (
      await api.exec(
        `mutation { createSegment(input: { name: "Dyn", filter: { combinator: AND, rules: [{ rule: { field: "client.city", operator: EQ, value: { string: "Kraków" } } }] } }) { segment { id } } }`,
      )
    ).createSegment.segment.id;
    const start = async (id: string, text = 'a@example.com') =>
      (await api.exec(`mutation($id: ID!, $t: String!) { startStaticSegmentImport(id: $id, text: $t) { job { id } errors { code path message } } }`, { id, t: text })).startStaticSegmentImport;

    expect(await start(dynamic)).toEqual({ job: null, errors: [{ code: 'INVALID', path: ['id'], message: expect.stringMatching(/static segment/) }] });
    expect(await start('U2VnbWVudDo5OTk5OTk5')).toMatchObject({ job: null, errors: [{ code: 'NOT_FOUND', path: ['id'] }] });
    const small = await startTestApi(engine, { maxImportBytes: 10 });
    try {
      const id = (await small.exec(`mutation { createSegment(input: { name: "S", kind: STATIC }) { segment { id } } }`)).createSegment.segment.id;
      const tooLarge = (await small.exec(`mutation($id: ID!) { startStaticSegmentImport(id: $id, text: "someone@example.com") { job { id } errors { code path } } }`, { id })).startStaticSegmentImport;
      expect(tooLarge).toEqual({ job: null, errors: [{ code: 'TOO_MANY', path: ['text'] }] });
    } finally {
      await small.close();
    }
  });

  it('marks a job FAILED when storing fails, and forgets finished jobs after the expiry', async () => {
    let clock = Date.parse('2026-01-01T00:00:00Z');
    const jobs = new StaticImportJobs(1000, () => clock);
    const ctx = api.context();
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {
      /* the expected failure is logged; the test only checks that it is */
    });
    try {
      // A segment that does not exist in the database: the insert breaks its foreign key.
      const ghost = Object.assign(new Segment(), { key: 987654, kind: SegmentKind.STATIC });
      const failed = jobs.start(ctx, ghost, 'a@example.com\nb@example.com').job!;
      expect(await jobs.settled(failed.id)).toMatchObject({ state: StaticImportJobState.FAILED, report: null, error: expect.stringMatching(/nothing was stored/), errorCode: 'WRITE_FAILED' });
      expect(quiet).toHaveBeenCalled();
    } finally {
      quiet.mockRestore();
    }

    const segment = await ctx.em.findOneOrFail(Segment, { kind: SegmentKind.STATIC, name: 'Async import' });
    const done = jobs.start(ctx, segment, 'late@example.com').job!;
    expect(await jobs.settled(done.id)).toMatchObject({ state: StaticImportJobState.DONE, processedLines: 1 });
    clock += 999;
    expect(jobs.get(done.id)).not.toBeNull();
    clock += 1;
    expect(jobs.get(done.id)).toBeNull();
  });
});
