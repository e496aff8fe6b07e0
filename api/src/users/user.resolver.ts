import { Scope } from '../auth/actor';
import { crudResolver } from '../common/crud.resolver';
import { NODE_TYPES } from '../domains';
import { UserInput } from './user.inputs';
import { userKind } from './user.kind';

export const UserResolver = crudResolver({
  // Employees are the CRM's "responsible" people: readable with the CRM; managed by administrators.
  scopes: { read: [Scope.CRM_READ, Scope.SEGMENTS_READ], write: [Scope.ADMIN] },
  kind: userKind,
  input: UserInput,
  node: NODE_TYPES.User,
  operations: { one: 'user', list: 'users', create: 'createUser', update: 'updateUser', delete: 'deleteUser' },
  sortFields: { ID: { property: 'key' }, NAME: { property: 'nameFolded' } },
});
