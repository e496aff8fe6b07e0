import { Collection, Entity, ManyToOne, OneToMany, Property, type Ref } from '@mikro-orm/core';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { AuditedRecord } from '../records/audited-record.entity';
import { fold } from '../filter/language/fold';
import { Node } from '../common/node';
import { Communication } from '../communications/communication.entity';
import { ReferenceItem } from '../reference-lists/reference-item.entity';
import { User } from '../users/user.entity';

@ObjectType({ implements: Node, description: 'A company: a client in its own right, and the employer of contacts.' })
@Entity({ tableName: 'company' })
export class Company extends AuditedRecord {
  @Field(() => String, { nullable: true, description: 'The id in the system the company came from; bulk upserts match on it.' })
  @Property({ type: 'string', length: 100, nullable: true, unique: true })
  externalId?: string | null;

  @Field()
  @Property({ type: 'string', length: 300 })
  title!: string;

  @Property({ type: 'string', length: 300 })
  titleFolded!: string;

  @ManyToOne({ entity: 'ReferenceItem', ref: true, nullable: true, fieldName: 'type_id' })
  type?: Ref<ReferenceItem> | null;

  @ManyToOne({ entity: 'ReferenceItem', ref: true, nullable: true })
  industry?: Ref<ReferenceItem> | null;

  @ManyToOne({ entity: 'ReferenceItem', ref: true, nullable: true })
  source?: Ref<ReferenceItem> | null;

  @Field(() => Float, { nullable: true, description: 'Annual revenue, as stored (no currency conversion).' })
  @Property({ type: 'double', nullable: true })
  revenue?: number | null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  employees?: number | null;

  @ManyToOne({ entity: 'User', ref: true, nullable: true })
  responsible?: Ref<User> | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  city?: string | null;

  @Property({ type: 'string', length: 200, nullable: true })
  cityFolded?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  country?: string | null;

  @Property({ type: 'string', length: 100, nullable: true })
  countryFolded?: string | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When the latest activity on the company happened.' })
  @Property({ type: 'datetime', nullable: true })
  lastActivityAt?: Date | null;

  @OneToMany(() => Communication, (c) => c.company, { orderBy: { key: 'asc' } })
  communications = new Collection<Communication>(this);

  @Field(() => ReferenceItem, { name: 'type', nullable: true, description: 'From the COMPANY_TYPE list.' })
  typeField(): Promise<ReferenceItem | null> | null {
    return this.type?.load() ?? null;
  }

  @Field(() => ReferenceItem, { name: 'industry', nullable: true, description: 'From the INDUSTRY list.' })
  industryField(): Promise<ReferenceItem | null> | null {
    return this.industry?.load() ?? null;
  }

  @Field(() => ReferenceItem, { name: 'source', nullable: true, description: 'From the SOURCE list.' })
  sourceField(): Promise<ReferenceItem | null> | null {
    return this.source?.load() ?? null;
  }

  @Field(() => User, { name: 'responsible', nullable: true })
  responsibleField(): Promise<User | null> | null {
    return this.responsible?.load() ?? null;
  }

  @Field(() => [Communication], { name: 'communications' })
  async communicationList(): Promise<Communication[]> {
    return (await this.communications.load()).getItems();
  }

  protected override deriveColumns(): void {
    this.titleFolded = fold(this.title);
    this.cityFolded = fold(this.city);
    this.countryFolded = fold(this.country);
  }
}
