import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/api';
import { engines } from '../../../test/databases';

/**
 * "Part of the name/address" searches find text with a backslash on both engines (found by the
 * attack tests: PostgreSQL read the backslash as LIKE's escape character and found nothing, SQLite
 * found it). % and _ stay wildcards, as documented.
 */
describe.each(engines)('searching text with a backslash on %s', (engine) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(engine);
  });
  afterAll(async () => {
    await api?.close();
  });

  it('segments, segment entries, the stop list and listed values', async () => {
    const id = (await api.exec(`mutation { createSegment(input: { name: "E'\\\\x27 or C:\\\\temp", kind: STATIC }) { segment { id name } } }`)).createSegment.segment.id;
    await api.exec(`mutation($id: ID!) { addStaticSegmentMembers(id: $id, members: [{ channel: IM, address: "back\\\\slash" }]) { imported } }`, { id });
    await api.exec(
      `mutation { addStopListEntry(input: { channel: IM, address: "stop\\\\here", reason: BOUNCED }) { errors { code } } createUser(input: { name: "Dom\\\\ain User" }) { errors { code } } }`,
    );
    const found = await api.exec(
      `query($id: ID!, $s1: String, $s2: String, $s3: String, $s4: String) {
        segments(where: { search: $s1 }) { totalCount }
        segment(id: $id) { entries(search: $s2) { totalCount } }
        stopList(search: $s3) { totalCount }
        filterValues(field: "contact.responsible", search: $s4) { totalCount }
      }`,
      { id, s1: "E'\\x27", s2: 'back\\s', s3: 'p\\h', s4: 'dom\\ain' },
    );
    expect(found).toEqual({ segments: { totalCount: 1 }, segment: { entries: { totalCount: 1 } }, stopList: { totalCount: 1 }, filterValues: { totalCount: 1 } });
  });
});
