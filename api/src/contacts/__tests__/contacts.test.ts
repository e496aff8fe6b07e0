import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/databases';
import { startTestApi, type TestApi } from '../../../test/api';

const CONTACT_FIELDS = `
  id firstName lastName city birthdate gender createdAt
  type { code } source { code } company { id title }
  communications { channel valueType value normalized }
  createdBy { name }
`;

describe.each(engines)('contacts on %s', (engine) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(engine, { defaultPhoneRegion: 'PL' });
  });
  afterAll(async () => api?.close());

  it('creates a contact with normalised communications, references and audit fields', async () => {
    const company = await api.exec(`mutation { createCompany(input: { title: "Łódź Fitness" }) { company { id } errors { code } } }`);
    const data = await api.exec(`mutation($input: ContactInput!) { createContact(input: $input) { contact { ${CONTACT_FIELDS} } errors { path code message } } }`, {
      input: {
        firstName: 'Anna',
        lastName: 'Nowak',
        city: 'Łódź',
        birthdate: '1990-05-17',
        gender: 'FEMALE',
        typeCode: 'CLIENT',
        sourceCode: 'WEB',
        companyId: company.createCompany.company.id,
        communications: [
          { channel: 'EMAIL', value: '  Anna.Nowak@Example.COM ' },
          { channel: 'PHONE', valueType: 'MOBILE', value: '601 234 567' },
          { channel: 'IM', valueType: 'TELEGRAM', value: '@AnnaN' },
        ],
      },
    });
    expect(data.createContact.errors).toEqual([]);
    const contact = data.createContact.contact;
    expect(contact).toMatchObject({
      firstName: 'Anna',
      lastName: 'Nowak',
      city: 'Łódź',
      birthdate: '1990-05-17',
      gender: 'FEMALE',
      type: { code: 'CLIENT' },
      source: { code: 'WEB' },
      company: { title: 'Łódź Fitness' },
      createdBy: { name: 'Administrator' },
    });
    expect(contact.communications).toEqual([
      { channel: 'EMAIL', valueType: 'WORK', value: 'Anna.Nowak@Example.COM', normalized: 'anna.nowak@example.com' },
      { channel: 'PHONE', valueType: 'MOBILE', value: '601 234 567', normalized: '+48601234567' },
      { channel: 'IM', valueType: 'TELEGRAM', value: '@AnnaN', normalized: 'annan' },
    ]);
    const again = await api.exec(`query($id: ID!) { contact(id: $id) { id lastName } node(id: $id) { id ... on Contact { firstName } } }`, { id: contact.id });
    expect(again.contact).toEqual({ id: contact.id, lastName: 'Nowak' });
    expect(again.node).toEqual({ id: contact.id, firstName: 'Anna' });
  });

  it('reports every bad value with a path and a code, and stores nothing', async () => {
    const before = await api.exec(`{ contacts(first: 0) { totalCount } }`);
    const data = await api.exec(`mutation($input: ContactInput!) { createContact(input: $input) { contact { id } errors { path code message } } }`, {
      input: {
        firstName: 'Bad',
        typeCode: 'NO_SUCH_TYPE',
        responsibleId: 'not-an-id',
        communications: [
          { channel: 'EMAIL', value: 'not an email' },
          { channel: 'PHONE', value: '12' },
        ],
      },
    });
    expect(data.createContact.contact).toBeNull();
    const codes = data.createContact.errors.map((e: { path: string[]; code: string }) => [e.path.join('.'), e.code]);
    expect(codes).toEqual(
      expect.arrayContaining([
        ['input.typeCode', 'NOT_FOUND'],
        ['input.responsibleId', 'NOT_FOUND'],
        ['input.communications.0.value', 'INVALID_EMAIL'],
        ['input.communications.1.value', 'INVALID_PHONE'],
      ]),
    );
    const after = await api.exec(`{ contacts(first: 0) { totalCount } }`);
    expect(after.contacts.totalCount).toBe(before.contacts.totalCount);
  });

  it('updates only the fields given, clears with null, and deletes', async () => {
    const created = await api.exec(`mutation { createContact(input: { firstName: "Иван", lastName: "Петров", city: "Москва" }) { contact { id } } }`);
    const id = created.createContact.contact.id;
    const updated = await api.exec(
      `mutation($id: ID!) { updateContact(id: $id, input: { city: null, country: "Россия" }) { contact { firstName city country updatedBy { name } } errors { code } } }`,
      { id },
    );
    expect(updated.updateContact).toEqual({ contact: { firstName: 'Иван', city: null, country: 'Россия', updatedBy: { name: 'Administrator' } }, errors: [] });
    const removed = await api.exec(`mutation($id: ID!) { deleteContact(id: $id) { deletedId errors { code } } }`, { id });
    expect(removed.deleteContact).toEqual({ deletedId: id, errors: [] });
    const gone = await api.exec(`query($id: ID!) { contact(id: $id) { id } }`, { id });
    expect(gone.contact).toBeNull();
    const missing = await api.exec(`mutation($id: ID!) { deleteContact(id: $id) { deletedId errors { code path } } }`, { id });
    expect(missing.deleteContact).toEqual({ deletedId: null, errors: [{ code: 'NOT_FOUND', path: ['id'] }] });
  });

  it('reports a taken external id as DUPLICATE instead of failing', async () => {
    await api.exec(`mutation { createContact(input: { externalId: "ext-1", lastName: "First" }) { errors { code } } }`);
    const second = await api.exec(`mutation { createContact(input: { externalId: "ext-1", lastName: "Second" }) { contact { id } errors { path code } } }`);
    expect(second.createContact).toEqual({ contact: null, errors: [{ path: ['input', 'externalId'], code: 'DUPLICATE' }] });
  });

  it('lists the same values as it reads one by one (pages are read-only light rows)', async () => {
    await api.exec(`mutation { createCompany(input: { title: "Light Co", revenue: 12.5, employees: 7 }) { errors { code } } }`);
    await api.exec(
      `mutation { upsertContacts(rows: [{ externalId: "light-1", firstName: "Ola", lastName: "Lekka", birthdate: "1988-02-29", gender: FEMALE, typeCode: "PARTNER", companyExternalId: null, lastActivityAt: "2025-03-04T05:06:07Z" }]) { failed } }`,
    );
    const fields = `id externalId firstName lastName birthdate gender createdAt updatedAt lastActivityAt fullName type { code } company { title } createdBy { name }`;
    const list = await api.exec(`{ contacts(first: 100) { edges { node { ${fields} } } } companies(first: 100) { edges { node { id title revenue employees createdAt } } } }`);
    expect(list.contacts.edges.length).toBeGreaterThan(1);
    for (const { node } of list.contacts.edges) {
      const one = await api.exec(`query($id: ID!) { contact(id: $id) { ${fields} } }`, { id: node.id });
      expect(node).toEqual(one.contact);
    }
    for (const { node } of list.companies.edges) {
      const one = await api.exec(`query($id: ID!) { company(id: $id) { id title revenue employees createdAt } }`, { id: node.id });
      expect(node).toEqual(one.company);
    }
    const light = list.contacts.edges.find((e: any) => e.node.externalId === 'light-1').node;
    expect(light).toMatchObject({ birthdate: '1988-02-29', gender: 'FEMALE', type: { code: 'PARTNER' }, lastActivityAt: '2025-03-04T05:06:07.000Z' });
  });
});
