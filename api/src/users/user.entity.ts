import { Entity, Property } from '@mikro-orm/core';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../common/node';
import { Record } from '../common/record.entity';
import { fold } from '../filter/language/fold';
import { ADMIN_OR_SELF_NOTE, AdminOrSelf } from './staff-details';

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
  @AdminOrSelf()
  @Field(() => String, { nullable: true, description: `What the user signs in with. ${ADMIN_OR_SELF_NOTE}` })
  @Property({ type: 'string', length: 254, nullable: true, unique: true })
  email?: string | null;

  @Field()
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'string', length: 200 })
  nameFolded!: string;

  @AdminOrSelf()
  @Field(() => UserRole, { nullable: true, description: ADMIN_OR_SELF_NOTE })
  @Property({ type: 'string', length: 16 })
  role: UserRole = UserRole.MARKETER;

  @AdminOrSelf()
  @Field(() => Boolean, {
    nullable: true,
    description: `An inactive user cannot sign in; deactivating one ends their sessions and revokes the API tokens they made, and activating them again revives neither. ${ADMIN_OR_SELF_NOTE}`,
  })
  @Property({ type: 'boolean' })
  active: boolean = true;

  /** argon2id (PHC string); null = cannot sign in with a password yet. Never exposed. */
  @Property({ type: 'string', length: 200, nullable: true, lazy: true })
  passwordHash?: string | null;

  @AdminOrSelf()
  @Field(() => Boolean, { nullable: true, description: `True while the user signs in with a one-time password and must choose their own. ${ADMIN_OR_SELF_NOTE}` })
  @Property({ type: 'boolean' })
  mustChangePassword: boolean = false;

  @AdminOrSelf()
  @Field(() => DateTimeResolver, { nullable: true, description: ADMIN_OR_SELF_NOTE })
  @Property({ type: 'datetime', nullable: true })
  lastSignInAt?: Date | null;

  protected override deriveColumns(): void {
    this.nameFolded = fold(this.name);
  }
}
