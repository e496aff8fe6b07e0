import { Entity, Property } from '@mikro-orm/core';
import { Field, Float, ObjectType } from 'type-graphql';
import { AuditedRecord } from '../records/audited-record.entity';
import { fold } from '../filter/language/fold';
import { Node } from '../common/node';

@ObjectType({ implements: Node, description: 'A product of the catalog, sold in deals and orders.' })
@Entity({ tableName: 'product' })
export class Product extends AuditedRecord {
  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true, unique: true })
  externalId?: string | null;

  @Field()
  @Property({ type: 'string', length: 300 })
  name!: string;

  @Property({ type: 'string', length: 300 })
  nameFolded!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  sku?: string | null;

  @Field(() => Float, { nullable: true })
  @Property({ type: 'double', nullable: true })
  price?: number | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 3, nullable: true })
  currency?: string | null;

  @Field()
  @Property({ type: 'boolean' })
  active: boolean = true;

  protected override deriveColumns(): void {
    this.nameFolded = fold(this.name);
  }
}
