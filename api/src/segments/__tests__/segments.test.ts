import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/api';
import { engines } from '../../../test/databases';

const rule = (field: string, operator: string, value?: unknown) => ({ rule: { field, operator, value } });
const and = (...rules: unknown[]) => ({ combinator: 'AND', rules });

const SEGMENT_FIELDS = 'id name description tags kind source clientType filter timeZone version';
const CREATE = `mutation($i: CreateSegmentInput!) { createSegment(input: $i) { segment { ${SEGMENT_FIELDS} } errors { path code message } } }`;
const UPDATE = `mutation($i: UpdateSegmentInput!) { updateSegment(input: $i) { segment { ${SEGMENT_FIELDS} } errors { path code message } } }`;

/**
 * Segments through the GraphQL schema: CRUD with versions and conflicts, live counts, members
 * (a union keyset-paged by type and key), recipients (deduplicated, stop list excluded, stable
 * cursors), lead-source rules, membership rules with cycle checks.
 */
describe.each(engines)('segments on %s', (engine) => {
  let api: TestApi;
  const create = async (input: Record<string, unknown>) => {
    const { createSegment } = await api.exec(CREATE, { i: input });
    expect(createSegment.errors).toEqual([]);
    return createSegment.segment;
  };

  beforeAll(async () => {
    api = await startTestApi(engine, { defaultPhoneRegion: 'PL' });
    await api.exec(`mutation {
      upsertCompanies(rows: [
        { externalId: "co-1", title: "Acme", city: "Kraków", communications: [{ channel: EMAIL, value: "office@acme.pl" }, { channel: EMAIL, value: "shared@example.com" }] },
        { externalId: "co-2", title: "Quiet Ltd", city: "Gdańsk" }
      ]) { failed }
      upsertContacts(rows: [
        { externalId: "c-1", firstName: "Anna", lastName: "Nowak", city: "Kraków", communications: [{ channel: EMAIL, value: "Anna@Example.com" }, { channel: PHONE, value: "601 234 567" }] },
        { externalId: "c-2", firstName: "Jan", lastName: "Kowalski", city: "Kraków", communications: [{ channel: EMAIL, value: "shared@example.com" }, { channel: EMAIL, value: "jan@example.com" }] },
        { externalId: "c-3", firstName: "Ola", lastName: "Wiśniewska", city: "Kraków", communications: [{ channel: EMAIL, value: "SHARED@example.com " }, { channel: IM, value: "@OlaW" }] },
        { externalId: "c-4", firstName: "Piotr", lastName: "Zieliński", city: "Warszawa", communications: [{ channel: EMAIL, value: "piotr@example.com" }] }
      ]) { failed }
      upsertLeads(rows: [
        { externalId: "l-1", title: "New lead", city: "Kraków", communications: [{ channel: EMAIL, value: "lead@example.com" }] },
        { externalId: "l-2", title: "Repeat lead", city: "Kraków", contactExternalId: "c-1", communications: [{ channel: EMAIL, value: "anna@example.com" }] },
        { externalId: "l-3", title: "No channel lead", city: "Kraków" }
      ]) { failed }
    }`);
  });
  afterAll(async () => api?.close());

  const krakow = and(rule('client.city', 'EQ', { string: 'kraków' }));

  it('counts members and distinct recipients per channel, live', async () => {
    const segment = await create({ name: 'Kraków', filter: krakow, tags: ['city', 'PL'] });
    expect(segment).toMatchObject({ name: 'Kraków', kind: 'DYNAMIC', source: 'CLIENTS', clientType: 'ANY', version: 1, tags: ['city', 'PL'], filter: krakow });
    const data = await api.exec(`query($id: ID!) { segment(id: $id) { memberCount { value computedAt } recipientCounts { channel value computedAt } } }`, { id: segment.id });
    expect(data.segment.memberCount.value).toBe(4); // Acme + Anna, Jan, Ola
    expect(new Date(data.segment.memberCount.computedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    const counts = Object.fromEntries(data.segment.recipientCounts.map((c: any) => [c.channel, c.value]));
    // office@acme.pl, shared@ (three owners), anna@, jan@ = 4 e-mails; one phone; one handle.
    expect(counts).toEqual({ EMAIL: 4, PHONE: 1, IM: 1 });
  });

  it('pages members as a union in (type, key) order: companies first, then contacts', async () => {
    const segment = await create({ name: 'Kraków members', filter: krakow });
    const q = `query($id: ID!, $after: String) { segment(id: $id) { members(first: 2, after: $after) { edges { cursor node { __typename ... on Company { title communications { normalized } } ... on Contact { lastName } } } pageInfo { hasNextPage endCursor } totalCount } } }`;
    const first = (await api.exec(q, { id: segment.id })).segment.members;
    expect(first.edges.map((e: any) => e.node)).toEqual([
      { __typename: 'Company', title: 'Acme', communications: [{ normalized: 'office@acme.pl' }, { normalized: 'shared@example.com' }] },
      { __typename: 'Contact', lastName: 'Nowak' },
    ]);
    expect(first.totalCount).toBe(4);
    const second = (await api.exec(q, { id: segment.id, after: first.pageInfo.endCursor })).segment.members;
    expect(second.edges.map((e: any) => e.node.lastName)).toEqual(['Kowalski', 'Wiśniewska']);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('lists each address once, owned by the first member, minus the stop list; cursors survive inserts', async () => {
    const segment = await create({ name: 'Kraków recipients', filter: krakow });
    const q = `query($id: ID!, $after: String, $first: Int) { segment(id: $id) { recipients(channel: EMAIL, first: $first, after: $after) { totalCount edges { cursor node { address channel name ownerCount owner { __typename ... on Company { id title } ... on Contact { id lastName } } } } pageInfo { hasNextPage endCursor } } } }`;
    const all = (await api.exec(q, { id: segment.id, first: 10 })).segment.recipients;
    expect(all.edges.map((e: any) => e.node.address)).toEqual(['anna@example.com', 'jan@example.com', 'office@acme.pl', 'shared@example.com']);
    const shared = all.edges[3].node;
    // Acme (a company) sorts before the contacts sharing the address.
    expect(shared).toMatchObject({ ownerCount: 3, name: 'Acme', owner: { __typename: 'Company', title: 'Acme' } });
    expect(all.edges[0].node).toMatchObject({ name: 'Anna Nowak', ownerCount: 1, owner: { __typename: 'Contact', lastName: 'Nowak' } });

    const page1 = (await api.exec(q, { id: segment.id, first: 2 })).segment.recipients;
    // A new member whose address sorts before the cursor does not shift the next page.
    await api.exec(`mutation { upsertContacts(rows: [{ externalId: "c-5", lastName: "Early", city: "Kraków", communications: [{ channel: EMAIL, value: "aaa@example.com" }] }]) { failed } }`);
    const page2 = (await api.exec(q, { id: segment.id, first: 2, after: page1.pageInfo.endCursor })).segment.recipients;
    expect(page2.edges.map((e: any) => e.node.address)).toEqual(['office@acme.pl', 'shared@example.com']);
    expect(page2.totalCount).toBe(5);

    await api.exec(`mutation { addStopListEntry(input: { channel: EMAIL, address: "Shared@Example.com", reason: BOUNCED }) { errors { code } } }`);
    const after = (await api.exec(q, { id: segment.id, first: 10 })).segment.recipients;
    expect(after.edges.map((e: any) => e.node.address)).toEqual(['aaa@example.com', 'anna@example.com', 'jan@example.com', 'office@acme.pl']);
    expect(after.totalCount).toBe(4);
  });

  it('a leads segment leaves out repeat leads and leads without any channel', async () => {
    const segment = await create({ name: 'Kraków leads', source: 'LEADS', filter: and(rule('lead.city', 'EQ', { string: 'Kraków' })) });
    const data = await api.exec(
      `query($id: ID!) { segment(id: $id) { memberCount { value } members(first: 10) { edges { node { __typename ... on Lead { title communications { channel normalized } } } } } } }`,
      { id: segment.id },
    );
    expect(data.segment.memberCount.value).toBe(1);
    expect(data.segment.members.edges).toEqual([{ node: { __typename: 'Lead', title: 'New lead', communications: [{ channel: 'EMAIL', normalized: 'lead@example.com' }] } }]);
  });

  it('previews an unsaved definition, and reports its problems with paths', async () => {
    const ok = await api.exec(`query($i: SegmentDefinitionInput!) { previewSegment(input: $i) { errors { code } memberCount { value } recipientCounts(channels: [PHONE]) { channel value } } }`, {
      i: { clientType: 'CONTACT', filter: krakow },
    });
    expect(ok.previewSegment.errors).toEqual([]);
    expect(ok.previewSegment.memberCount.value).toBeGreaterThanOrEqual(3);
    expect(ok.previewSegment.recipientCounts).toEqual([{ channel: 'PHONE', value: 1 }]);
    const bad = await api.exec(`query($i: SegmentDefinitionInput!) { previewSegment(input: $i) { errors { path code } memberCount { value } } }`, {
      i: { filter: and(rule('client.nope', 'EQ', { string: 'x' })) },
    });
    expect(bad.previewSegment).toEqual({ errors: [{ path: ['filter', 'rules', '0', 'rule', 'field'], code: 'UNKNOWN_FIELD' }], memberCount: null });
    const zone = await api.exec(`query($i: SegmentDefinitionInput!) { previewSegment(input: $i, timeZone: "Mars/Olympus") { errors { path code } } }`, { i: { filter: krakow } });
    expect(zone.previewSegment.errors).toEqual([{ path: ['timeZone'], code: 'INVALID' }]);
  });

  it('saves changes as versions, rejects stale versions, and restores an old one as a new version', async () => {
    const segment = await create({ name: 'Versioned', filter: krakow, description: 'first' });
    const v2 = (await api.exec(UPDATE, { i: { id: segment.id, version: 1, name: 'Versioned 2', tags: ['b'] } })).updateSegment;
    expect(v2.errors).toEqual([]);
    expect(v2.segment).toMatchObject({ name: 'Versioned 2', version: 2, description: 'first', tags: ['b'] });
    const stale = (await api.exec(UPDATE, { i: { id: segment.id, version: 1, name: 'Lost edit' } })).updateSegment;
    expect(stale.segment).toBeNull();
    expect(stale.errors).toMatchObject([{ path: ['input', 'version'], code: 'VERSION_CONFLICT' }]);

    // Two saves of the same version at once: exactly one wins, the other is told, nothing is lost.
    const results = await Promise.all(['A', 'B'].map((n) => api.exec(UPDATE, { i: { id: segment.id, version: 2, description: n } })));
    const codes = results.map((r) => r.updateSegment.errors.map((e: any) => e.code)[0] ?? 'OK').sort();
    expect(codes).toEqual(['OK', 'VERSION_CONFLICT']);
    const winner = results.find((r) => r.updateSegment.segment)!.updateSegment.segment;

    const history = (await api.exec(`query($id: ID!) { segment(id: $id) { version versions { version name description tags savedAt savedBy { email } } } }`, { id: segment.id })).segment;
    expect(history.version).toBe(3);
    expect(history.versions.map((v: any) => [v.version, v.name, v.description])).toEqual([
      [3, 'Versioned 2', winner.description],
      [2, 'Versioned 2', 'first'],
      [1, 'Versioned', 'first'],
    ]);
    expect(history.versions[2].savedBy.email).toBe('admin@segmenta.local');

    const restored = (
      await api.exec(`mutation($id: ID!) { restoreSegmentVersion(id: $id, version: 1, expectedVersion: 3) { segment { name version tags description } errors { code } } }`, { id: segment.id })
    ).restoreSegmentVersion;
    expect(restored).toEqual({ segment: { name: 'Versioned', version: 4, tags: [], description: 'first' }, errors: [] });
  });

  it('validates on save: name, filter problems, static segments without a filter', async () => {
    const { createSegment } = await api.exec(CREATE, { i: { name: ' ', filter: and(rule('deal.stage', 'IN', { ids: [] })) } });
    expect(createSegment.segment).toBeNull();
    expect(createSegment.errors.map((e: any) => [e.path.join('.'), e.code])).toEqual(
      expect.arrayContaining([
        ['input.name', 'REQUIRED'],
        ['input.filter.rules.0.rule.value.ids', 'MISSING_VALUE'],
      ]),
    );
    const zone = (await api.exec(CREATE, { i: { name: 'Zoned', filter: krakow, timeZone: 'Mars/Olympus' } })).createSegment;
    expect(zone.errors).toMatchObject([{ path: ['input', 'timeZone'], code: 'INVALID' }]);
    const missing = (await api.exec(CREATE, { i: { name: 'No filter' } })).createSegment;
    expect(missing.errors).toMatchObject([{ path: ['input', 'filter'], code: 'REQUIRED' }]);
    const stat = await create({ name: 'Static list', kind: 'STATIC' });
    expect(stat).toMatchObject({ kind: 'STATIC', filter: null });
  });

  it('lists segments by name, kind and tag; duplicates and deletes them', async () => {
    const a = await create({ name: 'Tagged Alpha', filter: krakow, tags: ['Promo'] });
    await create({ name: 'Tagged Beta', filter: krakow, tags: ['promo', 'x'] });
    const list = async (where: unknown) =>
      (await api.exec(`query($w: SegmentListFilter) { segments(first: 50, where: $w, orderBy: { field: NAME }) { totalCount edges { node { name } } } }`, { w: where })).segments.edges.map(
        (e: any) => e.node.name,
      );
    expect(await list({ tag: 'PROMO' })).toEqual(['Tagged Alpha', 'Tagged Beta']);
    expect(await list({ search: 'alpha' })).toEqual(['Tagged Alpha']);
    expect(await list({ kind: 'STATIC' })).toEqual(['Static list']);
    // Default order: the latest change first.
    const latest = (await api.exec(`{ segments(first: 2) { edges { node { name } } } }`)).segments.edges.map((e: any) => e.node.name);
    expect(latest).toEqual(['Tagged Beta', 'Tagged Alpha']);
    const tags = (await api.exec(`{ segmentTags { tag count } }`)).segmentTags;
    expect(tags).toEqual(expect.arrayContaining([{ tag: 'Promo', count: 2 }]));

    const copy = (await api.exec(`mutation($id: ID!) { duplicateSegment(id: $id) { segment { id name version tags filter } errors { code } } }`, { id: a.id })).duplicateSegment;
    expect(copy.segment).toMatchObject({ name: 'Tagged Alpha (copy)', version: 1, tags: ['Promo'], filter: krakow });
    const deleted = (await api.exec(`mutation($id: ID!) { deleteSegment(id: $id) { deletedId errors { code } } }`, { id: copy.segment.id })).deleteSegment;
    expect(deleted).toEqual({ deletedId: copy.segment.id, errors: [] });
    expect((await api.exec(`query($id: ID!) { segment(id: $id) { id } }`, { id: copy.segment.id })).segment).toBeNull();
  });

  it('excludes one audience from another with membership rules, and rejects cycles', async () => {
    const warsaw = await create({ name: 'Warszawa', filter: and(rule('client.city', 'EQ', { string: 'Warszawa' })) });
    const withEmail = await create({ name: 'With e-mail', clientType: 'CONTACT', filter: and(rule('client.communications', 'HAS_ANY', { strings: ['EMAIL'] })) });
    const notWarsaw = await create({
      name: 'E-mail, not Warsaw',
      clientType: 'CONTACT',
      filter: and(rule('segment.membership', 'IN', { ids: [withEmail.id] }), rule('segment.membership', 'NOT_IN', { ids: [warsaw.id] })),
    });
    const count = async (id: string) => (await api.exec(`query($id: ID!) { segment(id: $id) { memberCount { value } } }`, { id })).segment.memberCount.value;
    expect(await count(withEmail.id)).toBe(5);
    expect(await count(notWarsaw.id)).toBe(4);

    // Direct cycle: a segment naming itself; indirect: With e-mail -> E-mail, not Warsaw -> With e-mail.
    const self = (await api.exec(UPDATE, { i: { id: warsaw.id, version: 1, filter: and(rule('segment.membership', 'NOT_IN', { ids: [warsaw.id] })) } })).updateSegment;
    expect(self.errors).toMatchObject([{ path: ['input', 'filter', 'rules', '0', 'rule', 'value'], code: 'SEGMENT_CYCLE' }]);
    const indirect = (await api.exec(UPDATE, { i: { id: withEmail.id, version: 1, filter: and(rule('segment.membership', 'IN', { ids: [notWarsaw.id] })) } })).updateSegment;
    expect(indirect.errors).toMatchObject([{ code: 'SEGMENT_CYCLE' }]);

    // The builder finds segments to name by searching them.
    const found = (await api.exec(`{ filterValues(field: "segment.membership", search: "WARSZ", first: 5) { edges { node { value label } } } }`)).filterValues.edges.map((e: any) => e.node);
    expect(found).toEqual([{ value: warsaw.id, label: 'Warszawa' }]);

    // A static segment in a membership rule: members are the records having one of its addresses.
    const vip = await create({ name: 'VIP list', kind: 'STATIC' });
    await api.exec(`mutation($id: ID!, $t: String!) { importStaticSegment(id: $id, text: $t) { imported } }`, { id: vip.id, t: 'anna@example.com;Anna\npiotr@example.com' });
    const notVip = await create({
      name: 'Kraków without VIPs',
      clientType: 'CONTACT',
      filter: and(rule('client.city', 'EQ', { string: 'Kraków' }), rule('segment.membership', 'NOT_IN', { ids: [vip.id] })),
    });
    const names = (await api.exec(`query($id: ID!) { segment(id: $id) { members(first: 10) { edges { node { ... on Contact { lastName } } } } } }`, { id: notVip.id })).segment.members.edges.map(
      (e: any) => e.node.lastName,
    );
    expect(names).not.toContain('Nowak');
    expect(names).toEqual(expect.arrayContaining(['Kowalski', 'Wiśniewska']));

    const inUse = (await api.exec(`mutation($id: ID!) { deleteSegment(id: $id) { deletedId errors { code message count } } }`, { id: warsaw.id })).deleteSegment;
    expect(inUse).toMatchObject({ deletedId: null, errors: [{ code: 'IN_USE', count: 1 }] });
    expect(inUse.errors[0].message).toContain('E-mail, not Warsaw');
  });

  it('refuses to delete a value a saved segment names (field, option, pipeline, reference item), naming the segment', async () => {
    const field = (
      await api.exec(
        `mutation { createCustomField(input: { entity: CONTACT, code: "UF_TIER", label: "Tier", type: LIST, options: [{ code: "GOLD", label: "Gold" }, { code: "SILVER", label: "Silver" }] }) { field { id options { id code } } } }`,
      )
    ).createCustomField.field;
    const pipeline = (await api.exec(`{ pipelines { id } }`)).pipelines[0];
    const source = (await api.exec(`{ referenceItems(list: SOURCE) { id code } }`)).referenceItems[0];
    await create({
      name: 'Gold tier',
      filter: and(rule('custom.contact.UF_TIER', 'IN', { strings: ['GOLD'] }), rule('deal.pipeline', 'IN', { ids: [pipeline.id] }), rule('client.source', 'IN', { strings: [source.code] })),
    });
    const gold = field.options.find((o: any) => o.code === 'GOLD').id;
    const silver = field.options.find((o: any) => o.code === 'SILVER').id;
    const option = (await api.exec(`mutation($id: ID!, $o: ID!) { editCustomFieldOptions(id: $id, removeIds: [$o]) { errors { path code message } } }`, { id: field.id, o: gold }))
      .editCustomFieldOptions;
    expect(option.errors).toMatchObject([{ path: ['removeIds'], code: 'IN_USE' }]);
    expect(option.errors[0].message).toContain('"Gold tier"');
    const unused = (await api.exec(`mutation($id: ID!, $o: ID!) { editCustomFieldOptions(id: $id, removeIds: [$o]) { errors { code } } }`, { id: field.id, o: silver })).editCustomFieldOptions;
    expect(unused.errors).toEqual([]);
    for (const [mutation, id] of [
      ['deleteCustomField', field.id],
      ['deletePipeline', pipeline.id],
      ['deleteReferenceItem', source.id],
    ]) {
      const result = (await api.exec(`mutation($id: ID!) { ${mutation}(id: $id) { deletedId errors { code message } } }`, { id }))[mutation];
      expect(result).toMatchObject({ deletedId: null, errors: [{ code: 'IN_USE' }] });
      expect(result.errors[0].message).toContain('"Gold tier"');
    }
  });
});
