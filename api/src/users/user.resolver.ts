import { crudResolver } from '../common/crud.resolver';
import { UserInput } from './user.inputs';
import { userKind } from './user.kind';

export const UserResolver = crudResolver({
  kind: userKind,
  input: UserInput,
  name: 'User',
  single: 'user',
  plural: 'users',
  bulk: false,
  sortFields: { ID: { property: 'key' }, NAME: { property: 'nameFolded' } },
});
