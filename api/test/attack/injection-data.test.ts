import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FieldValueType, ValueSlot } from '../../src/filter/language/filter.enums';
import { fold } from '../../src/filter/language/fold';
import { slotFor } from '../../src/filter/language/operators';
import { engines } from '../databases';
import { loadCatalog, type Catalog, type CatalogField } from './filter-arbitraries';
import { count, expectKept, expectTyped, note, report, snapshot, tableNames, TEST_TIMEOUT, startAttackApi, watchServerLog, type AttackApi, type Snapshot } from './harness';
import { INJECTIONS } from './payloads';

vi.setConfig({ testTimeout: TEST_TIMEOUT });

/**
 * SQL-injection strings as data, every one of them, where they must come back verbatim: as the
 * values of every text and list field of the filter catalog (the validator's tree echoes them;
 * records planted with them are found by EQ, IN, CONTAINS, BEGINS_WITH and ENDS_WITH, so LIKE
 * wildcards and quotes are taken literally), as field ids and operator names, as segment names,
 * descriptions, tags and searches, as CRM text and external ids in bulk upserts, as import lines
 * and names, as stop-list handles and notes.
 */
const WITH_NUL = INJECTIONS.filter((p) => p.includes('\u0000'));
const PAYLOADS = INJECTIONS.filter((p) => !p.includes('\u0000'));
/** The ones a record can hold: a name or title that is not blank. */
const STORABLE = PAYLOADS.filter((p) => p.trim() !== '');

const PROBLEMS = 'code path message';

describe.each(engines)('injection strings as data on %s', (engine) => {
  let api: AttackApi;
  let catalogs: Record<Catalog['source'], Catalog>;
  let before: Snapshot;
  let tablesBefore: string[];
  let log: ReturnType<typeof watchServerLog>;
  const typed = (result: any, where: string) => {
    expectTyped(result, `${where}${log.note()}`, { echoes: INJECTIONS as string[] });
    log.expectQuiet(where);
  };

  beforeAll(async () => {
    api = await startAttackApi(engine);
    catalogs = { CLIENTS: await loadCatalog(api, 'CLIENTS'), LEADS: await loadCatalog(api, 'LEADS') };
    before = await snapshot(api.db);
    tablesBefore = await tableNames(api.db);
    log = watchServerLog();
  });
  afterAll(async () => {
    log?.restore();
    report(`injection strings as data on ${engine}`);
    await api?.close();
  });

  const CHECK = `query($s: SegmentSource!, $f: FilterGroupInput!) { checkFilter(source: $s, filter: $f) { valid problems { ${PROBLEMS} } tree } }`;
  const COUNT = `query($i: SegmentDefinitionInput!) { previewSegment(input: $i) { errors { ${PROBLEMS} } memberCount { value } members(first: 2) { edges { cursor } } recipientCounts { value } } }`;
  const memberCount = async (source: string, field: string, operator: string, value: unknown) => {
    const result = await api.execRaw(COUNT, { i: { source, filter: { rules: [{ rule: { field, operator, value } }] } } });
    typed(result, `count of ${field} ${operator} ${JSON.stringify(value)}`);
    expect(result.data.previewSegment.errors, `${field} ${operator} ${JSON.stringify(value)}`).toEqual([]);
    return result.data.previewSegment.memberCount.value as number;
  };

  /** Several counts of one field in one request (aliases), for speed. */
  const memberCounts = async (source: string, field: string, tests: ReadonlyArray<readonly [string, unknown]>): Promise<number[]> => {
    const vars: Record<string, unknown> = {};
    const defs = tests.map((_, i) => `$i${i}: SegmentDefinitionInput!`).join(', ');
    const body = tests.map(([operator, value], i) => {
      vars[`i${i}`] = { source, filter: { rules: [{ rule: { field, operator, value } }] } };
      return `c${i}: previewSegment(input: $i${i}) { errors { ${PROBLEMS} } memberCount { value } }`;
    });
    const result = await api.execRaw(`query(${defs}) { ${body.join(' ')} }`, vars);
    typed(result, `counts of ${field} ${JSON.stringify(tests)}`);
    return tests.map((t, i) => {
      expect(result.data[`c${i}`].errors, `${field} ${JSON.stringify(t)}`).toEqual([]);
      return result.data[`c${i}`].memberCount.value as number;
    });
  };

  it('every text and list field of the catalog: payloads as values come back verbatim in the checked tree and run as SQL', async () => {
    for (const source of ['CLIENTS', 'LEADS'] as const) {
      for (const field of catalogs[source].fields) {
        for (const operator of field.operators) {
          const slot = slotFor(field.valueType, operator);
          if (slot !== ValueSlot.STRING && slot !== ValueSlot.STRINGS && slot !== ValueSlot.IDS) continue;
          const rules =
            slot === ValueSlot.STRING ? PAYLOADS.map((string) => ({ rule: { field: field.id, operator, value: { string } } })) : [{ rule: { field: field.id, operator, value: { [slot]: PAYLOADS } } }];
          const group = field.scope ? { combinator: 'OR', rules: [{ group: { combinator: 'OR', scope: field.scope, rules } }] } : { combinator: 'OR', rules };
          const checked = await api.execRaw(CHECK, { s: source, f: group });
          typed(checked, `checkFilter ${field.id} ${operator}`);
          const tree = checked.data.checkFilter.tree;
          const echoed = (field.scope ? tree.rules[0].group.rules : tree.rules).map((r: any) => r.rule.value[slot]);
          expect(echoed, `${field.id} ${operator}: the tree holds the values as sent`).toEqual(rules.map((r) => (r.rule.value as Record<string, unknown>)[slot]));
          if (checked.data.checkFilter.valid) {
            typed(await api.execRaw(COUNT, { i: { source, filter: group } }), `preview ${field.id} ${operator}`);
            note('catalog values that validated and ran as SQL', slot === ValueSlot.STRING ? PAYLOADS.length : 1);
          } else {
            // Listed fields know their codes and ids: a payload is an unknown value, and said so.
            expect(
              checked.data.checkFilter.problems.map((p: { code: string }) => p.code),
              `${field.id} ${operator}`,
            ).toContain('UNKNOWN_VALUE');
          }
          count('catalog values (field × operator × payload)', PAYLOADS.length);
        }
        const withNul = await api.execRaw(CHECK, { s: source, f: { rules: WITH_NUL.map((string) => ({ rule: { field: field.id, operator: field.operators[0], value: { string } } })) } });
        expect(withNul.errors?.[0]?.extensions?.code, `${field.id} with NUL`).toBe('BAD_USER_INPUT');
        count('catalog values (field × operator × payload)', WITH_NUL.length);
      }
    }
  });

  it('payloads as field ids and operator names: UNKNOWN_FIELD and BAD_USER_INPUT', async () => {
    const fields = await api.execRaw(CHECK, { s: 'CLIENTS', f: { combinator: 'OR', rules: PAYLOADS.map((field) => ({ rule: { field, operator: 'EQ', value: { string: 'x' } } })) } });
    typed(fields, 'payloads as field ids');
    expect(fields.data.checkFilter.problems.map((p: { code: string }) => p.code)).toEqual(PAYLOADS.map(() => 'UNKNOWN_FIELD'));
    for (const operator of INJECTIONS) {
      const result = await api.execRaw(CHECK, { s: 'CLIENTS', f: { rules: [{ rule: { field: 'client.city', operator, value: { string: 'x' } } }] } });
      typed(result, `operator ${operator}`);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    count('field ids and operator names', PAYLOADS.length + INJECTIONS.length);
  });

  it('records holding the payloads read back as sent and are found by every text operator, wildcards taken literally', async () => {
    const plant = async (mutation: string, input: Record<string, unknown>, node: string) => {
      const result = await api.execRaw(`mutation($i: ${mutation.replace(/^create/, '')}Input!) { ${mutation}(input: $i) { errors { ${PROBLEMS} } ${node} { id } } }`, { i: input });
      typed(result, `${mutation} ${JSON.stringify(input)}`);
      expect(result.data[mutation].errors, `${mutation} ${JSON.stringify(input)}`).toEqual([]);
      return result.data[mutation][node].id as string;
    };
    for (const [i, p] of STORABLE.entries()) {
      const contact = await plant('createContact', { firstName: p, lastName: p, city: p, country: p, externalId: `inj-c-${i}` }, 'contact');
      const company = await plant('createCompany', { title: p, city: p, country: p, customFields: [{ code: 'UF_TIER', string: p }] }, 'company');
      // A lead is in the Leads source while it has an address and no contact.
      const lead = await plant('createLead', { title: p, city: p, communications: [{ channel: 'EMAIL', value: `lead${i}@example.com` }] }, 'lead');
      const read = await api.exec(
        `query($c: ID!, $co: ID!, $l: ID!) { c: contact(id: $c) { firstName lastName city country } co: company(id: $co) { title city country } l: lead(id: $l) { title city } }`,
        { c: contact, co: company, l: lead },
      );
      const t = p.trim();
      expect(read, `read back ${JSON.stringify(p)}`).toEqual({ c: { firstName: t, lastName: t, city: t, country: t }, co: { title: t, city: t, country: t }, l: { title: t, city: t } });
      count('CRM text fields planted and read back', 9);
    }
    const planted: Array<[string, string]> = [
      ['CLIENTS', 'client.city'],
      ['CLIENTS', 'client.country'],
      ['CLIENTS', 'contact.firstName'],
      ['CLIENTS', 'contact.lastName'],
      ['CLIENTS', 'company.title'],
      ['CLIENTS', 'custom.company.UF_TIER'],
      ['LEADS', 'lead.title'],
      ['LEADS', 'lead.city'],
    ];
    // Every STRING field of the catalog must be planted above: a new one fails here until it is.
    const strings = (['CLIENTS', 'LEADS'] as const).flatMap((s) => catalogs[s].fields.filter((f: CatalogField) => f.valueType === FieldValueType.STRING && !f.scope).map((f) => f.id));
    expect(strings.filter((id) => !planted.some(([, f]) => f === id)).sort()).toEqual(['deal.currency'].filter((id) => strings.includes(id)));
    for (const [source, field] of planted) {
      const everyone = await memberCount(source, field, 'IS_NOT_EMPTY', null);
      for (const p of STORABLE) {
        const t = p.trim();
        // Folding is the documented normalisation: the same text in another case is the same value.
        const tests = [
          ['EQ', { string: p }],
          ['IN', { strings: [p] }],
          ['CONTAINS', { string: t }],
          ['BEGINS_WITH', { string: t }],
          ['ENDS_WITH', { string: t }],
          ['EQ', { string: fold(t).toUpperCase() }],
        ] as const;
        const found = await memberCounts(source, field, tests);
        tests.forEach(([operator, value], i) => {
          expect(found[i], `${field} ${operator} ${JSON.stringify(value)} finds the planted record`).toBeGreaterThanOrEqual(1);
          // A LIKE wildcard as text must not match everyone (an unescaped % would).
          if (/^[%_]+$/.test(t)) expect(found[i], `${field} ${operator} ${JSON.stringify(p)}`).toBeLessThan(everyone);
        });
        count('planted records found by text operators', tests.length);
      }
    }
  });

  it('segment names, descriptions, tags and searches hold the payloads verbatim', async () => {
    const SEGMENT = 'id name description tags';
    for (const p of PAYLOADS) {
      const name = p.trim() ? p : `blank ${JSON.stringify(p)}`;
      const created = await api.execRaw(`mutation($i: CreateSegmentInput!) { createSegment(input: $i) { errors { ${PROBLEMS} } segment { ${SEGMENT} } } }`, {
        i: { name, description: p, tags: [p, 'inj'], kind: 'STATIC' },
      });
      typed(created, `createSegment ${JSON.stringify(p)}`);
      const segment = created.data.createSegment.segment;
      expect(segment, `createSegment ${JSON.stringify(p)}: ${JSON.stringify(created.data.createSegment.errors)}`).not.toBeNull();
      expect(segment.name).toBe(name.trim());
      expect([p, p.trim(), null]).toContain(segment.description);
      expect(segment.tags).toEqual(p.trim() ? [p.trim(), 'inj'] : ['inj']);
      const found = await api.execRaw(
        `query($s: String, $t: String) { bySearch: segments(where: { search: $s }, first: 100) { totalCount edges { node { id } } } byTag: segments(where: { tag: $t }, first: 100) { edges { node { id } } } }`,
        { s: name.trim(), t: p.trim() || 'inj' },
      );
      typed(found, `segments search ${JSON.stringify(p)}`);
      expect(
        found.data.bySearch.edges.map((e: any) => e.node.id),
        `search ${JSON.stringify(name)}`,
      ).toContain(segment.id);
      expect(
        found.data.byTag.edges.map((e: any) => e.node.id),
        `tag ${JSON.stringify(p)}`,
      ).toContain(segment.id);
      const copy = await api.execRaw(`mutation($id: ID!, $n: String) { duplicateSegment(id: $id, name: $n) { errors { ${PROBLEMS} } segment { id name } } }`, { id: segment.id, n: name });
      typed(copy, `duplicateSegment ${JSON.stringify(p)}`);
      expect(copy.data.duplicateSegment.segment.name).toBe(name.trim());
      for (const id of [segment.id, copy.data.duplicateSegment.segment.id]) typed(await api.execRaw(`mutation($id: ID!) { deleteSegment(id: $id) { errors { code } } }`, { id }), 'deleteSegment');
      count('segment names, descriptions, tags, searches', 4);
    }
    for (const p of WITH_NUL) {
      const refused = await api.execRaw(`mutation($i: CreateSegmentInput!) { createSegment(input: $i) { errors { code } } }`, { i: { name: p, description: p, tags: [p], kind: 'STATIC' } });
      expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      count('segment names, descriptions, tags, searches', 3);
    }
  });

  it('bulk upserts match external ids holding the payloads, and store their text verbatim', async () => {
    const rows = STORABLE.map((p, i) => ({ externalId: p, firstName: p, lastName: `Bulk ${i}`, city: p }));
    const UPSERT = `mutation($rows: [ContactInput!]!) { upsertContacts(rows: $rows) { created updated failed results { status errors { ${PROBLEMS} } contact { externalId firstName city } } } }`;
    const first = await api.execRaw(UPSERT, { rows });
    typed(first, 'upsertContacts');
    expect(first.data.upsertContacts.failed, JSON.stringify(first.data.upsertContacts.results.filter((r: any) => r.errors.length))).toBe(0);
    expect(first.data.upsertContacts.results.map((r: any) => r.contact)).toEqual(rows.map((r) => ({ externalId: r.externalId.trim(), firstName: r.firstName.trim(), city: r.city.trim() })));
    const again = await api.execRaw(UPSERT, { rows: rows.map((r) => ({ ...r, city: 'Again' })) });
    typed(again, 'upsertContacts again');
    expect(again.data.upsertContacts.updated, 'every payload external id matched its row').toBe(rows.length);
    count('bulk upsert rows', rows.length * 2);
  });

  it('import lines, imported names, stop-list handles and notes: stored as sent or rejected line by line', async () => {
    const id = (await api.exec(`mutation { createSegment(input: { name: "Injected imports", kind: STATIC }) { segment { id } } }`)).createSegment.segment.id;
    const lines = await api.execRaw(`mutation($id: ID!, $t: String!) { importStaticSegment(id: $id, text: $t) { lines imported invalidCount invalid { line text } errors { code } } }`, {
      id,
      t: PAYLOADS.join('\n'),
    });
    typed(lines, 'payloads as import lines');
    const report = lines.data.importStaticSegment;
    expect(report.imported + report.invalidCount).toBeLessThanOrEqual(report.lines);
    // A payload with a line break is two lines; its second half is a line of its own.
    const oneLine = PAYLOADS.filter((p) => !/[\r\n]/.test(p));
    const named = PAYLOADS.map((p, i) => `named${i}@example.com;${p}`);
    const withNames = await api.execRaw(`mutation($id: ID!, $t: String!) { importStaticSegment(id: $id, text: $t) { imported invalidCount } }`, { id, t: named.join('\r\n') });
    typed(withNames, 'payloads as imported names');
    expect(withNames.data.importStaticSegment.imported).toBe(PAYLOADS.length);
    const entries = (await api.exec(`query($id: ID!) { segment(id: $id) { entries(first: 500, search: "named") { edges { node { address name } } } } }`, { id })).segment.entries.edges.map(
      (e: any) => e.node,
    );
    for (const [i, p] of PAYLOADS.entries()) {
      if (!oneLine.includes(p)) continue;
      const entry = entries.find((e: { address: string }) => e.address === `named${i}@example.com`);
      // The name is what follows the separator, read as CSV: quotes undone, trailing separators dropped.
      const stored: string | null = entry?.name ?? null;
      if (p.trim().replace(/[;,\t"]/g, '')) expect(stored !== null && p.replace(/""/g, '"').includes(stored), `name ${JSON.stringify(p)} stored as ${JSON.stringify(stored)}`).toBe(true);
      const search = await api.execRaw(`query($id: ID!, $s: String) { segment(id: $id) { entries(first: 5, search: $s) { totalCount } } }`, { id, s: p });
      typed(search, `entries search ${JSON.stringify(p)}`);
    }
    count('import lines and names', PAYLOADS.length * 3);
    for (const p of PAYLOADS) {
      const added = await api.execRaw(
        `mutation($a: String!, $n: String) { im: addStopListEntry(input: { channel: IM, address: $a, reason: BOUNCED, note: $n }) { errors { ${PROBLEMS} } entry { address note } } email: addStopListEntry(input: { channel: EMAIL, address: $a, reason: BOUNCED }) { errors { code } } }`,
        { a: p, n: p },
      );
      typed(added, `stop list ${JSON.stringify(p)}`);
      const handle = fold(p.trim().replace(/^@+/, ''));
      if (handle) {
        const entry = added.data.im.entry;
        expect(entry.address).toBe(handle);
        // An address already listed returns the existing entry (with its first note).
        // (Handles fold: the full-width apostrophe is the same handle as the plain one.)
        if (entry.note !== null) expect(PAYLOADS.map((q) => q.trim())).toContain(entry.note);
        const search = await api.execRaw(
          `query($s: String, $h: String) { asSent: stopList(search: $s, channel: IM, first: 5) { totalCount } asStored: stopList(search: $h, channel: IM, first: 5) { totalCount } }`,
          { s: p, h: handle },
        );
        typed(search, `stopList search ${JSON.stringify(p)}`);
        expect(search.data.asStored.totalCount, `stopList search ${JSON.stringify(handle)}`).toBeGreaterThanOrEqual(1);
      }
      count('stop-list addresses, notes, searches', 4);
    }
    const imported = await api.execRaw(`mutation($t: String!) { importStopList(text: $t, channel: IM, reason: COMPLAINED) { imported duplicates invalidCount errors { code } } }`, {
      t: PAYLOADS.join('\n'),
    });
    typed(imported, 'payloads as stop-list lines');
  });

  it('afterwards every table is still there with every row it had', async () => {
    expect(await tableNames(api.db)).toEqual(tablesBefore);
    expectKept(before, await snapshot(api.db), 'after the injection strings');
  });
});
