import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/api';
import { engines } from '../../../test/databases';

describe.each(engines)('the stop list on %s', (engine) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(engine, { defaultPhoneRegion: 'PL' });
  });
  afterAll(async () => api?.close());

  const add = (channel: string, address: string) =>
    api.exec(`mutation($i: AddStopListEntryInput!) { addStopListEntry(input: $i) { entry { id channel address reason } errors { path code } } }`, { i: { channel, address, reason: 'UNSUBSCRIBED' } });

  it('stores addresses normalised, once, and removes them', async () => {
    const email = await add('EMAIL', ' Anna@Example.COM ');
    expect(email.addStopListEntry.entry).toMatchObject({ channel: 'EMAIL', address: 'anna@example.com', reason: 'UNSUBSCRIBED' });
    const phone = await add('PHONE', '601 234 567');
    expect(phone.addStopListEntry.entry.address).toBe('+48601234567');
    const again = await add('EMAIL', 'ANNA@example.com');
    expect(again.addStopListEntry.entry.id).toBe(email.addStopListEntry.entry.id);
    const bad = await add('EMAIL', 'not-an-address');
    expect(bad.addStopListEntry).toEqual({ entry: null, errors: [{ path: ['input', 'address'], code: 'INVALID' }] });
    const list = await api.exec(`{ stopList(first: 10, channel: EMAIL) { totalCount edges { node { address } } } }`);
    expect(list.stopList).toEqual({ totalCount: 1, edges: [{ node: { address: 'anna@example.com' } }] });
    const searched = await api.exec(`{ stopList(first: 10, search: "601") { edges { node { address } } } }`);
    expect(searched.stopList.edges).toEqual([{ node: { address: '+48601234567' } }]);
    const removed = await api.exec(`mutation($id: ID!) { removeStopListEntry(id: $id) { deletedId errors { code } } }`, { id: email.addStopListEntry.entry.id });
    expect(removed.removeStopListEntry.errors).toEqual([]);
    const gone = await api.exec(`mutation($id: ID!) { removeStopListEntry(id: $id) { deletedId errors { code } } }`, { id: email.addStopListEntry.entry.id });
    expect(gone.removeStopListEntry).toEqual({ deletedId: null, errors: [{ code: 'NOT_FOUND' }] });
  });
});
