import { Collection, Entity, ManyToOne, OneToMany, Property, type Ref } from '@mikro-orm/core';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, Float, ObjectType } from 'type-graphql';
import { AuditedRecord } from '../records/audited-record.entity';
import { Node } from '../common/node';
import { Company } from '../companies/company.entity';
import { Contact } from '../contacts/contact.entity';
import { ProductRow } from './product-row.entity';

@ObjectType({ implements: Node, description: 'An order of a contact or a company, paid or not.' })
@Entity({ tableName: 'crm_order' })
export class Order extends AuditedRecord {
  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true, unique: true })
  externalId?: string | null;

  @ManyToOne({ entity: 'Contact', ref: true, nullable: true, deleteRule: 'set null' })
  contact?: Ref<Contact> | null;

  @ManyToOne({ entity: 'Company', ref: true, nullable: true, deleteRule: 'set null' })
  company?: Ref<Company> | null;

  @Field()
  @Property({ type: 'boolean' })
  paid: boolean = false;

  @Field(() => Float)
  @Property({ type: 'double' })
  total: number = 0;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 3, nullable: true })
  currency?: string | null;

  @Field(() => DateTimeResolver, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  paidAt?: Date | null;

  @OneToMany(() => ProductRow, (row) => row.order, { orderBy: { key: 'asc' } })
  rows = new Collection<ProductRow>(this);

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
}
