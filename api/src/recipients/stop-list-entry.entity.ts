import { Entity, ManyToOne, PrimaryKey, PrimaryKeyProp, Property, type Ref, Unique } from '@mikro-orm/core';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { toGlobalId } from '../common/global-id';
import { Channel } from '../communications/communication.enums';
import type { User } from '../users/user.entity';

export enum StopListReason {
  UNSUBSCRIBED = 'UNSUBSCRIBED',
  BOUNCED = 'BOUNCED',
  COMPLAINED = 'COMPLAINED',
}
registerEnumType(StopListReason, { name: 'StopListReason' });

/** An address that must never receive a campaign on its channel; recipients leave it out. */
@ObjectType({ description: 'An unsubscribed, bounced or complaining address, excluded from every recipient list.' })
@Entity({ tableName: 'stop_list_entry' })
@Unique({ properties: ['channel', 'address'] })
export class StopListEntry {
  /** The key property is `key` (the `id` getter is the GraphQL global id): tell MikroORM's types. */
  [PrimaryKeyProp]?: 'key';

  @PrimaryKey({ fieldName: 'id', type: 'integer', autoincrement: true })
  key!: number;

  @Field(() => ID)
  get id(): string {
    return toGlobalId('StopListEntry', this.key);
  }

  @Field(() => Channel)
  @Property({ type: 'string', length: 8 })
  channel!: Channel;

  @Field({ description: 'Normalised the same way as communications.' })
  @Property({ type: 'string', length: 320 })
  address!: string;

  @Field(() => StopListReason)
  @Property({ type: 'string', length: 16 })
  reason!: StopListReason;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 500, nullable: true })
  note?: string | null;

  @ManyToOne({ entity: 'User', ref: true, nullable: true, deleteRule: 'set null' })
  createdBy?: Ref<User> | null;

  @Field(() => DateTimeResolver)
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
