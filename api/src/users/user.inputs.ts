import { EmailAddressResolver } from 'graphql-scalars';
import { Field, InputType } from 'type-graphql';
import { UserRole } from './user.entity';

@InputType({ description: 'A user. `name` is required on create.' })
export class UserInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => EmailAddressResolver, { nullable: true }) email?: string | null;
  @Field(() => UserRole, { nullable: true }) role?: UserRole | null;
  @Field(() => Boolean, { nullable: true, description: "false ends the user's sessions and revokes the API tokens they made; true lets them sign in again but revives neither." })
  active?: boolean | null;
}
