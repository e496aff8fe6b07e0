import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/databases';
import { startTestApi, type TestApi } from '../../../test/api';

describe.each(engines)('custom fields on %s', (engine) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(engine);
  });
  afterAll(async () => api?.close());

  const create = (input: Record<string, unknown>) =>
    api.exec(`mutation($input: CreateCustomFieldInput!) { createCustomField(input: $input) { field { id code type label options { id code label } } errors { path code } } }`, { input });

  it('creates fields of every type and validates codes', async () => {
    for (const [code, type] of [
      ['UF_NOTE', 'STRING'],
      ['UF_SCORE', 'NUMBER'],
      ['UF_SINCE', 'DATE'],
      ['UF_VIP', 'BOOLEAN'],
    ]) {
      const data = await create({ entity: 'CONTACT', code, label: code, type });
      expect(data.createCustomField.errors).toEqual([]);
    }
    const list = await create({
      entity: 'DEAL',
      code: 'UF_MEMBERSHIP_TYPE',
      label: 'Membership type',
      type: 'LIST',
      options: [
        { code: 'MONTHLY', label: 'Monthly' },
        { code: 'ANNUAL', label: 'Annual' },
      ],
    });
    expect(list.createCustomField.field.options.map((o: any) => o.code)).toEqual(['MONTHLY', 'ANNUAL']);
    const multi = await create({
      entity: 'CONTACT',
      code: 'UF_INTERESTS',
      label: 'Interests',
      type: 'MULTI_LIST',
      options: [
        { code: 'YOGA', label: 'Yoga' },
        { code: 'SWIM', label: 'Swimming' },
      ],
    });
    expect(multi.createCustomField.errors).toEqual([]);
    const bad = await create({ entity: 'CONTACT', code: 'loyalty', label: 'x', type: 'STRING' });
    expect(bad.createCustomField.errors).toEqual([{ path: ['input', 'code'], code: 'INVALID' }]);
    const dup = await create({ entity: 'CONTACT', code: 'UF_NOTE', label: 'x', type: 'STRING' });
    expect(dup.createCustomField.errors).toEqual([{ path: ['input', 'code'], code: 'DUPLICATE' }]);
  });

  it('stores typed values on records, replaces them, and rejects values of the wrong type', async () => {
    const data = await api.exec(`mutation { createContact(input: { lastName: "Lê", customFields: [
      { code: "UF_NOTE", string: "Thích bơi" }, { code: "UF_SCORE", number: 42.5 }, { code: "UF_SINCE", date: "2024-02-29" },
      { code: "UF_VIP", boolean: true }, { code: "UF_INTERESTS", options: ["YOGA", "SWIM"] }
    ] }) { contact { id customFields { code string number date boolean options { code } } } errors { path code } } }`);
    expect(data.createContact.errors).toEqual([]);
    const values = Object.fromEntries(data.createContact.contact.customFields.map((v: any) => [v.code, v]));
    expect(values.UF_NOTE.string).toBe('Thích bơi');
    expect(values.UF_SCORE.number).toBe(42.5);
    expect(values.UF_SINCE.date).toBe('2024-02-29');
    expect(values.UF_VIP.boolean).toBe(true);
    expect(values.UF_INTERESTS.options.map((o: any) => o.code).sort()).toEqual(['SWIM', 'YOGA']);

    const id = data.createContact.contact.id;
    const updated = await api.exec(
      `mutation($id: ID!) { updateContact(id: $id, input: { customFields: [{ code: "UF_SCORE", number: 7 }, { code: "UF_NOTE" }] }) { contact { customFields { code number } } } }`,
      { id },
    );
    expect(updated.updateContact.contact.customFields.map((v: any) => v.code).sort()).toEqual(['UF_INTERESTS', 'UF_SCORE', 'UF_SINCE', 'UF_VIP']);
    expect(updated.updateContact.contact.customFields.find((v: any) => v.code === 'UF_SCORE').number).toBe(7);

    const wrong = await api.exec(
      `mutation($id: ID!) { updateContact(id: $id, input: { customFields: [{ code: "UF_SCORE", string: "many" }, { code: "UF_INTERESTS", options: ["CHESS"] }, { code: "UF_NOPE", string: "x" }] }) { errors { path code } } }`,
      { id },
    );
    expect(wrong.updateContact.errors).toEqual([
      { path: ['input', 'customFields', '0'], code: 'INVALID' },
      { path: ['input', 'customFields', '1'], code: 'NOT_FOUND' },
      { path: ['input', 'customFields', '2', 'code'], code: 'NOT_FOUND' },
    ]);
  });

  it('renames a field, edits its options, and deleting it removes its values', async () => {
    const fields = (await api.exec(`{ customFields(entity: CONTACT) { id code options { id code } } }`)).customFields;
    const interests = fields.find((f: any) => f.code === 'UF_INTERESTS');
    const yoga = interests.options.find((o: any) => o.code === 'YOGA');
    const edited = await api.exec(
      `mutation($id: ID!, $yoga: ID!) { editCustomFieldOptions(id: $id, add: [{ code: "CHESS", label: "Chess" }], update: [{ id: $yoga, label: "Yoga & stretching" }]) { field { options { code label } } errors { code } } }`,
      { id: interests.id, yoga: yoga.id },
    );
    expect(edited.editCustomFieldOptions.field.options).toEqual([
      { code: 'YOGA', label: 'Yoga & stretching' },
      { code: 'SWIM', label: 'Swimming' },
      { code: 'CHESS', label: 'Chess' },
    ]);
    const renamed = await api.exec(`mutation($id: ID!) { updateCustomField(id: $id, input: { label: "Hobbies" }) { field { code label } } }`, { id: interests.id });
    expect(renamed.updateCustomField.field).toEqual({ code: 'UF_INTERESTS', label: 'Hobbies' });
    const removed = await api.exec(`mutation($id: ID!, $yoga: ID!) { editCustomFieldOptions(id: $id, removeIds: [$yoga]) { field { options { code } } } }`, { id: interests.id, yoga: yoga.id });
    expect(removed.editCustomFieldOptions.field.options.map((o: any) => o.code)).toEqual(['SWIM', 'CHESS']);
    const contact = (await api.exec(`{ contacts(first: 1) { edges { node { customFields { code options { code } } } } } }`)).contacts.edges[0].node;
    expect(contact.customFields.find((v: any) => v.code === 'UF_INTERESTS').options).toEqual([{ code: 'SWIM' }]);
    await api.exec(`mutation($id: ID!) { deleteCustomField(id: $id) { deletedId } }`, { id: interests.id });
    const after = (await api.exec(`{ contacts(first: 1) { edges { node { customFields { code } } } } }`)).contacts.edges[0].node;
    expect(after.customFields.map((v: any) => v.code)).not.toContain('UF_INTERESTS');
  });
});
