import { Entity, Property } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../common/node';
import { Record } from '../common/record.entity';
import { fold } from '../common/fold';

/** The administrator every request acts as until authentication arrives; created on first start. */
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

  @Field()
  @Property({ type: 'boolean' })
  active: boolean = true;

  protected override deriveColumns(): void {
    this.nameFolded = fold(this.name);
  }
}
