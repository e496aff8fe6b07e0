import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/api';
import { engines } from '../../../test/databases';

describe.each(engines)('users on %s', (engine) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(engine);
  });
  afterAll(async () => api?.close());

  it('manages users: unique e-mails, and the built-in administrator stays', async () => {
    const created = await api.exec(`mutation { createUser(input: { name: "Olga", email: "Olga@Example.com", role: VIEWER }) { user { id email role } errors { code } } }`);
    expect(created.createUser.user).toMatchObject({ email: 'olga@example.com', role: 'VIEWER' });
    const dup = await api.exec(`mutation { createUser(input: { name: "Other", email: "olga@example.com" }) { user { id } errors { path code } } }`);
    expect(dup.createUser).toEqual({ user: null, errors: [{ path: ['input', 'email'], code: 'DUPLICATE' }] });
    const users = await api.exec(`{ users(first: 10, orderBy: { field: NAME }) { edges { node { id name } } } }`);
    expect(users.users.edges.map((e: any) => e.node.name)).toEqual(['Administrator', 'Olga']);
    const admin = users.users.edges[0].node.id;
    const refused = await api.exec(`mutation($id: ID!) { deleteUser(id: $id) { deletedId errors { code } } }`, { id: admin });
    expect(refused.deleteUser).toEqual({ deletedId: null, errors: [{ code: 'IN_USE' }] });
    const nodes = await api.exec(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [admin, 'garbage', created.createUser.user.id] });
    expect(nodes.nodes.map((n: any) => n.id)).toEqual([admin, created.createUser.user.id]);
  });
});
