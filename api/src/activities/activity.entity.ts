import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { AuditedRecord } from '../records/audited-record.entity';
import { Node } from '../common/node';
import { Company } from '../companies/company.entity';
import { Contact } from '../contacts/contact.entity';
import { Deal } from '../deals/deal.entity';
import { Lead } from '../leads/lead.entity';
import { User } from '../users/user.entity';

export enum ActivityType {
  CALL = 'CALL',
  EMAIL = 'EMAIL',
  MEETING = 'MEETING',
  TASK = 'TASK',
}
registerEnumType(ActivityType, { name: 'ActivityType' });

@ObjectType({ implements: Node, description: 'A call, e-mail, meeting or task on a contact, company, lead or deal.' })
@Entity({ tableName: 'activity' })
export class Activity extends AuditedRecord {
  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true, unique: true })
  externalId?: string | null;

  @Field(() => ActivityType)
  @Property({ type: 'string', length: 16 })
  type!: ActivityType;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 300, nullable: true })
  subject?: string | null;

  @Field()
  @Property({ type: 'boolean' })
  completed: boolean = false;

  @Field(() => DateTimeResolver, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  completedAt?: Date | null;

  @Field(() => DateTimeResolver, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  deadline?: Date | null;

  @ManyToOne({ entity: 'User', ref: true, nullable: true })
  responsible?: Ref<User> | null;

  @ManyToOne({ entity: 'Contact', ref: true, nullable: true, deleteRule: 'cascade' })
  contact?: Ref<Contact> | null;

  @ManyToOne({ entity: 'Company', ref: true, nullable: true, deleteRule: 'cascade' })
  company?: Ref<Company> | null;

  @ManyToOne({ entity: 'Lead', ref: true, nullable: true, deleteRule: 'cascade' })
  lead?: Ref<Lead> | null;

  @ManyToOne({ entity: 'Deal', ref: true, nullable: true, deleteRule: 'cascade' })
  deal?: Ref<Deal> | null;

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

  @Field(() => Lead, { name: 'lead', nullable: true })
  leadField(): Promise<Lead | null> | null {
    return this.lead?.load() ?? null;
  }

  @Field(() => Deal, { name: 'deal', nullable: true })
  dealField(): Promise<Deal | null> | null {
    return this.deal?.load() ?? null;
  }
}
