import { Entity, ManyToOne, PrimaryKey, OptionalProps, PrimaryKeyProp, Property, type Ref } from '@mikro-orm/core';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { toGlobalId } from '../common/global-id';
import { ClientType, SegmentSource } from '../common/crm-enums';
import { FilterTreeScalar } from '../filter/language/filter-tree.scalar';
import type { FilterGroup } from '../filter/language/tree';
import { User } from '../users/user.entity';
import type { Segment } from './definition/segment.entity';
import { SegmentKind } from './definition/segment.enums';

/** One saved definition of a segment: who saved what, when. The current definition is the newest. */
@ObjectType({ description: 'A saved definition of a segment. Restoring one saves it again as a new version.' })
@Entity({ tableName: 'segment_version' })
export class SegmentVersion {
  [PrimaryKeyProp]?: 'key';
  /** `id` is computed, never written: inserts leave it out. */
  [OptionalProps]?: 'id';

  @PrimaryKey({ fieldName: 'id', type: 'integer', autoincrement: true })
  key!: number;

  @Field(() => ID)
  get id(): string {
    return toGlobalId('SegmentVersion', this.key);
  }

  @ManyToOne({ entity: 'Segment', ref: true, deleteRule: 'cascade' })
  segment!: Ref<Segment>;

  @Field(() => Int)
  @Property({ type: 'integer' })
  version!: number;

  @Field()
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Field(() => SegmentKind)
  @Property({ type: 'string', length: 8 })
  kind!: SegmentKind;

  @Field(() => SegmentSource)
  @Property({ type: 'string', length: 8 })
  source!: SegmentSource;

  @Field(() => ClientType)
  @Property({ type: 'string', length: 8 })
  clientType!: ClientType;

  @Field(() => FilterTreeScalar, { nullable: true })
  @Property({ type: 'json', nullable: true })
  filter?: FilterGroup | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 64, nullable: true })
  timeZone?: string | null;

  @Field(() => [String])
  @Property({ type: 'json' })
  tags: string[] = [];

  @ManyToOne({ entity: 'User', ref: true, nullable: true, deleteRule: 'set null' })
  createdBy?: Ref<User> | null;

  @Field(() => User, { name: 'savedBy', nullable: true, description: 'Who saved this version.' })
  savedBy(): Promise<User | null> | null {
    return this.createdBy?.load() ?? null;
  }

  @Field(() => DateTimeResolver, { name: 'savedAt' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
