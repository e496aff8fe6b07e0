import { Entity, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import type { Segment } from './definition/segment.entity';

/** A segment's tag, with a folded twin so tag filters are case-insensitive and indexed. */
@Entity({ tableName: 'segment_tag' })
export class SegmentTag {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne({ entity: 'Segment', ref: true, deleteRule: 'cascade' })
  segment!: Ref<Segment>;

  @Property({ type: 'string', length: 100 })
  tag!: string;

  @Property({ type: 'string', length: 100 })
  tagFolded!: string;
}
