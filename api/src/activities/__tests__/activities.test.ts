import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/databases';
import { startTestApi, type TestApi } from '../../../test/api';

describe.each(engines)('activities on %s', (engine) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(engine);
    await api.exec(`mutation {
      upsertCompanies(rows: [{ externalId: "co", title: "Acme" }]) { created }
      upsertContacts(rows: [{ externalId: "ct", lastName: "Kowalska", lastActivityAt: "2025-01-01T00:00:00Z" }]) { created }
    }`);
    await api.exec(`mutation { upsertDeals(rows: [{ externalId: "d", title: "Deal", contactExternalId: "ct", companyExternalId: "co" }]) { created } }`);
  });
  afterAll(async () => api?.close());

  const lastActivity = async () => {
    const data = await api.exec(`{ contacts(first: 1) { edges { node { lastActivityAt } } } companies(first: 1) { edges { node { lastActivityAt } } } }`);
    return [data.contacts.edges[0].node.lastActivityAt, data.companies.edges[0].node.lastActivityAt];
  };

  it('moves the last activity of the deal’s contact and company forward, never back', async () => {
    const result = await api.exec(`mutation { upsertActivities(rows: [
      { externalId: "a1", type: CALL, dealExternalId: "d", createdAt: "2025-06-01T10:00:00Z" },
      { externalId: "a2", type: EMAIL, contactExternalId: "ct", createdAt: "2024-01-01T00:00:00Z" }
    ]) { created failed results { activity { type deal { title } } errors { code } } } }`);
    expect(result.upsertActivities).toMatchObject({ created: 2, failed: 0 });
    expect(await lastActivity()).toEqual(['2025-06-01T10:00:00.000Z', '2025-06-01T10:00:00.000Z']);
  });

  it('needs an owner and a type', async () => {
    const result = await api.exec(`mutation { createActivity(input: { subject: "orphan" }) { activity { id } errors { path code } } }`);
    expect(result.createActivity.errors).toEqual([
      { path: ['input', 'type'], code: 'REQUIRED' },
      { path: ['input', 'contactId'], code: 'REQUIRED' },
    ]);
  });

  it('records orders with product rows and refuses to delete a product that was sold', async () => {
    const product = await api.exec(`mutation { createProduct(input: { externalId: "p", name: "Karnet roczny", price: 1200, currency: "PLN" }) { product { id } } }`);
    const order = await api.exec(`mutation { createOrder(input: { contactExternalId: "ct", paid: true, productRows: [{ productExternalId: "p", quantity: 2 }] }) {
      order { paid paidAt total productRows { quantity price product { name } } contact { lastName } } errors { path code } } }`);
    expect(order.createOrder.errors).toEqual([]);
    expect(order.createOrder.order).toMatchObject({ paid: true, total: 2400, productRows: [{ quantity: 2, price: 1200, product: { name: 'Karnet roczny' } }], contact: { lastName: 'Kowalska' } });
    expect(order.createOrder.order.paidAt).not.toBeNull();
    const listed = await api.exec(`{ orders(first: 5) { edges { node { paid total paidAt contact { lastName } } } } products(first: 5) { edges { node { active price } } } }`);
    expect(listed.orders.edges[0].node).toMatchObject({ paid: true, total: 2400, contact: { lastName: 'Kowalska' } });
    expect(listed.orders.edges[0].node.paidAt).toBe(order.createOrder.order.paidAt);
    expect(listed.products.edges[0].node).toEqual({ active: true, price: 1200 });
    const refused = await api.exec(`mutation($id: ID!) { deleteProduct(id: $id) { deletedId errors { code count } } }`, { id: product.createProduct.product.id });
    expect(refused.deleteProduct).toEqual({ deletedId: null, errors: [{ code: 'IN_USE', count: 1 }] });
  });
});
