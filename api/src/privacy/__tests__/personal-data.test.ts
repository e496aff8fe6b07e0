import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/api';
import { engines } from '../../../test/databases';
import { Scope, tokenActor, type Actor } from '../../auth/actor';
import { standardFields } from '../../segments/filtering/field-catalog';
import { UserRole } from '../../users/user.entity';

/**
 * The red team's oracle: counts over filters a viewer composes. A VIEWER recovered 12 of 12 full
 * names and ages by growing BEGINS_WITH prefixes over 30 aliased previews per request, and a
 * segments:write-only token learned from createSegment's memberCount whether a guessed e-mail
 * is a customer. Each attack is replayed here on both engines.
 */

const K = 10;
const BUDGET = 40;
const FIRST_NAMES = ['Anna', 'Bartosz', 'Celina', 'Dawid', 'Ewa', 'Filip', 'Greta', 'Henryk', 'Iga', 'Jan', 'Kinga', 'Leon'];

const rule = (field: string, operator: string, value?: unknown) => ({ rule: { field, operator, value: value ?? null } });
const and = (...rules: unknown[]) => ({ combinator: 'AND', rules });
const day = (i: number) => `2020-01-${String(i + 1).padStart(2, '0')}`;

/** `n` aliased previews of one request, each with its own filter. */
function aliasedPreviews(filters: unknown[]): { query: string; variables: Record<string, unknown> } {
  const defs = filters.map((_, i) => `$f${i}: FilterGroupInput!`).join(', ');
  const fields = filters.map((_, i) => `p${i}: previewSegment(input: { clientType: CONTACT, filter: $f${i} }) { errors { path code } memberCount { value fewerThan } }`).join('\n');
  return { query: `query(${defs}) {\n${fields}\n}`, variables: Object.fromEntries(filters.map((f, i) => [`f${i}`, f])) };
}

let tokenKeys = 1000;
/** An API token's actor acting for the administrator, with exactly these scopes. */
const tokenOf = (api: TestApi, scopes: Scope[]): Actor => tokenActor({ key: ++tokenKeys, name: `probe ${tokenKeys}`, scopes }, { key: api.admin.userKey, name: 'Administrator', role: UserRole.ADMIN });

describe.each(engines)('personal data on %s', (engine) => {
  let api: TestApi;
  let viewer: Actor;
  let marketer: Actor;

  beforeAll(async () => {
    api = await startTestApi(engine, { minReportedCount: K, filterEvaluationsPerHour: BUDGET });
    viewer = (await api.createUser(UserRole.VIEWER)).actor;
    marketer = (await api.createUser(UserRole.MARKETER)).actor;
    // The group the red team targeted: 12 contacts, each created on its own day, one of them a VIP.
    for (const [i, firstName] of FIRST_NAMES.entries()) {
      await api.exec('mutation($i: ContactInput!) { createContact(input: $i) { errors { code } } }', {
        i: {
          firstName,
          lastName: `Nowak${i}`,
          birthdate: `19${60 + i}-05-0${(i % 9) + 1}`,
          city: 'Sopot',
          createdAt: `${day(i)}T12:00:00Z`,
          communications: [{ channel: 'EMAIL', value: `${firstName.toLowerCase()}@example.com` }],
        },
      });
    }
  }, 60_000);
  afterAll(() => api.close());

  it('marks names, city, birthdate, age, gender and free-text custom fields as personal in segmentFields', async () => {
    await api.exec('mutation { createCustomField(input: { entity: CONTACT, code: "UF_NOTE", label: "Note", type: STRING }) { errors { code } } }');
    await api.exec('mutation { createCustomField(input: { entity: CONTACT, code: "UF_SCORE", label: "Score", type: NUMBER }) { errors { code } } }');
    const { data } = await api.execAs(viewer, '{ segmentFields(source: CLIENTS) { id personal } }');
    const personal = Object.fromEntries(data.segmentFields.map((f: { id: string; personal: boolean }) => [f.id, f.personal]));
    for (const id of ['contact.firstName', 'contact.lastName', 'contact.birthdate', 'contact.age', 'contact.gender', 'client.city', 'company.title', 'custom.contact.UF_NOTE'])
      expect(personal[id], id).toBe(true);
    for (const id of ['client.country', 'client.createdAt', 'client.source', 'deal.amount', 'order.total', 'segment.membership', 'custom.contact.UF_SCORE']) expect(personal[id], id).toBe(false);
  });

  it('lets an admin mark a custom field of any type personal, or a free-text one not: the mark decides what a viewer may filter on', async () => {
    const created = await api.exec(
      'mutation { createCustomField(input: { entity: CONTACT, code: "UF_SALARY", label: "Salary", type: NUMBER, personal: true }) { field { id personal } errors { code } } }',
    );
    expect(created.createCustomField.field.personal).toBe(true);
    const note = await api.exec('mutation { createCustomField(input: { entity: CONTACT, code: "UF_TAGLINE", label: "Tagline", type: STRING }) { field { id personal } errors { code } } }');
    expect(note.createCustomField.field.personal).toBe(true);
    const check = (field: string) =>
      api.execAs(viewer, 'query($f: FilterGroupInput!) { checkFilter(source: CLIENTS, filter: $f) { valid problems { code } } }', { f: and(rule(field, 'IS_NOT_EMPTY')) });
    expect((await check('custom.contact.UF_SALARY')).data.checkFilter).toEqual({ valid: false, problems: [{ code: 'FIELD_NOT_ALLOWED' }] });
    expect((await check('custom.contact.UF_TAGLINE')).data.checkFilter).toEqual({ valid: false, problems: [{ code: 'FIELD_NOT_ALLOWED' }] });
    // The admin decides the tagline is public and the salary stays personal; the catalog follows at once.
    const updated = await api.exec('mutation($id: ID!) { updateCustomField(id: $id, input: { personal: false }) { field { personal } errors { code } } }', { id: note.createCustomField.field.id });
    expect(updated.updateCustomField).toEqual({ field: { personal: false }, errors: [] });
    expect((await check('custom.contact.UF_TAGLINE')).data.checkFilter).toEqual({ valid: true, problems: [] });
    expect((await check('custom.contact.UF_SALARY')).data.checkFilter.valid).toBe(false);
  });

  it('refuses the prefix-extraction oracle: 30 aliased BEGINS_WITH previews by a viewer get FIELD_NOT_ALLOWED and no count', async () => {
    const prefixes = 'ABCDEFGHIJKLMNOPQRSTUVWXYZĄĆĘŁ'.split('').slice(0, 30);
    const { query, variables } = aliasedPreviews(prefixes.map((p) => and(rule('contact.firstName', 'BEGINS_WITH', { string: p }))));
    for (const actor of [viewer, tokenOf(api, [Scope.SEGMENTS_READ])]) {
      const { data, errors } = await api.execAs(actor, query, variables);
      expect(errors).toBeUndefined();
      for (let i = 0; i < prefixes.length; i++) {
        expect(data[`p${i}`]).toEqual({ errors: [{ path: ['filter', 'rules', '0', 'rule', 'field'], code: 'FIELD_NOT_ALLOWED' }], memberCount: null });
      }
    }
    // The same filter answers someone who may read the records anyway.
    const asMarketer = await api.execAs(marketer, query, variables);
    expect(asMarketer.data.p0.memberCount).toEqual({ value: 1, fewerThan: null });
  });

  it.each(standardFields.filter((f) => f.personal).map((f) => f.id))('refuses %s in a viewer-composed filter, even nested in a group', async (field) => {
    const def = standardFields.find((f) => f.id === field)!;
    const source = def.sources[0];
    const open = source === 'LEADS' ? (['lead.createdAt', 'lead.amount'] as const) : (['client.createdAt', 'client.country'] as const);
    const nested = { combinator: 'OR', rules: [rule(open[0], 'IS_NOT_EMPTY'), { group: and(rule(open[1], 'IS_NOT_EMPTY'), rule(field, 'IS_NOT_EMPTY')) }] };
    const { data } = await api.execAs(
      viewer,
      'query($f: FilterGroupInput!, $s: SegmentSource!) { previewSegment(input: { source: $s, filter: $f }) { errors { path code } memberCount { value } } checkFilter(source: $s, filter: $f) { valid problems { path code } } }',
      { f: nested, s: source },
    );
    const path = ['rules', '1', 'group', 'rules', '1', 'rule', 'field'];
    expect(data.previewSegment).toEqual({ errors: [{ path: ['filter', ...path], code: 'FIELD_NOT_ALLOWED' }], memberCount: null });
    expect(data.checkFilter).toEqual({ valid: false, problems: [{ path, code: 'FIELD_NOT_ALLOWED' }] });
  });

  it('refuses personal fields when a token without crm:read saves a segment, and keeps a saved one countable and renamable', async () => {
    const writer = tokenOf(api, [Scope.SEGMENTS_READ, Scope.SEGMENTS_WRITE]);
    const create = 'mutation($f: FilterGroupInput!) { createSegment(input: { name: "Guess", clientType: CONTACT, filter: $f }) { segment { id } errors { path code } } }';
    const refused = await api.execAs(writer, create, { f: and(rule('contact.lastName', 'EQ', { string: 'Nowak3' })) });
    expect(refused.data.createSegment).toEqual({ segment: null, errors: [{ path: ['input', 'filter', 'rules', '0', 'rule', 'field'], code: 'FIELD_NOT_ALLOWED' }] });
    // A marketer's segment on a personal field: counting it is not composing a filter.
    const saved = await api.execAs(marketer, create, { f: and(rule('client.city', 'EQ', { string: 'Sopot' })) });
    const id = saved.data.createSegment.segment.id;
    const counted = await api.execAs(viewer, 'query($id: ID!) { segment(id: $id) { memberCount { value fewerThan } } }', { id });
    expect(counted.data.segment.memberCount).toEqual({ value: 12, fewerThan: null });
    const renamed = await api.execAs(writer, 'mutation($id: ID!) { updateSegment(input: { id: $id, version: 1, name: "Sopot people" }) { segment { name } errors { code } } }', { id });
    expect(renamed.data.updateSegment).toEqual({ segment: { name: 'Sopot people' }, errors: [] });
  });

  it('reports counts that isolate a few records as "fewer than k" to callers without crm:read, 0 included', async () => {
    const oneDay = (i: number) => and(rule('client.createdAt', 'ON', { date: day(i) }));
    const nobody = and(rule('client.createdAt', 'ON', { date: '1999-01-01' }));
    const { query, variables } = aliasedPreviews([oneDay(0), oneDay(5), nobody]);
    const asViewer = await api.execAs(viewer, query, variables);
    expect(asViewer.errors).toBeUndefined();
    for (const alias of ['p0', 'p1', 'p2']) expect(asViewer.data[alias].memberCount).toEqual({ value: null, fewerThan: K });
    const asMarketer = await api.execAs(marketer, query, variables);
    expect([asMarketer.data.p0, asMarketer.data.p2].map((p) => p.memberCount.value)).toEqual([1, 0]);
    // Recipients per channel are counts of people too.
    const recipients = await api.execAs(viewer, 'query($f: FilterGroupInput!) { previewSegment(input: { filter: $f }) { recipientCounts(channels: [EMAIL]) { value fewerThan } } }', { f: oneDay(0) });
    expect(recipients.data.previewSegment.recipientCounts).toEqual([{ value: null, fewerThan: K }]);
  });

  it('reports a static "VIP" list of a few people as "fewer than k", and refuses to say whether one person is in it', async () => {
    const vip = (await api.exec('mutation { createSegment(input: { name: "VIP", kind: STATIC }) { segment { id } } }')).createSegment.segment.id;
    await api.exec(
      'mutation($id: ID!) { addStaticSegmentMembers(id: $id, members: [{ channel: EMAIL, address: "anna@example.com" }, { channel: EMAIL, address: "leon@example.com" }]) { errors { code } } }',
      { id: vip },
    );
    const count = await api.execAs(viewer, 'query($id: ID!) { segment(id: $id) { memberCount { value fewerThan } recipientCounts(channels: [EMAIL]) { value fewerThan } } }', { id: vip });
    expect(count.data.segment).toEqual({ memberCount: { value: null, fewerThan: K }, recipientCounts: [{ value: null, fewerThan: K }] });
    // Composing the VIP list with a non-personal rule is allowed, and as small.
    const composed = await api.execAs(viewer, 'query($f: FilterGroupInput!) { previewSegment(input: { filter: $f }) { errors { code } memberCount { value fewerThan } } }', {
      f: and(rule('segment.membership', 'IN', { ids: [vip] }), rule('client.createdAt', 'ON', { date: day(0) })),
    });
    expect(composed.data.previewSegment).toEqual({ errors: [], memberCount: { value: null, fewerThan: K } });
    const contact = (await api.exec('{ contacts(first: 1) { edges { node { id } } } }')).contacts.edges[0].node.id;
    const membership = await api.execAs(viewer, 'query($m: ID!, $s: ID!) { segmentMembership(memberId: $m, segmentIds: [$s]) { isMember } }', { m: contact, s: vip });
    expect(membership.data).toBeNull();
    expect(membership.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN', scope: 'crm:read' });
    const asMarketer = await api.execAs(marketer, 'query($m: ID!, $s: ID!) { segmentMembership(memberId: $m, segmentIds: [$s]) { isMember } }', { m: contact, s: vip });
    expect(asMarketer.data.segmentMembership).toEqual([{ isMember: true }]);
  });

  it('gives a segments:write-only token its createSegment payload without any count', async () => {
    const writer = tokenOf(api, [Scope.SEGMENTS_WRITE]);
    const created = await api.execAs(
      writer,
      'mutation { createSegment(input: { name: "Guessed", kind: STATIC }) { segment { id name memberCount { value } recipientCounts { value } } errors { code } } }',
    );
    expect(created.data.createSegment).toEqual({ segment: { id: expect.any(String), name: 'Guessed', memberCount: null, recipientCounts: null }, errors: [] });
    const refusals = (created.errors ?? []).map((e) => ({ path: e.path, code: e.extensions?.code, scope: e.extensions?.scope }));
    expect(refusals).toEqual([
      { path: ['createSegment', 'segment', 'memberCount'], code: 'FORBIDDEN', scope: 'segments:read' },
      { path: ['createSegment', 'segment', 'recipientCounts'], code: 'FORBIDDEN', scope: 'segments:read' },
    ]);
    // Guessing an e-mail into the list and asking again: still no count.
    const id = created.data.createSegment.segment.id;
    await api.execAs(writer, 'mutation($id: ID!) { addStaticSegmentMembers(id: $id, members: [{ channel: EMAIL, address: "ewa@example.com" }]) { errors { code } } }', { id });
    const again = await api.execAs(writer, 'mutation($id: ID!) { duplicateSegment(id: $id) { segment { memberCount { value } } } }', { id });
    expect(again.data.duplicateSegment.segment.memberCount).toBeNull();
    expect(again.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('stops many distinct filters with RATE_LIMITED after FILTER_EVALUATIONS_PER_HOUR, while repeats stay free and crm:read is not budgeted', async () => {
    const prober = (await api.createUser(UserRole.VIEWER)).actor;
    const distinct = Array.from({ length: 60 }, (_, i) =>
      and(rule('client.createdAt', 'ON', { date: `2021-${String((i % 12) + 1).padStart(2, '0')}-${String(Math.floor(i / 12) + 1).padStart(2, '0')}` })),
    );
    const first = aliasedPreviews(distinct.slice(0, 30));
    const firstRun = await api.execAs(prober, first.query, first.variables);
    expect(firstRun.errors).toBeUndefined();
    // The same 30 again cost nothing: a live preview refreshing is not a new experiment.
    const repeated = await api.execAs(prober, first.query, first.variables);
    expect(repeated.errors).toBeUndefined();
    // One preview per request from here, so each refusal is seen on its own.
    const answers = [];
    for (const filter of distinct.slice(30)) answers.push(await api.execAs(prober, aliasedPreviews([filter]).query, aliasedPreviews([filter]).variables));
    const limited = answers.flatMap((a) => a.errors ?? []).filter((e) => e.extensions?.code === 'RATE_LIMITED');
    expect(answers.filter((a) => !a.errors).length).toBe(BUDGET - 30);
    expect(limited).toHaveLength(60 - BUDGET);
    expect(limited[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(3000);
    expect(limited[0]?.message).toContain(`${BUDGET} distinct filters per hour`);
    // A filter tried before the budget ran out is still answered.
    const tried = await api.execAs(prober, aliasedPreviews([distinct[0]]).query, aliasedPreviews([distinct[0]]).variables);
    expect(tried.errors).toBeUndefined();
    const second = aliasedPreviews(distinct.slice(30, 60));
    const asMarketer = await api.execAs(marketer, second.query, second.variables);
    expect(asMarketer.errors).toBeUndefined();
  });
});
