import { Entity, Property } from '@mikro-orm/core';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../common/node';
import { Record } from '../common/record.entity';
import { fold } from '../common/fold';

/** The first administrator, created on first start (its password printed once, or ADMIN_PASSWORD). */
export const BUILT_IN_ADMIN_EMAIL = 'admin@segmenta.local';

export enum UserRole {
  ADMIN = 'ADMIN',
  MARKETER = 'MARKETER',
  VIEWER = 'VIEWER',
}
registerEnumType(UserRole, {
  name: 'UserRole',
  description: 'What a user may do: ADMIN everything, MARKETER segments and CRM data, VIEWER segments and counts only.',
});

@ObjectType({ implements: Node, description: 'An employee: the "responsible" person of CRM records, and a user of Segmenta.' })
@Entity({ tableName: 'app_user' })
export class User extends Record {
  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 254, nullable: true, unique: true })
  email?: string | null;

  @Field()
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'string', length: 200 })
  nameFolded!: string;

  @Field(() => UserRole)
  @Property({ type: 'string', length: 16 })
  role: UserRole = UserRole.MARKETER;

  @Field({ description: 'An inactive user cannot sign in, and the API tokens they made stop working.' })
  @Property({ type: 'boolean' })
  active: boolean = true;

  /** argon2id (PHC string); null = cannot sign in with a password yet. Never exposed. */
  @Property({ type: 'string', length: 200, nullable: true, lazy: true })
  passwordHash?: string | null;

  @Field({ description: 'True while the user signs in with a one-time password and must choose their own.' })
  @Property({ type: 'boolean' })
  mustChangePassword: boolean = false;

  @Field(() => DateTimeResolver, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  lastSignInAt?: Date | null;

  protected override deriveColumns(): void {
    this.nameFolded = fold(this.name);
  }
}
