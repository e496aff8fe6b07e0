import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/api';
import { engines } from '../../../test/databases';
import { MembershipMaintainer } from '../maintainer';

/**
 * A frozen audience keeps a segment's recipients of one channel as they were (stop list applied),
 * pages and counts them, survives the segment's deletion, and compares with another frozen
 * audience or with the segment now.
 */
describe.each(engines)('frozen audiences on %s', (engine) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(engine);
  });
  afterAll(async () => api?.close());

  const contact = (city: string, email: string) =>
    api.exec(`mutation($input: ContactInput!) { createContact(input: $input) { contact { id } errors { message } } }`, {
      input: { firstName: email.split('@')[0], city, communications: [{ channel: 'EMAIL', value: email }] },
    });
  const FREEZE = `mutation($input: FreezeAudienceInput!) { freezeAudience(input: $input) { audience { id name channel segmentName recipientCount segment { id } } errors { path code message } } }`;
  const DIFF = `query($from: ID!, $to: ID, $change: AudienceChange, $after: String) { audienceDiff(from: $from, to: $to, change: $change, first: 2, after: $after) {
    totalCount edges { node { change address name } } pageInfo { hasNextPage endCursor } } }`;

  it('stores, pages, compares and outlives its segment', async () => {
    await contact('Lublin', 'ala@example.com');
    await contact('Lublin', 'ola@example.com');
    await contact('Lublin', 'ela@example.com');
    await api.exec(`mutation { addStopListEntry(input: { channel: EMAIL, address: "ela@example.com", reason: UNSUBSCRIBED }) { errors { message } } }`);
    const created = await api.exec(`mutation($input: CreateSegmentInput!) { createSegment(input: $input) { segment { id } errors { message } } }`, {
      input: { name: 'Lublin', clientType: 'CONTACT', filter: { combinator: 'AND', rules: [{ rule: { field: 'client.city', operator: 'EQ', value: { string: 'Lublin' } } }] } },
    });
    const segmentId = created.createSegment.segment.id as string;
    // Built, so the freeze reads the maintained membership.
    await new MembershipMaintainer(api.db, api.config).runOnce();

    const first = (await api.exec(FREEZE, { input: { segmentId, channel: 'EMAIL', name: 'Spring campaign' } })).freezeAudience;
    expect(first.errors).toEqual([]);
    expect(first.audience).toMatchObject({ name: 'Spring campaign', channel: 'EMAIL', segmentName: 'Lublin', recipientCount: 2, segment: { id: segmentId } });
    const page = await api.exec(
      `query($id: ID!) { frozenAudience(id: $id) { recipients(first: 1) { totalCount edges { node { address name owner { ... on Contact { city } } } } pageInfo { hasNextPage } } } }`,
      {
        id: first.audience.id,
      },
    );
    expect(page.frozenAudience.recipients).toMatchObject({ totalCount: 2, edges: [{ node: { address: 'ala@example.com', name: 'ala', owner: { city: 'Lublin' } } }], pageInfo: { hasNextPage: true } });

    // The segment moves on: one in, one out (a city change).
    await contact('Lublin', 'iga@example.com');
    await contact('Lublin', 'zoe@example.com');
    const ola = (await api.exec(`{ contacts(first: 10) { edges { node { id firstName } } } }`)).contacts.edges.find((e: { node: { firstName: string } }) => e.node.firstName === 'ola').node.id;
    await api.exec(`mutation($id: ID!, $input: ContactInput!) { updateContact(id: $id, input: $input) { errors { message } } }`, { id: ola, input: { city: 'Gdynia' } });
    const now = (await api.exec(DIFF, { from: first.audience.id })).audienceDiff;
    expect(now.totalCount).toBe(3);
    expect(now.edges.map((e: { node: { change: string; address: string } }) => `${e.node.change} ${e.node.address}`)).toEqual(['ADDED iga@example.com', 'ADDED zoe@example.com']);
    const rest = (await api.exec(DIFF, { from: first.audience.id, after: now.pageInfo.endCursor })).audienceDiff;
    expect(rest.edges.map((e: { node: { change: string; address: string } }) => `${e.node.change} ${e.node.address}`)).toEqual(['REMOVED ola@example.com']);

    const second = (await api.exec(FREEZE, { input: { segmentId, channel: 'EMAIL', name: 'Summer campaign' } })).freezeAudience.audience;
    expect(second.recipientCount).toBe(3);
    // Backwards from the end: the last difference first.
    const back = (await api.exec(`query($from: ID!) { audienceDiff(from: $from, last: 1) { edges { node { change address } } pageInfo { hasPreviousPage } } }`, { from: first.audience.id }))
      .audienceDiff;
    expect(back).toEqual({ edges: [{ node: { change: 'REMOVED', address: 'ola@example.com' } }], pageInfo: { hasPreviousPage: true } });
    const between = (await api.exec(DIFF, { from: first.audience.id, to: second.id, change: 'REMOVED' })).audienceDiff;
    expect(between.edges.map((e: { node: { address: string } }) => e.node.address)).toEqual(['ola@example.com']);

    await api.exec(`mutation($id: ID!) { deleteSegment(id: $id) { errors { message } } }`, { id: segmentId });
    const kept = await api.exec(
      `query($id: ID!) { frozenAudiences(segmentId: $id, first: 10) { totalCount } all: frozenAudiences(first: 10) { edges { node { name segment { id } segmentName recipientCount } } } }`,
      { id: segmentId },
    );
    expect(kept.all.edges.map((e: { node: { name: string; segment: unknown; recipientCount: number } }) => [e.node.name, e.node.segment, e.node.recipientCount])).toEqual([
      ['Summer campaign', null, 3],
      ['Spring campaign', null, 2],
    ]);
    const orphan = await api.execRaw(DIFF, { from: first.audience.id });
    expect(orphan.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ path: ['to'], code: 'NOT_FOUND' }] });
    expect((await api.exec(DIFF, { from: first.audience.id, to: second.id })).audienceDiff.totalCount).toBe(3);
  }, 60_000);

  it('refuses a blank name and an unknown segment, typed', async () => {
    const blank = (await api.exec(FREEZE, { input: { segmentId: 'U2VnbWVudDo5OTk5', channel: 'EMAIL', name: '  ' } })).freezeAudience;
    expect(blank.errors.map((e: { code: string }) => e.code)).toEqual(['INVALID']);
    const unknown = (await api.exec(FREEZE, { input: { segmentId: 'U2VnbWVudDo5OTk5', channel: 'EMAIL', name: 'x' } })).freezeAudience;
    expect(unknown.errors.map((e: { code: string }) => e.code)).toEqual(['NOT_FOUND']);
  });
});
