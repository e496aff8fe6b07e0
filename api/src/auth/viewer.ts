import { Field, ObjectType } from 'type-graphql';
import { User, UserRole } from '../users/user.entity';
import { Scope, type Actor } from './actor';
import { ApiToken } from './api-token.entity';
import './scope.enum';

@ObjectType({ description: 'Who the request acts as, and what it may do: the web app shows and hides actions by `scopes`.' })
export class Viewer {
  @Field(() => User, { description: 'The signed-in user, or the administrator who made the API token.' })
  user!: User;

  @Field(() => UserRole)
  role!: UserRole;

  @Field(() => [Scope])
  scopes!: Scope[];

  @Field(() => ApiToken, { nullable: true, description: 'The API token of the request, if it came with one.' })
  token!: ApiToken | null;

  @Field({ description: 'Signed in with a one-time password: only `changePassword` and `logOut` answer until it is changed.' })
  passwordChangeRequired!: boolean;
}

export function viewerOf(actor: Actor, user: User, token: ApiToken | null): Viewer {
  return Object.assign(new Viewer(), {
    user,
    role: actor.role,
    scopes: [...actor.scopes],
    token,
    passwordChangeRequired: actor.passwordChangeRequired,
  });
}
