import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/databases';
import { startTestApi, type TestApi } from '../../../test/api';

describe.each(engines)('reference list admin on %s', (engine) => {
  let api: TestApi;
  const itemId = async (list: string, code: string): Promise<string> => {
    const data = await api.exec(`query($list: ReferenceList!) { referenceItems(list: $list) { id code } }`, { list });
    return data.referenceItems.find((i: { code: string }) => i.code === code).id;
  };
  beforeAll(async () => {
    api = await startTestApi(engine);
  });
  afterAll(async () => api?.close());

  it('adds, renames and reorders values', async () => {
    const added = await api.exec(`mutation { addReferenceItem(input: { list: CONTACT_TYPE, code: "VIP", label: "VIP client" }) { item { id code label sort } errors { code } } }`);
    expect(added.addReferenceItem.item).toMatchObject({ code: 'VIP', label: 'VIP client' });
    const dup = await api.exec(`mutation { addReferenceItem(input: { list: CONTACT_TYPE, code: "VIP", label: "Again" }) { item { id } errors { path code } } }`);
    expect(dup.addReferenceItem).toEqual({ item: null, errors: [{ path: ['input', 'code'], code: 'DUPLICATE' }] });
    const renamed = await api.exec(`mutation($id: ID!) { updateReferenceItem(id: $id, input: { label: "Very important" }) { item { code label } } }`, { id: added.addReferenceItem.item.id });
    expect(renamed.updateReferenceItem.item).toEqual({ code: 'VIP', label: 'Very important' });
    const list = await api.exec(`{ referenceItems(list: CONTACT_TYPE) { id code } }`);
    const reversed = [...list.referenceItems].reverse();
    const reordered = await api.exec(`mutation($ids: [ID!]!) { reorderReferenceItems(list: CONTACT_TYPE, ids: $ids) { items { code } errors { code } } }`, {
      ids: reversed.map((i: { id: string }) => i.id),
    });
    expect(reordered.reorderReferenceItems.items.map((i: { code: string }) => i.code)).toEqual(reversed.map((i: { code: string }) => i.code));
    const again = await api.exec(`{ referenceItems(list: CONTACT_TYPE) { code } }`);
    expect(again.referenceItems.map((i: { code: string }) => i.code)).toEqual(reversed.map((i: { code: string }) => i.code));
  });

  it('refuses to delete a value records use, with the usage count, unless a replacement is given', async () => {
    await api.exec(`mutation { upsertContacts(rows: [
      { externalId: "a", lastName: "A", sourceCode: "WEB" }, { externalId: "b", lastName: "B", sourceCode: "WEB" }
    ]) { created } }`);
    await api.exec(`mutation { upsertCompanies(rows: [{ externalId: "x", title: "X", sourceCode: "WEB" }]) { created } }`);
    const web = await itemId('SOURCE', 'WEB');
    const refused = await api.exec(`mutation($id: ID!) { deleteReferenceItem(id: $id) { deletedId errors { path code count message } } }`, { id: web });
    expect(refused.deleteReferenceItem.deletedId).toBeNull();
    expect(refused.deleteReferenceItem.errors[0]).toMatchObject({ path: ['id'], code: 'IN_USE', count: 3 });
    const wrongList = await itemId('CONTACT_TYPE', 'CLIENT');
    const bad = await api.exec(`mutation($id: ID!, $r: ID) { deleteReferenceItem(id: $id, replacementId: $r) { errors { path code } } }`, { id: web, r: wrongList });
    expect(bad.deleteReferenceItem.errors).toEqual([{ path: ['replacementId'], code: 'INVALID' }]);
    const call = await itemId('SOURCE', 'CALL');
    const replaced = await api.exec(`mutation($id: ID!, $r: ID) { deleteReferenceItem(id: $id, replacementId: $r) { deletedId errors { code } } }`, { id: web, r: call });
    expect(replaced.deleteReferenceItem).toEqual({ deletedId: web, errors: [] });
    const contacts = await api.exec(`{ contacts(first: 10) { edges { node { source { code } } } } companies(first: 10) { edges { node { source { code } } } } }`);
    expect(contacts.contacts.edges.map((e: any) => e.node.source.code)).toEqual(['CALL', 'CALL']);
    expect(contacts.companies.edges.map((e: any) => e.node.source.code)).toEqual(['CALL']);
  });

  it('deletes an unused value outright', async () => {
    const other = await itemId('INDUSTRY', 'OTHER');
    const data = await api.exec(`mutation($id: ID!) { deleteReferenceItem(id: $id) { deletedId errors { code } } }`, { id: other });
    expect(data.deleteReferenceItem).toEqual({ deletedId: other, errors: [] });
  });

  it('keeps leads’ status semantic in step when a status changes semantic or is replaced', async () => {
    await api.exec(`mutation { upsertLeads(rows: [{ externalId: "l1", title: "Lead 1", statusCode: "PROCESSED" }, { externalId: "l2", title: "Lead 2" }]) { created } }`);
    const leads = async () => (await api.exec(`{ leads(first: 10) { edges { node { statusSemantic status { code } } } } }`)).leads.edges.map((e: any) => e.node);
    expect(await leads()).toEqual([
      { statusSemantic: 'IN_PROGRESS', status: { code: 'PROCESSED' } },
      { statusSemantic: 'IN_PROGRESS', status: { code: 'NEW' } },
    ]);
    const processed = await itemId('LEAD_STATUS', 'PROCESSED');
    await api.exec(`mutation($id: ID!) { updateReferenceItem(id: $id, input: { semantic: JUNK }) { errors { code } } }`, { id: processed });
    expect((await leads())[0]).toEqual({ statusSemantic: 'JUNK', status: { code: 'PROCESSED' } });
    const converted = await itemId('LEAD_STATUS', 'CONVERTED');
    const nw = await itemId('LEAD_STATUS', 'NEW');
    await api.exec(`mutation($id: ID!, $r: ID) { deleteReferenceItem(id: $id, replacementId: $r) { errors { code } } }`, { id: nw, r: converted });
    expect((await leads())[1]).toEqual({ statusSemantic: 'CONVERTED', status: { code: 'CONVERTED' } });
  });
});
