import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/api';
import { engines } from '../../../test/databases';
import { MembershipMaintainer } from '../maintainer';

/**
 * A saved segment's figures come from its maintained membership once it is built, say how fresh
 * they are, and follow writes made through the API after a maintainer pass; `live: true` still
 * evaluates. The figures of a segment still building are evaluated and say so.
 */
describe.each(engines)('figures from maintained membership on %s', (engine) => {
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

  const FIGURES = `query($id: ID!) { node(id: $id) { ... on Segment {
    membership { state exact asOf builtAt }
    memberCount { value exact source asOf }
    live: memberCount(live: true) { value exact source }
    recipientCounts(channels: [EMAIL]) { value exact source }
    members(first: 10) { edges { joinedAt node { ... on Contact { id city } } } }
  } } }`;
  const createContact = (city: string, email: string) =>
    api.exec(`mutation($input: ContactInput!) { createContact(input: $input) { contact { id } errors { message } } }`, {
      input: { firstName: 'A', city, communications: [{ channel: 'EMAIL', valueType: 'WORK', value: email }] },
    });

  it('reads the membership when live, follows writes after a pass, and says how fresh', async () => {
    await createContact('Gdańsk', 'one@example.com');
    await createContact('Gdańsk', 'two@example.com');
    await createContact('Poznań', 'three@example.com');
    const saved = await api.exec(`mutation($input: CreateSegmentInput!) { createSegment(input: $input) { segment { id } errors { message } } }`, {
      input: {
        name: 'Gdańsk',
        kind: 'DYNAMIC',
        source: 'CLIENTS',
        clientType: 'CONTACT',
        filter: { combinator: 'AND', rules: [{ rule: { field: 'client.city', operator: 'EQ', value: { string: 'Gdańsk' } } }] },
      },
    });
    const id = saved.createSegment.segment.id as string;

    // Not built yet: evaluated, and it says so.
    let segment = (await api.exec(FIGURES, { id })).node;
    expect(segment.membership.state).toBe('BUILDING');
    expect(segment.memberCount).toMatchObject({ value: 2, source: 'LIVE', exact: true });

    await maintainer.runOnce();
    segment = (await api.exec(FIGURES, { id })).node;
    expect(segment.membership).toMatchObject({ state: 'LIVE', exact: true });
    expect(segment.memberCount).toMatchObject({ value: 2, source: 'MEMBERSHIP', exact: true });
    expect(segment.recipientCounts[0]).toMatchObject({ value: 2, source: 'MEMBERSHIP', exact: true });
    expect(segment.members.edges.map((e: { node: { city: string } }) => e.node.city)).toEqual(['Gdańsk', 'Gdańsk']);

    // A write through the API: queued in its transaction, not yet applied.
    await createContact('Gdańsk', 'four@example.com');
    segment = (await api.exec(FIGURES, { id })).node;
    expect(segment.memberCount).toMatchObject({ value: 2, source: 'MEMBERSHIP', exact: false });
    expect(Date.parse(segment.memberCount.asOf)).toBeLessThanOrEqual(Date.now());
    expect(segment.live).toMatchObject({ value: 3, source: 'LIVE', exact: true });

    await maintainer.runOnce();
    segment = (await api.exec(FIGURES, { id })).node;
    expect(segment.memberCount).toMatchObject({ value: 3, source: 'MEMBERSHIP', exact: true });
    expect(segment.members.edges).toHaveLength(3);
    expect(segment.members.edges.every((e: { joinedAt: string | null }) => e.joinedAt !== null)).toBe(true);
    expect(segment.live.source).toBe('LIVE');

    // Editing the definition: figures are evaluated until the rebuild, then read again.
    await api.exec(`mutation($input: UpdateSegmentInput!) { updateSegment(input: $input) { segment { id } errors { message } } }`, {
      input: { id, version: 1, filter: { combinator: 'AND', rules: [{ rule: { field: 'client.city', operator: 'EQ', value: { string: 'Poznań' } } }] } },
    });
    segment = (await api.exec(FIGURES, { id })).node;
    expect(segment.membership.state).toBe('BUILDING');
    expect(segment.memberCount).toMatchObject({ value: 1, source: 'LIVE' });
    await maintainer.runOnce();
    segment = (await api.exec(FIGURES, { id })).node;
    expect(segment.memberCount).toMatchObject({ value: 1, source: 'MEMBERSHIP', exact: true });
    const CHANGES = `query($id: ID!, $kind: MembershipChangeKind, $after: String) { node(id: $id) { ... on Segment {
      membershipChanges(first: 2, kind: $kind, after: $after) { totalCount edges { cursor node { kind reason at memberId member { ... on Contact { city } } } } pageInfo { hasNextPage endCursor } }
    } } }`;
    const left = (await api.exec(CHANGES, { id, kind: 'LEFT' })).node.membershipChanges;
    expect(left.totalCount).toBe(3);
    expect(left.edges.map((e: { node: { reason: string; member: { city: string } } }) => [e.node.reason, e.node.member.city])).toEqual([
      ['SEGMENT_EDITED', 'Gdańsk'],
      ['SEGMENT_EDITED', 'Gdańsk'],
    ]);
    const rest = (await api.exec(CHANGES, { id, kind: 'LEFT', after: left.pageInfo.endCursor })).node.membershipChanges;
    expect(rest.edges).toHaveLength(1);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    const all = (await api.exec(CHANGES, { id })).node.membershipChanges;
    // Newest first: the edit's entry and departures, then the write's entry (the first build records none).
    expect(all.totalCount).toBe(5);
    const entered = (await api.exec(CHANGES, { id, kind: 'ENTERED' })).node.membershipChanges;
    expect(entered.edges.map((e: { node: { reason: string } }) => e.node.reason)).toEqual(['SEGMENT_EDITED', 'RECORD_CHANGE']);

    // Size history: a point at each build of a definition, and the first of each day.
    const history = (await api.exec(`query($id: ID!) { node(id: $id) { ... on Segment { sizeHistory(days: 30) { reason day members recipients { channel value } } } } }`, { id })).node.sizeHistory;
    expect(history.map((p: { reason: string; members: number }) => [p.reason, p.members])).toEqual([
      ['DEFINITION', 2],
      ['DAY', 2],
      ['DEFINITION', 1],
    ]);
    expect(history[2].recipients.find((r: { channel: string }) => r.channel === 'EMAIL').value).toBe(1);
    // Three days later (an injected clock): one more DAY point, of that day; a second pass adds none.
    const later = new Date(Date.now() + 3 * 24 * 3600 * 1000);
    const tomorrowMaintainer = new MembershipMaintainer(api.db, api.config, () => later);
    await tomorrowMaintainer.runOnce();
    await tomorrowMaintainer.runOnce();
    const afterDays = (await api.exec(`query($id: ID!) { node(id: $id) { ... on Segment { sizeHistory(days: 30) { reason day } } } }`, { id })).node.sizeHistory;
    expect(afterDays.map((p: { reason: string }) => p.reason)).toEqual(['DEFINITION', 'DAY', 'DEFINITION', 'DAY']);
    expect(afterDays[3].day).toBe(later.toISOString().slice(0, 10));
  }, 60_000);
});
