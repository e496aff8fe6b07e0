import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/api';
import { engines } from '../../../test/databases';
import { MembershipMaintainer } from '../maintainer';

/**
 * Every write path of the API reaches the maintained membership: after each write (create,
 * update, bulk upsert, delete, a reference item merged into another, static segment edits, the
 * stop list) and one maintainer pass, every saved segment's figures from its membership equal
 * the live evaluation, and say they are exact.
 */
describe.each(engines)('writes through the API keep memberships exact on %s', (engine) => {
  let api: TestApi;
  let maintainer: MembershipMaintainer;
  beforeAll(async () => {
    api = await startTestApi(engine);
    maintainer = new MembershipMaintainer(api.db, api.config);
  });
  afterAll(async () => {
    await maintainer?.stop();
    await api?.close();
  });

  const gql = (query: string, variables?: Record<string, unknown>) => api.exec(query, variables);
  const segment = async (name: string, filter: unknown, clientType = 'CONTACT') => {
    const created = await gql(`mutation($input: CreateSegmentInput!) { createSegment(input: $input) { segment { id } errors { message } } }`, {
      input: { name, clientType, filter, kind: filter ? 'DYNAMIC' : 'STATIC' },
    });
    expect(created.createSegment.errors).toEqual([]);
    return created.createSegment.segment.id as string;
  };
  const rule = (field: string, operator: string, value: unknown = null) => ({ combinator: 'AND', rules: [{ rule: { field, operator, value } }] });

  it('after every kind of write', async () => {
    const sources = (await gql(`{ referenceItems(list: SOURCE) { id code } }`)).referenceItems as Array<{ id: string; code: string }>;
    const [web, other, third] = [sources[0]!, sources[1]!, sources[2]!];
    const vip = await segment('VIP list', null);
    const ids = [
      await segment('from source', rule('client.source', 'IN', { strings: [web.code] })),
      await segment('from the other source', rule('client.source', 'IN', { strings: [other.code] })),
      await segment('has an e-mail', rule('client.communications', 'HAS_ANY', { strings: ['EMAIL'] })),
      await segment('in Opole', rule('client.city', 'EQ', { string: 'Opole' }), 'ANY'),
      await segment('on the VIP list', rule('segment.membership', 'IN', { ids: [vip] })),
      await segment('not on the VIP list, from source', {
        combinator: 'AND',
        rules: [{ rule: { field: 'segment.membership', operator: 'NOT_IN', value: { ids: [vip] } } }, { rule: { field: 'client.source', operator: 'IN', value: { strings: [web.code] } } }],
      }),
    ];
    const FIGURES = `query($id: ID!) { node(id: $id) { ... on Segment { name
      kept: memberCount { value source exact } live: memberCount(live: true) { value }
      keptEmails: recipientCounts(channels: [EMAIL]) { value } liveEmails: recipientCounts(channels: [EMAIL], live: true) { value } } } }`;
    let checked = 0;
    const settle = async (what: string) => {
      for (let pass = 0; pass < 5 && (await maintainer.runOnce()).busy; pass++);
      for (const id of ids) {
        const s = (await gql(FIGURES, { id })).node;
        expect(s.kept, `${what}: ${s.name}`).toEqual({ value: s.live.value, source: 'MEMBERSHIP', exact: true });
        expect(s.keptEmails[0].value, `${what}: ${s.name} e-mails`).toBe(s.liveEmails[0].value);
        checked++;
      }
    };
    const contact = async (input: Record<string, unknown>) => {
      const created = await gql(`mutation($input: ContactInput!) { createContact(input: $input) { contact { id } errors { message } } }`, { input });
      expect(created.createContact.errors).toEqual([]);
      return created.createContact.contact.id as string;
    };

    await settle('nothing yet');
    const ala = await contact({ firstName: 'Ala', city: 'Opole', sourceCode: web.code, communications: [{ channel: 'EMAIL', value: 'ala@example.com' }] });
    const ola = await contact({ firstName: 'Ola', city: 'Opole', sourceCode: other.code });
    await settle('created');
    await gql(`mutation($id: ID!, $input: ContactInput!) { updateContact(id: $id, input: $input) { errors { message } } }`, {
      id: ola,
      input: { sourceCode: web.code, communications: [{ channel: 'EMAIL', value: 'ola@example.com' }] },
    });
    await settle('updated: source and a communication');
    const upserted = await gql(`mutation($rows: [ContactInput!]!) { upsertContacts(rows: $rows) { results { status errors { message } } } }`, {
      rows: [
        { externalId: 'x1', firstName: 'Ela', city: 'Opole', sourceCode: web.code, communications: [{ channel: 'EMAIL', value: 'ela@example.com' }] },
        { externalId: 'x2', firstName: 'Iga', sourceCode: other.code },
      ],
    });
    expect(upserted.upsertContacts.results.map((r: { status: string }) => r.status)).toEqual(['CREATED', 'CREATED']);
    await settle('bulk upsert: created');
    await gql(`mutation($rows: [ContactInput!]!) { upsertContacts(rows: $rows) { results { status } } }`, {
      rows: [
        { externalId: 'x1', city: 'Nysa' },
        { externalId: 'x2', sourceCode: web.code },
      ],
    });
    await settle('bulk upsert: updated');
    await gql(`mutation($id: ID!, $members: [StaticMemberInput!]!) { addStaticSegmentMembers(id: $id, members: $members) { imported } }`, {
      id: vip,
      members: [{ channel: 'EMAIL', address: 'ola@example.com' }],
    });
    await settle('static segment: address added');
    await gql(`mutation { addStopListEntry(input: { channel: EMAIL, address: "ala@example.com", reason: BOUNCED }) { errors { message } } }`);
    await settle('stop list');
    // A value no segment names, merged into one that a segment names: its records move in.
    await contact({ firstName: 'Uma', sourceCode: third.code, communications: [{ channel: 'EMAIL', value: 'uma@example.com' }] });
    await settle('a contact of the third source');
    const merged = await gql(`mutation($id: ID!, $replacementId: ID) { deleteReferenceItem(id: $id, replacementId: $replacementId) { errors { code message } } }`, {
      id: third.id,
      replacementId: other.id,
    });
    expect(merged.deleteReferenceItem.errors).toEqual([]);
    await settle('reference item merged into another');
    await gql(`mutation($id: ID!, $members: [StaticMemberRefInput!]!) { removeStaticSegmentMembers(id: $id, members: $members) { removed } }`, {
      id: vip,
      members: [{ channel: 'EMAIL', address: 'ola@example.com' }],
    });
    await settle('static segment: address removed');
    await gql(`mutation($id: ID!) { deleteContact(id: $id) { errors { message } } }`, { id: ala });
    await settle('deleted');
    expect(checked).toBe(ids.length * 11);
  }, 120_000);
});
