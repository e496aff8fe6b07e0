import { Entity, ManyToOne, PrimaryKey, PrimaryKeyProp, Property, type Ref } from '@mikro-orm/core';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { toGlobalId } from '../common/global-id';
import { Channel } from '../communications/communication.enums';
import type { Segment } from './definition/segment.entity';

/** One address of a static segment, normalised like communications (so it matches CRM records). */
@ObjectType({ description: 'An address stored in a static segment.' })
@Entity({ tableName: 'segment_member' })
export class SegmentMember {
  [PrimaryKeyProp]?: 'key';

  @PrimaryKey({ fieldName: 'id', type: 'integer', autoincrement: true })
  key!: number;

  @Field(() => ID)
  get id(): string {
    return toGlobalId('SegmentMember', this.key);
  }

  @ManyToOne({ entity: 'Segment', ref: true, deleteRule: 'cascade' })
  segment!: Ref<Segment>;

  @Field(() => Channel)
  @Property({ type: 'string', length: 8 })
  channel!: Channel;

  @Field({ description: 'Normalised: lower-cased e-mail, E.164 phone, folded handle.' })
  @Property({ type: 'string', length: 320 })
  address!: string;

  @Field(() => String, { nullable: true, description: 'The name given on import, if any.' })
  @Property({ type: 'string', length: 300, nullable: true })
  name?: string | null;

  @Field(() => DateTimeResolver, { name: 'addedAt' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
