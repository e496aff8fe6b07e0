import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/api';
import { engines } from '../../../test/databases';

/**
 * Messenger handles longer than the address column (found by the attack tests): a stop-list
 * import of a 1,000-character handle was an internal error on PostgreSQL. They are rejected like
 * any bad address, measured after folding (U+FDFA spells out to 18 characters).
 */
describe.each(engines)('long messenger handles on %s', (engine) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(engine);
  });
  afterAll(async () => {
    await api?.close();
  });

  const long = 'h'.repeat(321);
  const expanding = '\ufdfa'.repeat(20);

  it('a stop-list import rejects them line by line and keeps the good ones', async () => {
    const result = await api.exec(`mutation($t: String!) { importStopList(text: $t, channel: IM, reason: UNSUBSCRIBED) { imported invalidCount invalid { line reason } errors { code } } }`, {
      t: ['ok_handle', long, expanding, 'h'.repeat(320)].join('\n'),
    });
    expect(result.importStopList).toMatchObject({ imported: 2, invalidCount: 2, errors: [] });
    expect(result.importStopList.invalid.map((i: { line: number }) => i.line)).toEqual([2, 3]);
    expect(result.importStopList.invalid[0].reason).toMatch(/at most 320/);
  });

  it('a static segment and a contact refuse them with typed errors', async () => {
    const id = (await api.exec(`mutation { createSegment(input: { name: "IM", kind: STATIC }) { segment { id } } }`)).createSegment.segment.id;
    const added = await api.exec(`mutation($id: ID!, $h: String!) { addStaticSegmentMembers(id: $id, members: [{ channel: IM, address: $h }]) { imported invalidCount } }`, { id, h: long });
    expect(added.addStaticSegmentMembers).toEqual({ imported: 0, invalidCount: 1 });
    const contact = await api.exec(`mutation($h: String!) { createContact(input: { lastName: "X", communications: [{ channel: IM, valueType: TELEGRAM, value: $h }] }) { errors { code path } } }`, {
      h: expanding,
    });
    expect(contact.createContact.errors).toEqual([{ code: 'INVALID', path: ['input', 'communications', '0', 'value'] }]);
  });
});
