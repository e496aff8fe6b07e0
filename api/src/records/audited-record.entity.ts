import { Entity, ManyToOne, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { User } from '../users/user.entity';
import { Record } from '../common/record.entity';

/** CRM records remember who created and last changed them (the request's actor). */
@ObjectType()
@Entity({ abstract: true })
export abstract class AuditedRecord extends Record {
  @ManyToOne({ entity: 'User', nullable: true, ref: true, deleteRule: 'set null' })
  createdBy?: Ref<User> | null;

  @ManyToOne({ entity: 'User', nullable: true, ref: true, deleteRule: 'set null' })
  updatedBy?: Ref<User> | null;

  @Field(() => User, { name: 'createdBy', nullable: true })
  createdByField(): Promise<User | null> | null {
    return this.createdBy?.load() ?? null;
  }

  @Field(() => User, { name: 'updatedBy', nullable: true })
  updatedByField(): Promise<User | null> | null {
    return this.updatedBy?.load() ?? null;
  }
}
