import { Entity, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { AuditedRecord } from '../../records/audited-record.entity';
import { fold } from '../../filter/language/fold';
import { Node } from '../../common/node';
import { ClientType, SegmentSource } from '../../common/crm-enums';
import { FilterTreeScalar } from '../../filter/language/filter-tree.scalar';
import type { FilterGroup } from '../../filter/language/tree';
import { SegmentKind } from './segment.enums';

/**
 * A saved audience. Counts, members, recipients, versions and the export link are field
 * resolvers (segment-audience.resolver.ts, segment-versions.resolver.ts): computed when asked.
 */
@ObjectType({ implements: Node, description: 'A saved audience: a live filter (dynamic) or a stored list of addresses (static).' })
@Entity({ tableName: 'segment' })
export class Segment extends AuditedRecord {
  @Field()
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'string', length: 200 })
  nameFolded!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Field(() => SegmentKind)
  @Property({ type: 'string', length: 8 })
  kind!: SegmentKind;

  @Field(() => SegmentSource, { description: 'Clients (contacts and/or companies) or leads. Static segments hold addresses of any record.' })
  @Property({ type: 'string', length: 8 })
  source!: SegmentSource;

  @Field(() => ClientType, { description: 'Which clients a Clients segment is made of.' })
  @Property({ type: 'string', length: 8 })
  clientType!: ClientType;

  @Field(() => FilterTreeScalar, { nullable: true, description: 'The filter of a dynamic segment, in the shape of FilterGroupInput; null for static segments.' })
  @Property({ type: 'json', nullable: true })
  filter?: FilterGroup | null;

  @Field(() => String, { nullable: true, description: 'IANA zone for relative dates ("in the last 30 days"); null = the server default.' })
  @Property({ type: 'string', length: 64, nullable: true })
  timeZone?: string | null;

  @Field(() => Int, { description: 'Increases with every saved change; send it back with an update to detect concurrent edits.' })
  @Property({ type: 'integer' })
  version: number = 1;

  protected override deriveColumns(): void {
    this.nameFolded = fold(this.name);
  }
}
