import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { engines } from '../databases';
import { nastyText } from './filter-arbitraries';
import { count, note, expectKept, expectTyped, expectUnchanged, fcOptions, report, snapshot, TEST_TIMEOUT, startAttackApi, watchServerLog, type AttackApi, type Snapshot } from './harness';
import { INJECTED_ADDRESSES } from './payloads';

vi.setConfig({ testTimeout: TEST_TIMEOUT });

/**
 * Fuzzing import text: the static segment import (synchronous and as a job), the stop-list import
 * (e-mails/phones and messenger handles) and the CRM bulk upsert's addresses and text fields.
 * Lines mix valid and nearly valid addresses with CSV quoting, separators, BOMs, CR/LF mixes, NUL
 * bytes, very long lines and arbitrary Unicode. Properties: never an internal error; the report
 * adds up (imported + duplicates + already present + invalid = the non-blank lines read); every
 * rejected line is reported with its number and text; stored rows that existed are untouched and
 * exactly the reported number of new ones appear, each normalised.
 */

const REPORT = 'errors { code path message } lines imported duplicatesInInput alreadyPresent invalidCount invalid { line text reason code }';
const STOP_REPORT = 'errors { code path message } imported duplicates invalidCount invalid { line text reason }';
const JOB = `id state totalLines processedLines error report { ${REPORT} }`;

const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });

/** E-mail addresses: valid ones, and the ones just over an edge (lengths, dots, @, spaces, Unicode). */
const email = fc.oneof(
  { weight: 4, arbitrary: fc.emailAddress() },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'a@b.co',
      'A.B@EXAMPLE.COM',
      ' spaced@example.com ',
      'x@localhost',
      'x@1.2.3.4',
      'a@b',
      '@b.co',
      'a@',
      'a@@b.co',
      'a b@c.co',
      '"a"@b.co',
      'ü@exämple.de',
      'a@b.co.',
      '.a@b.co',
      'a..b@c.co',
      `${'x'.repeat(64)}@b.co`,
      `${'x'.repeat(65)}@b.co`,
      `a@${'b'.repeat(63)}.co`,
      `a@${'b'.repeat(64)}.co`,
      `${'x'.repeat(64)}@${'d'.repeat(60)}.${'e'.repeat(60)}.${'f'.repeat(60)}.com`,
      ...INJECTED_ADDRESSES,
    ),
  },
);

/** Phones: plausible numbers with separators and prefixes, and ones just too short or long. */
const phone = fc.oneof(
  fc
    .tuple(fc.constantFrom('+48 ', '+1 ', '+', '', '00', '(0', '+44 (0)', '+7-'), digits(3, 17), fc.constantFrom('', ' ', '-', '.', '/'))
    .map(([p, d, s]) => `${p}${d.replace(/(\d{3})(?=\d)/g, `$1${s}`)}`),
  fc.constantFrom('+48 601 234 567', '601234567', '+1 (212) 555-0100', '+999 123', '12345', `+${'9'.repeat(15)}`, `+${'9'.repeat(16)}`, '0', '+0', '+48 601 234 567 ext. 12', '(((((', '1-2-3-4-5'),
);

/** What may follow an address: a name (anything at all), empty, or quoted. */
const nameField = fc.oneof(nastyText, fc.constant(''), fc.string({ unit: 'grapheme', maxLength: 400 }));

const quoted = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** One line of an import. */
function lineArb(known: string[]): fc.Arbitrary<string> {
  const address = fc.oneof({ weight: 3, arbitrary: email }, { weight: 3, arbitrary: phone }, { weight: 1, arbitrary: known.length ? fc.constantFrom(...known) : email });
  return fc.oneof(
    { weight: 6, arbitrary: address },
    { weight: 4, arbitrary: fc.tuple(address, fc.constantFrom(';', ',', '\t', ' ; ', ';;'), nameField).map(([a, sep, n]) => `${a}${sep}${n}`) },
    { weight: 2, arbitrary: fc.tuple(address, nameField, fc.constantFrom(';', ',')).map(([a, n, sep]) => `${quoted(a)}${sep}${quoted(n)}`) },
    { weight: 1, arbitrary: fc.tuple(address, fc.constantFrom('"', '""', '"x', ';"', '\\"')).map(([a, junk]) => `${junk}${a}${junk}`) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
    { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 60_000 }).chain((n) => fc.constantFrom('x'.repeat(n), `${'x'.repeat(n)}@example.com`, `+48${'1'.repeat(n)}`, `a@b.co;${'ż'.repeat(n)}`)) },
    { weight: 2, arbitrary: fc.constantFrom('', ' ', '\t', ' \t ', '\u00a0', '\u2028', '\ufeff') },
    { weight: 1, arbitrary: fc.constantFrom('email;name', 'E-mail', 'Phone', 'адрес;имя', '"address","name"', 'telefon') },
    { weight: 1, arbitrary: address.map((a) => `\ufeff${a}`) },
    { weight: 1, arbitrary: fc.constantFrom('\u0000', 'a\u0000@b.co', 'a@b.co;\u0000') },
  );
}

/** A text: lines joined by a mix of LF, CRLF and CR, maybe with a byte-order mark and a trailing break. */
function textArb(known: string[], maxLines = 40): fc.Arbitrary<string> {
  return fc.tuple(fc.boolean(), fc.array(fc.tuple(lineArb(known), fc.constantFrom('\n', '\r\n', '\r', '\n\n', '\r\r\n')), { maxLength: maxLines }), fc.boolean()).map(([bom, lines, trailing]) => {
    const text = lines.map(([line, sep], i) => (i < lines.length - 1 || trailing ? line + sep : line)).join('');
    return bom ? `\ufeff${text}` : text;
  });
}

/**
 * What the report must say about a text, from the contract alone: its non-blank lines (CR, LF
 * and CRLF end a line; a leading BOM is not content), one of which may be a header.
 */
function linesOf(text: string): { numbered: Map<number, string>; nonBlank: number; headerish: boolean } {
  const raw = text.replace(/^\ufeff/, '').split(/\r\n|\n|\r/);
  const numbered = new Map<number, string>();
  raw.forEach((line, i) => line.trim() !== '' && numbered.set(i + 1, line));
  const first = numbered.get(1);
  const headerish = first !== undefined && /^\s*"?(e-?mail|address|phone|tel|telefon|телефон|адрес|endereço|địa chỉ|adres)/i.test(first);
  return { numbered, nonBlank: numbered.size, headerish };
}

/** The rejected lines name real non-blank lines, in order, with their text (cut at 200). */
function expectRejectedLinesReported(text: string, invalid: Array<{ line: number; text: string }>, invalidCount: number, where: string): void {
  const { numbered } = linesOf(text);
  expect(invalid.length, `${where}: listed rejected lines`).toBe(Math.min(invalidCount, 1000));
  let previous = 0;
  for (const rejected of invalid) {
    expect(rejected.line, `${where}: rejected lines in order`).toBeGreaterThan(previous);
    previous = rejected.line;
    expect(numbered.has(rejected.line), `${where}: line ${rejected.line} is a non-blank line`).toBe(true);
    expect(rejected.text, `${where}: text of line ${rejected.line}`).toBe(numbered.get(rejected.line)!.slice(0, 200));
  }
}

/** Stored addresses are normalised: lower-case e-mails without spaces, E.164 phones, folded handles. */
function expectNormalised(rows: string[], where: string): void {
  for (const row of rows) {
    const values = JSON.parse(row) as unknown[];
    const channel = values.find((v) => v === 'EMAIL' || v === 'PHONE' || v === 'IM');
    const address = values.find((v) => typeof v === 'string' && v !== channel && (v.includes('@') || /^\+\d+$/.test(v))) as string | undefined;
    // Quoted local parts may hold spaces and quotes ("a b"@example.com is an address); case is folded.
    if (channel === 'EMAIL') expect(typeof address === 'string' && address === address.toLowerCase() && address === address.trim(), `${where}: e-mail ${row}`).toBe(true);
    if (channel === 'PHONE') expect(address && /^\+\d{3,15}$/.test(address), `${where}: phone ${row}`).toBe(true);
  }
}

const added = (before: Snapshot, after: Snapshot, table: string): string[] => {
  const old = new Set(before.get(table));
  return (after.get(table) ?? []).filter((r) => !old.has(r));
};

describe.each(engines)('import fuzzing on %s', (engine) => {
  let api: AttackApi;
  let segmentId: string;
  let known: string[];
  let log: ReturnType<typeof watchServerLog>;
  const MEMBER_TABLES = ['segment', 'segment_member', 'stop_list_entry'];

  beforeAll(async () => {
    api = await startAttackApi(engine);
    segmentId = (await api.exec(`mutation { createSegment(input: { name: "Fuzzed imports", kind: STATIC }) { segment { id } } }`)).createSegment.segment.id;
    // Addresses already in the segment and on the stop list, so "already present" and duplicates happen.
    known = ['anna@example.com', 'JAN@example.com', '+48 601 234 567', '601 234 568', "o'brien@example.com"];
    await api.exec(`mutation($id: ID!, $t: String!) { importStaticSegment(id: $id, text: $t) { imported } importStopList(text: $t, reason: UNSUBSCRIBED) { imported } }`, {
      id: segmentId,
      t: known.join('\n'),
    });
    log = watchServerLog();
  });
  afterAll(async () => {
    log?.restore();
    report(`import fuzzing on ${engine}`);
    await api?.close();
  });

  /** The checks every static-import report must pass against the text and the stored rows. */
  function checkStaticReport(text: string, report: any, before: Snapshot, after: Snapshot, where: string): void {
    const { nonBlank, headerish } = linesOf(text);
    note('non-blank lines in the static import texts', nonBlank);
    if (text.includes('\u0000')) {
      // NUL is refused for the whole request before any line is read (see request/input-guard.ts).
      expectUnchanged(before, after, `${where}: refused text`);
      return;
    }
    expect(report.errors, where).toEqual([]);
    expect(report.lines === nonBlank || (headerish && report.lines === nonBlank - 1), `${where}: lines ${report.lines} of ${nonBlank} non-blank`).toBe(true);
    expect(report.imported + report.duplicatesInInput + report.alreadyPresent + report.invalidCount, `${where}: the report adds up`).toBe(report.lines);
    expectRejectedLinesReported(text, report.invalid, report.invalidCount, where);
    expectKept(before, after, where, { changed: ['segment'] });
    const fresh = added(before, after, 'segment_member');
    expect(fresh.length, `${where}: new rows = imported`).toBe(report.imported);
    expectNormalised(fresh, where);
  }

  it('static segment import (synchronous): the report adds up, rejected lines are listed, stored members untouched', async () => {
    await fc.assert(
      fc.asyncProperty(textArb(known), async (text) => {
        log.clear();
        const where = `importStaticSegment of ${JSON.stringify(text).slice(0, 400)}`;
        const before = await snapshot(api.db, MEMBER_TABLES);
        const result = await api.execRaw(`mutation($id: ID!, $t: String!) { importStaticSegment(id: $id, text: $t) { ${REPORT} } }`, { id: segmentId, t: text });
        expectTyped(result, where, { echoes: text.split(/\r\n|\n|\r/) });
        log.expectQuiet(where);
        checkStaticReport(text, result.data?.importStaticSegment, before, await snapshot(api.db, MEMBER_TABLES), where);
        count('static import texts');
      }),
      fcOptions(100),
    );
  });

  it('static segment import as a job: DONE with the same kind of report, progress = total lines', async () => {
    await fc.assert(
      fc.asyncProperty(textArb(known), async (text) => {
        log.clear();
        const where = `startStaticSegmentImport of ${JSON.stringify(text).slice(0, 400)}`;
        const before = await snapshot(api.db, MEMBER_TABLES);
        const started = await api.execRaw(`mutation($id: ID!, $t: String!) { startStaticSegmentImport(id: $id, text: $t) { job { ${JOB} } errors { code } } }`, { id: segmentId, t: text });
        expectTyped(started, where, { echoes: text.split(/\r\n|\n|\r/) });
        let job = started.data?.startStaticSegmentImport?.job;
        while (job?.state === 'RUNNING') {
          await new Promise((resolve) => setTimeout(resolve, 5));
          job = (await api.exec(`query($id: ID!) { staticImportJob(id: $id) { ${JOB} } }`, { id: job.id })).staticImportJob;
        }
        log.expectQuiet(where);
        const after = await snapshot(api.db, MEMBER_TABLES);
        if (!text.includes('\u0000')) {
          expect(job.state, where).toBe('DONE');
          expect(job.processedLines, where).toBe(job.totalLines);
          expect(job.report.lines, where).toBe(job.totalLines);
        }
        checkStaticReport(text, job?.report, before, after, where);
        count('static import jobs');
      }),
      fcOptions(40),
    );
  });

  it('stop-list import (e-mails and phones, or messenger handles): the report adds up, entries untouched', async () => {
    await fc.assert(
      fc.asyncProperty(textArb(known), fc.constantFrom(null, 'IM', 'EMAIL'), fc.constantFrom('UNSUBSCRIBED', 'BOUNCED', 'COMPLAINED'), async (text, channel, reason) => {
        log.clear();
        const where = `importStopList(${channel}) of ${JSON.stringify(text).slice(0, 400)}`;
        const before = await snapshot(api.db, MEMBER_TABLES);
        const result = await api.execRaw(`mutation($t: String!, $c: Channel, $r: StopListReason!) { importStopList(text: $t, channel: $c, reason: $r) { ${STOP_REPORT} } }`, {
          t: text,
          c: channel,
          r: reason,
        });
        expectTyped(result, where, { echoes: text.split(/\r\n|\n|\r/) });
        log.expectQuiet(where);
        const after = await snapshot(api.db, MEMBER_TABLES);
        count('stop-list import texts');
        if (text.includes('\u0000')) return expectUnchanged(before, after, where);
        const stop = result.data.importStopList;
        const { nonBlank, headerish } = linesOf(text);
        note('non-blank lines in the stop-list texts', nonBlank);
        const read = stop.imported + stop.duplicates + stop.invalidCount;
        // Handles have no header to skip: every non-blank line is a handle.
        expect(read === nonBlank || (channel !== 'IM' && headerish && read === nonBlank - 1), `${where}: ${read} of ${nonBlank} non-blank lines`).toBe(true);
        expectRejectedLinesReported(text, stop.invalid, stop.invalidCount, where);
        expectKept(before, after, where);
        const fresh = added(before, after, 'stop_list_entry');
        expect(fresh.length, `${where}: new entries = imported`).toBe(stop.imported);
        expectNormalised(fresh, where);
      }),
      fcOptions(80),
    );
  });

  it('CRM bulk upsert with fuzzed addresses and text: every row CREATED, UPDATED or FAILED with typed errors; what is stored reads back', async () => {
    const row = fc.record({
      externalId: fc.oneof(fc.constantFrom('fz-1', 'fz-2', 'fz-3'), nastyText),
      firstName: fc.option(nastyText, { nil: undefined }),
      lastName: fc.oneof(nastyText, fc.constant('Fuzz')),
      city: fc.option(fc.oneof(nastyText, fc.string({ unit: 'grapheme', maxLength: 250 })), { nil: undefined }),
      communications: fc.option(
        fc.array(
          fc.oneof(
            email.map((value) => ({ channel: 'EMAIL', value })),
            phone.map((value) => ({ channel: 'PHONE', value })),
            nastyText.map((value) => ({ channel: 'IM', valueType: 'TELEGRAM', value })),
          ),
          { maxLength: 4 },
        ),
        { nil: undefined },
      ),
    });
    const before = await snapshot(api.db);
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 6 }), async (rows) => {
        log.clear();
        const where = `upsertContacts of ${JSON.stringify(rows).slice(0, 500)}`;
        const result = await api.execRaw(
          `mutation($rows: [ContactInput!]!) { upsertContacts(rows: $rows) { created updated failed results { index status errors { code path message } contact { id externalId firstName lastName city communications { channel value } } } } }`,
          { rows },
        );
        const echoes = rows.flatMap((r) => [r.externalId, r.firstName ?? '', r.lastName, r.city ?? '', ...(r.communications ?? []).map((c) => c.value)]);
        expectTyped(result, where, { echoes });
        log.expectQuiet(where);
        count('bulk upsert rows', rows.length);
        if (result.errors) return;
        const payload = result.data.upsertContacts;
        expect(payload.results.length, where).toBe(rows.length);
        for (const r of payload.results) {
          expect(['CREATED', 'UPDATED', 'FAILED'], where).toContain(r.status);
          if (r.status === 'FAILED') expect(r.errors.length, `${where}: a failed row says why`).toBeGreaterThan(0);
          else {
            // Text comes back as sent, trimmed (the documented normalisation).
            const sent = rows[r.index];
            if (!sent) throw new Error(`${where}: result index ${r.index} is not one of the ${rows.length} rows sent`);
            expect(r.contact.lastName, where).toBe(sent.lastName.trim() || null);
            if (sent.city !== undefined) expect(r.contact.city, where).toBe(sent.city.trim() || null);
          }
        }
        expect(payload.created + payload.updated + payload.failed, where).toBe(rows.length);
      }),
      fcOptions(40),
    );
    // Only contacts and their communications may have changed; everything that was there before still is, except rows updated on purpose.
    const after = await snapshot(api.db);
    expectKept(before, after, 'after bulk upserts', { changed: ['contact', 'communication', 'custom_field_value'] });
  });
});
