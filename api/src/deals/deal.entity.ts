import { Collection, Entity, ManyToOne, OneToMany, Property, type Ref } from '@mikro-orm/core';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, Float, ObjectType } from 'type-graphql';
import { Node } from '../common/node';
import { AuditedRecord } from '../records/audited-record.entity';
import { fold } from '../filter/language/fold';
import { Company } from '../companies/company.entity';
import { Contact } from '../contacts/contact.entity';
import { ReferenceItem } from '../reference-lists/reference-item.entity';
import { User } from '../users/user.entity';
import { ProductRow } from '../products/product-row.entity';
import { Pipeline } from './pipeline.entity';
import { Stage, StageSemantic } from './stage.entity';

@ObjectType({ implements: Node, description: 'A deal of a contact and/or a company, in a pipeline stage.' })
@Entity({ tableName: 'deal' })
export class Deal extends AuditedRecord {
  @Field(() => String, { nullable: true, description: 'The id in the system the deal came from; bulk upserts match on it.' })
  @Property({ type: 'string', length: 100, nullable: true, unique: true })
  externalId?: string | null;

  @Field()
  @Property({ type: 'string', length: 300 })
  title!: string;

  @Property({ type: 'string', length: 300 })
  titleFolded!: string;

  @ManyToOne({ entity: 'Pipeline', ref: true })
  pipeline!: Ref<Pipeline>;

  @ManyToOne({ entity: 'Stage', ref: true })
  stage!: Ref<Stage>;

  @Field(() => StageSemantic, { description: "The stage's semantic, kept in step with the stage." })
  @Property({ type: 'string', length: 16 })
  stageSemantic!: StageSemantic;

  @Field(() => Float, { nullable: true })
  @Property({ type: 'double', nullable: true })
  amount?: number | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217 code.' })
  @Property({ type: 'string', length: 3, nullable: true })
  currency?: string | null;

  @ManyToOne({ entity: 'ReferenceItem', ref: true, nullable: true, fieldName: 'type_id' })
  type?: Ref<ReferenceItem> | null;

  @ManyToOne({ entity: 'User', ref: true, nullable: true })
  responsible?: Ref<User> | null;

  @ManyToOne({ entity: 'Contact', ref: true, nullable: true, deleteRule: 'set null' })
  contact?: Ref<Contact> | null;

  @ManyToOne({ entity: 'Company', ref: true, nullable: true, deleteRule: 'set null' })
  company?: Ref<Company> | null;

  @Field(() => DateTimeResolver, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  closedAt?: Date | null;

  @OneToMany(() => ProductRow, (row) => row.deal, { orderBy: { key: 'asc' } })
  rows = new Collection<ProductRow>(this);

  @Field(() => Pipeline, { name: 'pipeline' })
  pipelineField(): Promise<Pipeline> {
    return this.pipeline.load() as Promise<Pipeline>;
  }

  @Field(() => Stage, { name: 'stage' })
  stageField(): Promise<Stage> {
    return this.stage.load() as Promise<Stage>;
  }

  @Field(() => ReferenceItem, { name: 'type', nullable: true, description: 'From the DEAL_TYPE list.' })
  typeField(): Promise<ReferenceItem | null> | null {
    return this.type?.load() ?? null;
  }

  @Field(() => User, { name: 'responsible', nullable: true })
  responsibleField(): Promise<User | null> | null {
    return this.responsible?.load() ?? null;
  }

  @Field(() => Contact, { name: 'contact', nullable: true })
  contactField(): Promise<Contact | null> | null {
    return this.contact?.load() ?? null;
  }

  @Field(() => Company, { name: 'company', nullable: true })
  companyField(): Promise<Company | null> | null {
    return this.company?.load() ?? null;
  }

  @Field(() => [ProductRow], { name: 'productRows' })
  async productRows(): Promise<ProductRow[]> {
    return (await this.rows.load()).getItems();
  }

  protected override deriveColumns(): void {
    this.titleFolded = fold(this.title);
  }
}
