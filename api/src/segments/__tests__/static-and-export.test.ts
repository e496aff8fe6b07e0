import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/api';
import { engines } from '../../../test/databases';

const REPORT = 'errors { code path } lines imported duplicatesInInput alreadyPresent invalidCount invalid { line text reason }';

/**
 * Static segments (import with the seed format, add/remove, linking to CRM records), ready-made
 * filters, membership checks, the stop-list import and the streamed CSV export, on both engines.
 */
describe.each(engines)('static segments, templates and export on %s', (engine) => {
  let api: TestApi;
  let base: string;
  let staticId: string;

  beforeAll(async () => {
    api = await startTestApi(engine, { defaultPhoneRegion: 'PL', exportLinkSeconds: 60 });
    await new Promise<void>((resolve) => api.app.httpServer.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(api.app.httpServer.address() as AddressInfo).port}`;
    await api.exec(`mutation {
      upsertContacts(rows: [
        { externalId: "c-1", firstName: "Anna", lastName: "Nowak", city: "Kraków", communications: [{ channel: EMAIL, value: "anna@example.com" }, { channel: PHONE, value: "601 234 567" }] },
        { externalId: "c-2", firstName: "Jan", lastName: "Kowalski, Jr.", city: "Kraków", communications: [{ channel: EMAIL, value: "jan@example.com" }] }
      ]) { failed }
    }`);
    const created = await api.exec(`mutation { createSegment(input: { name: "Newsletter", kind: STATIC }) { segment { id } errors { code } } }`);
    staticId = created.createSegment.segment.id;
  });
  afterAll(async () => {
    await new Promise((resolve) => api.app.httpServer.close(resolve));
    await api?.close();
  });

  it('imports the seed format with mixed channels; bad lines are reported and the rest kept', async () => {
    const text = ['anna@example.com;Anna Nowak', 'ANNA@example.com', '+48 601-234-567;Anna mobile', 'not-an-address;Nobody', 'new@example.org;Nowy "Klient"', '', 'x@'].join('\n');
    const { importStaticSegment: report } = await api.exec(`mutation($id: ID!, $t: String!) { importStaticSegment(id: $id, text: $t) { ${REPORT} } }`, { id: staticId, t: text });
    expect(report).toMatchObject({ errors: [], lines: 6, imported: 3, duplicatesInInput: 1, alreadyPresent: 0, invalidCount: 2 });
    expect(report.invalid.map((i: any) => i.line)).toEqual([4, 7]);
    // Importing again: everything is already there, nothing is doubled.
    const again = (await api.exec(`mutation($id: ID!, $t: String!) { importStaticSegment(id: $id, text: $t) { ${REPORT} } }`, { id: staticId, t: text })).importStaticSegment;
    expect(again).toMatchObject({ imported: 0, alreadyPresent: 3 });

    const entries = (
      await api.exec(`query($id: ID!) { segment(id: $id) { entries(first: 10) { totalCount edges { node { channel address name owner { __typename ... on Contact { lastName } } } } } } }`, {
        id: staticId,
      })
    ).segment.entries;
    expect(entries.edges.map((e: any) => e.node)).toEqual([
      { channel: 'PHONE', address: '+48601234567', name: 'Anna mobile', owner: { __typename: 'Contact', lastName: 'Nowak' } },
      { channel: 'EMAIL', address: 'anna@example.com', name: 'Anna Nowak', owner: { __typename: 'Contact', lastName: 'Nowak' } },
      { channel: 'EMAIL', address: 'new@example.org', name: 'Nowy "Klient"', owner: null },
    ]);
  });

  it('counts a static segment from its addresses and links members to CRM records', async () => {
    const data = await api.exec(
      `query($id: ID!) { segment(id: $id) { memberCount { value } recipientCounts { channel value } members(first: 5) { edges { node { ... on Contact { lastName } } } } recipients(channel: EMAIL) { edges { node { address name ownerCount owner { ... on Contact { lastName } } } } } } }`,
      { id: staticId },
    );
    expect(data.segment.memberCount.value).toBe(1);
    expect(data.segment.members.edges).toEqual([{ node: { lastName: 'Nowak' } }]);
    expect(Object.fromEntries(data.segment.recipientCounts.map((c: any) => [c.channel, c.value]))).toEqual({ EMAIL: 2, PHONE: 1, IM: 0 });
    expect(data.segment.recipients.edges.map((e: any) => e.node)).toEqual([
      { address: 'anna@example.com', name: 'Anna Nowak', ownerCount: 1, owner: { lastName: 'Nowak' } },
      { address: 'new@example.org', name: 'Nowy "Klient"', ownerCount: 0, owner: null },
    ]);
  });

  it('duplicates a static segment with its addresses', async () => {
    const copy = (
      await api.exec(`mutation($id: ID!) { duplicateSegment(id: $id, name: "Newsletter B") { segment { id name kind entries(first: 10) { totalCount } } errors { code } } }`, { id: staticId })
    ).duplicateSegment;
    expect(copy).toEqual({ segment: { id: expect.any(String), name: 'Newsletter B', kind: 'STATIC', entries: { totalCount: 3 } }, errors: [] });
    await api.exec(`mutation($id: ID!) { deleteSegment(id: $id) { errors { code } } }`, { id: copy.segment.id });
  });

  it('adds and removes addresses, and refuses them on a dynamic segment', async () => {
    const added = (
      await api.exec(
        `mutation($id: ID!) { addStaticSegmentMembers(id: $id, members: [{ channel: EMAIL, address: "Jan@Example.com", name: "Jan" }, { channel: PHONE, address: "12" }]) { ${REPORT} } }`,
        { id: staticId },
      )
    ).addStaticSegmentMembers;
    expect(added).toMatchObject({ imported: 1, invalidCount: 1, invalid: [{ line: 2 }] });
    const removed = (
      await api.exec(`mutation($id: ID!) { removeStaticSegmentMembers(id: $id, members: [{ channel: EMAIL, address: "JAN@example.com" }]) { removed errors { code } } }`, { id: staticId })
    ).removeStaticSegmentMembers;
    expect(removed).toEqual({ removed: 1, errors: [] });
    const dynamic = await api.exec(
      `mutation { createSegment(input: { name: "Dyn", filter: { combinator: AND, rules: [{ rule: { field: "client.city", operator: EQ, value: { string: "Kraków" } } }] } }) { segment { id } } }`,
    );
    const refused = (await api.exec(`mutation($id: ID!) { importStaticSegment(id: $id, text: "a@b.pl") { ${REPORT} } }`, { id: dynamic.createSegment.segment.id })).importStaticSegment;
    expect(refused.errors).toMatchObject([{ code: 'INVALID' }]);
  });

  it('membership check: which segments one contact is in, static ones by address', async () => {
    const contacts = (await api.exec(`{ contacts(first: 10) { edges { node { id lastName } } } }`)).contacts.edges.map((e: any) => e.node);
    const anna = contacts.find((c: any) => c.lastName === 'Nowak');
    const jan = contacts.find((c: any) => c.lastName === 'Kowalski, Jr.');
    const check = async (memberId: string) =>
      Object.fromEntries(
        (await api.exec(`query($m: ID!) { segmentMembership(memberId: $m) { segment { name } isMember problem } }`, { m: memberId })).segmentMembership.map((r: any) => [r.segment.name, r.isMember]),
      );
    expect(await check(anna.id)).toEqual({ Newsletter: true, Dyn: true });
    expect(await check(jan.id)).toEqual({ Newsletter: false, Dyn: true });
    const bad = await api.execRaw(`{ segmentMembership(memberId: "nope") { isMember } }`);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('offers ready-made filters in every language, and each makes a valid, counted segment', async () => {
    const templates = (await api.exec(`{ segmentTemplates(locale: "pl") { id name filter } }`)).segmentTemplates;
    expect(templates.map((t: any) => t.id)).toEqual(
      expect.arrayContaining(['WITH_WON_DEALS', 'WITHOUT_DEALS', 'DEALS_IN_PROGRESS', 'LOST_DEALS', 'INACTIVE_90_DAYS', 'ACTIVE_30_DAYS', 'BOUGHT_IN_PAID_ORDER', 'HAS_EMAIL_AND_PHONE']),
    );
    expect(templates.find((t: any) => t.id === 'WITHOUT_DEALS').name).toBe('Bez transakcji');
    for (const template of templates) {
      const created = (
        await api.exec(`mutation($t: ID!) { createSegmentFromTemplate(template: $t, locale: "pl") { segment { id name kind filter memberCount { value } } errors { path code message } } }`, {
          t: template.id,
        })
      ).createSegmentFromTemplate;
      expect(created.errors).toEqual([]);
      expect(created.segment).toMatchObject({ name: template.name, kind: 'DYNAMIC', filter: template.filter });
      expect(created.segment.memberCount.value).toBeGreaterThanOrEqual(0);
    }
    const withoutDeals = (await api.exec(`mutation { createSegmentFromTemplate(template: "WITHOUT_DEALS") { segment { memberCount { value } } } }`)).createSegmentFromTemplate;
    expect(withoutDeals.segment.memberCount.value).toBe(2);
    const both = (await api.exec(`mutation { createSegmentFromTemplate(template: "HAS_EMAIL_AND_PHONE") { segment { members(first: 5) { edges { node { ... on Contact { lastName } } } } } } }`))
      .createSegmentFromTemplate;
    expect(both.segment.members.edges).toEqual([{ node: { lastName: 'Nowak' } }]);
  });

  it('imports the stop list with a reason, and recipients leave those addresses out', async () => {
    const report = (
      await api.exec(`mutation { importStopList(text: "new@example.org\\nANNA@example.com\\nnew@example.org\\n???", reason: UNSUBSCRIBED) { imported duplicates invalidCount errors { code } } }`)
    ).importStopList;
    expect(report).toEqual({ imported: 2, duplicates: 1, invalidCount: 1, errors: [] });
    const counts = (await api.exec(`query($id: ID!) { segment(id: $id) { recipientCounts(channels: [EMAIL]) { value } } }`, { id: staticId })).segment.recipientCounts;
    expect(counts).toEqual([{ value: 0 }]);
    const handles = (await api.exec(`mutation($t: String!) { importStopList(text: $t, reason: COMPLAINED, channel: IM) { imported duplicates invalidCount } }`, { t: '@OlaW\nolaw\n  \n@' }))
      .importStopList;
    expect(handles).toEqual({ imported: 1, duplicates: 1, invalidCount: 1 });
    const listed = (await api.exec(`{ stopList(first: 5, channel: IM) { edges { node { address reason } } } }`)).stopList.edges;
    expect(listed).toEqual([{ node: { address: 'olaw', reason: 'COMPLAINED' } }]);
  });

  it('streams recipients as CSV through a signed link, and refuses a tampered or expired one', async () => {
    const segment = (
      await api.exec(
        `mutation { createSegment(input: { name: "Kraków, all", filter: { combinator: AND, rules: [{ rule: { field: "client.city", operator: EQ, value: { string: "Kraków" } } }] } }) { segment { id exportUrl(channel: EMAIL) } } }`,
      )
    ).createSegment.segment;
    expect(segment.exportUrl).toMatch(/^\/export\/segments\/[\w-]+\/email\.csv\?expires=\d+&by=user%3A\d+&signature=[\w-]+$/);
    const response = await fetch(base + segment.exportUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const contacts = (await api.exec(`{ contacts(first: 10) { edges { node { id lastName } } } }`)).contacts.edges.map((e: any) => e.node);
    const jan = contacts.find((c: any) => c.lastName === 'Kowalski, Jr.');
    // anna@ is on the stop list now (previous test); Jan's name has a comma, so it is quoted.
    expect(await response.text()).toBe(`address,channel,name,owner_type,owner_id\r\njan@example.com,EMAIL,"Jan Kowalski, Jr.",Contact,${jan.id}\r\n`);

    const tampered = await fetch(base + segment.exportUrl.replace(/signature=(.)/, (_: string, c: string) => `signature=${c === 'A' ? 'B' : 'A'}`));
    expect(tampered.status).toBe(403);
    const expired = await fetch(base + segment.exportUrl.replace(/expires=\d+/, 'expires=1000'));
    expect(expired.status).toBe(403);
    // The link is signed for whoever asked: naming someone else breaks the signature.
    const impersonated = await fetch(base + segment.exportUrl.replace(/by=user%3A\d+/, 'by=user%3A999'));
    expect(impersonated.status).toBe(403);
  });

  it('exports a segment whose filter compares an integer column with a fraction, as its count does (the export failed on PostgreSQL)', async () => {
    await api.exec(`mutation { upsertCompanies(rows: [{ externalId: "big", title: "Big", employees: 3, communications: [{ channel: EMAIL, value: "big@example.com" }] }]) { failed } }`);
    const filter = { rules: [{ rule: { field: 'company.employees', operator: 'GT', value: { number: 2.5 } } }] };
    const segment = (
      await api.exec(
        `mutation($f: FilterGroupInput) { createSegment(input: { name: "Over 2.5", filter: $f }) { segment { exportUrl(channel: EMAIL) recipientCounts(channels: [EMAIL]) { value } } } }`,
        { f: filter },
      )
    ).createSegment.segment;
    expect(segment.recipientCounts).toEqual([{ value: 1 }]);
    const response = await fetch(base + segment.exportUrl);
    expect(response.status).toBe(200);
    expect((await response.text()).split('\r\n')[1]).toMatch(/^big@example\.com,EMAIL,Big,Company,/);
  });
});
