import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/api';
import { engines } from '../../../test/databases';

/**
 * A phone without a country code that is not a valid number in the default region is reported on
 * every path that stores phones (CRM records, static segments, the stop list), never stored under a
 * guessed country: with US as default, "916 123-45-67" became +19161234567 (found by the red team).
 */
describe.each(engines)('phones guessed into the default region on %s', (engine) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(engine, { defaultPhoneRegion: 'US' });
  });
  afterAll(async () => {
    await api?.close();
  });

  const stored = async (table: string, column: string) =>
    (await api.db.orm.em.getConnection().execute(`select ${column} as phone from ${table} where channel = 'PHONE'`)).map((r: { phone: string }) => r.phone);

  it('a contact refuses the number with a typed error on its field', async () => {
    const result = await api.exec(
      `mutation { createContact(input: { lastName: "Guess", communications: [{ channel: PHONE, valueType: WORK, value: "916 123-45-67" }, { channel: PHONE, valueType: WORK, value: "(415) 555-2671" }] }) { contact { id } errors { code path message } } }`,
    );
    expect(result.createContact.contact).toBeNull();
    expect(result.createContact.errors).toEqual([{ code: 'INVALID_PHONE', path: ['input', 'communications', '0', 'value'], message: expect.stringMatching(/not a valid phone number in US/) }]);
    expect(await stored('communication', 'normalized')).toEqual([]);
  });

  it('a static import reports the line and stores the valid ones', async () => {
    const id = (await api.exec(`mutation { createSegment(input: { name: "Phones", kind: STATIC }) { segment { id } } }`)).createSegment.segment.id;
    const report = await api.exec(`mutation($id: ID!, $t: String!) { importStaticSegment(id: $id, text: $t) { imported invalidCount invalid { line reason } } }`, {
      id,
      t: ['916 123-45-67', '(11) 98765-4321', '(415) 555-2671', '+7 916 123-45-67'].join('\n'),
    });
    expect(report.importStaticSegment).toMatchObject({ imported: 2, invalidCount: 2 });
    expect(report.importStaticSegment.invalid.map((i: { line: number }) => i.line)).toEqual([1, 2]);
    expect((await stored('segment_member', 'address')).sort()).toEqual(['+14155552671', '+79161234567']);
  });

  it('the stop list refuses it, one by one and in imports', async () => {
    const added = await api.exec(`mutation { addStopListEntry(input: { channel: PHONE, address: "916 123-45-67", reason: UNSUBSCRIBED }) { errors { code } } }`);
    expect(added.addStopListEntry.errors.map((e: { code: string }) => e.code)).toEqual(['INVALID']);
    const imported = await api.exec(`mutation { importStopList(text: "916 123-45-67\\n(415) 555-2671", channel: PHONE, reason: UNSUBSCRIBED) { imported invalidCount } }`);
    expect(imported.importStopList).toMatchObject({ imported: 1, invalidCount: 1 });
    expect(await stored('stop_list_entry', 'address')).toEqual(['+14155552671']);
  });
});
