import { Scope } from '../auth/actor';
import { crudResolver, type PlainNodeType } from '../records/crud.resolver';
import { UserInput } from '../users/user.inputs';
import { userKind } from './user.kind';

/** Made in resolvers.ts, which hands in the manifest's entry (domains.ts sits above the record kinds). */
export const userResolver = (node: PlainNodeType) =>
  crudResolver({
    // Employees are the CRM's "responsible" people: readable with the CRM; managed by administrators.
    scopes: { read: [Scope.CRM_READ, Scope.SEGMENTS_READ], write: [Scope.ADMIN] },
    kind: userKind,
    input: UserInput,
    node,
    operations: { one: 'user', list: 'users', create: 'createUser', update: 'updateUser', delete: 'deleteUser' },
    sortFields: { ID: { property: 'key' }, NAME: { property: 'nameFolded' } },
  });
