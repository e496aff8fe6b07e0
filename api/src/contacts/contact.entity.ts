import { Collection, Entity, ManyToOne, OneToMany, Property, type Ref } from '@mikro-orm/core';
import { DateResolver, DateTimeResolver } from 'graphql-scalars';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { AuditedRecord } from '../records/audited-record.entity';
import { fold } from '../filter/language/fold';
import { Node } from '../common/node';
import { Communication } from '../communications/communication.entity';
import { Company } from '../companies/company.entity';
import { ReferenceItem } from '../reference-lists/reference-item.entity';
import { User } from '../users/user.entity';

export enum Gender {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
  OTHER = 'OTHER',
}
registerEnumType(Gender, { name: 'Gender' });

/** MMDD of a YYYY-MM-DD date: lets "birthday in the next N days" be an index range. */
export function monthDayOf(date: string | null | undefined): number | null {
  if (!date) return null;
  return Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10));
}

@ObjectType({ implements: Node, description: 'A person: a client, possibly working for a company.' })
@Entity({ tableName: 'contact' })
export class Contact extends AuditedRecord {
  @Field(() => String, { nullable: true, description: 'The id in the system the contact came from; bulk upserts match on it.' })
  @Property({ type: 'string', length: 100, nullable: true, unique: true })
  externalId?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  firstName?: string | null;

  @Property({ type: 'string', length: 100, nullable: true })
  firstNameFolded?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  lastName?: string | null;

  @Property({ type: 'string', length: 100, nullable: true })
  lastNameFolded?: string | null;

  @Field(() => String, { nullable: true, description: 'Middle name or patronymic.' })
  @Property({ type: 'string', length: 100, nullable: true })
  secondName?: string | null;

  @Field(() => DateResolver, { nullable: true })
  @Property({ type: 'date', nullable: true })
  birthdate?: string | null;

  @Property({ type: 'smallint', nullable: true })
  birthMonthDay?: number | null;

  @Field(() => Gender, { nullable: true })
  @Property({ type: 'string', length: 16, nullable: true })
  gender?: Gender | null;

  @ManyToOne({ entity: 'ReferenceItem', ref: true, nullable: true, fieldName: 'type_id' })
  type?: Ref<ReferenceItem> | null;

  @ManyToOne({ entity: 'ReferenceItem', ref: true, nullable: true })
  source?: Ref<ReferenceItem> | null;

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

  @ManyToOne({ entity: 'Company', ref: true, nullable: true, deleteRule: 'set null' })
  company?: Ref<Company> | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When the latest activity with the contact happened.' })
  @Property({ type: 'datetime', nullable: true })
  lastActivityAt?: Date | null;

  @OneToMany(() => Communication, (c) => c.contact, { orderBy: { key: 'asc' } })
  communications = new Collection<Communication>(this);

  @Field({ description: 'First, second and last name joined, for display.' })
  fullName(): string {
    return [this.firstName, this.secondName, this.lastName].filter(Boolean).join(' ');
  }

  @Field(() => ReferenceItem, { name: 'type', nullable: true, description: 'From the CONTACT_TYPE list.' })
  typeField(): Promise<ReferenceItem | null> | null {
    return this.type?.load() ?? null;
  }

  @Field(() => ReferenceItem, { name: 'source', nullable: true, description: 'From the SOURCE list.' })
  sourceField(): Promise<ReferenceItem | null> | null {
    return this.source?.load() ?? null;
  }

  @Field(() => User, { name: 'responsible', nullable: true })
  responsibleField(): Promise<User | null> | null {
    return this.responsible?.load() ?? null;
  }

  @Field(() => Company, { name: 'company', nullable: true })
  companyField(): Promise<Company | null> | null {
    return this.company?.load() ?? null;
  }

  @Field(() => [Communication], { name: 'communications' })
  async communicationList(): Promise<Communication[]> {
    return (await this.communications.load()).getItems();
  }

  protected override deriveColumns(): void {
    this.firstNameFolded = fold(this.firstName);
    this.lastNameFolded = fold(this.lastName);
    this.cityFolded = fold(this.city);
    this.countryFolded = fold(this.country);
    this.birthMonthDay = monthDayOf(this.birthdate);
  }
}
