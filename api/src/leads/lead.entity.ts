import { Collection, Entity, ManyToOne, OneToMany, Property, type Ref } from '@mikro-orm/core';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, Float, ObjectType } from 'type-graphql';
import { AuditedRecord } from '../records/audited-record.entity';
import { fold } from '../filter/language/fold';
import { Node } from '../common/node';
import { Communication } from '../communications/communication.entity';
import { Company } from '../companies/company.entity';
import { Contact } from '../contacts/contact.entity';
import { LeadStatusSemantic, ReferenceItem } from '../reference-lists/reference-item.entity';
import { User } from '../users/user.entity';

@ObjectType({ implements: Node, description: 'A lead: a potential client not yet converted.' })
@Entity({ tableName: 'lead' })
export class Lead extends AuditedRecord {
  @Field(() => String, { nullable: true, description: 'The id in the system the lead came from; bulk upserts match on it.' })
  @Property({ type: 'string', length: 100, nullable: true, unique: true })
  externalId?: string | null;

  @Field()
  @Property({ type: 'string', length: 300 })
  title!: string;

  @Property({ type: 'string', length: 300 })
  titleFolded!: string;

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

  @ManyToOne({ entity: 'ReferenceItem', ref: true, nullable: true })
  status?: Ref<ReferenceItem> | null;

  @Field(() => LeadStatusSemantic, { description: "The status's semantic, kept in step with the status." })
  @Property({ type: 'string', length: 16 })
  statusSemantic: LeadStatusSemantic = LeadStatusSemantic.IN_PROGRESS;

  @ManyToOne({ entity: 'ReferenceItem', ref: true, nullable: true })
  source?: Ref<ReferenceItem> | null;

  @Field({ description: 'Converted (or being converted) into a contact, company or deal.' })
  @Property({ type: 'boolean' })
  converted: boolean = false;

  @ManyToOne({ entity: 'User', ref: true, nullable: true })
  responsible?: Ref<User> | null;

  @Field(() => Float, { nullable: true })
  @Property({ type: 'double', nullable: true })
  amount?: number | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 3, nullable: true })
  currency?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  city?: string | null;

  @Property({ type: 'string', length: 200, nullable: true })
  cityFolded?: string | null;

  /** Set on a repeat lead: one from a client who already exists in the CRM. */
  @ManyToOne({ entity: 'Contact', ref: true, nullable: true, deleteRule: 'set null' })
  contact?: Ref<Contact> | null;

  @ManyToOne({ entity: 'Company', ref: true, nullable: true, deleteRule: 'set null' })
  company?: Ref<Company> | null;

  @Field(() => DateTimeResolver, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  lastActivityAt?: Date | null;

  @OneToMany(() => Communication, (c) => c.lead, { orderBy: { key: 'asc' } })
  communications = new Collection<Communication>(this);

  @Field({ description: 'A repeat lead is linked to an existing contact or company; lead segments leave it out.' })
  isRepeat(): boolean {
    return Boolean(this.contact || this.company);
  }

  @Field(() => ReferenceItem, { name: 'status', nullable: true, description: 'From the LEAD_STATUS list.' })
  statusField(): Promise<ReferenceItem | null> | null {
    return this.status?.load() ?? null;
  }

  @Field(() => ReferenceItem, { name: 'source', nullable: true, description: 'From the SOURCE list.' })
  sourceField(): Promise<ReferenceItem | null> | null {
    return this.source?.load() ?? null;
  }

  @Field(() => User, { name: 'responsible', nullable: true })
  responsibleField(): Promise<User | null> | null {
    return this.responsible?.load() ?? null;
  }

  @Field(() => Contact, { name: 'contact', nullable: true, description: 'The existing contact of a repeat lead.' })
  contactField(): Promise<Contact | null> | null {
    return this.contact?.load() ?? null;
  }

  @Field(() => Company, { name: 'company', nullable: true, description: 'The existing company of a repeat lead.' })
  companyField(): Promise<Company | null> | null {
    return this.company?.load() ?? null;
  }

  @Field(() => [Communication], { name: 'communications' })
  async communicationList(): Promise<Communication[]> {
    return (await this.communications.load()).getItems();
  }

  protected override deriveColumns(): void {
    this.titleFolded = fold(this.title);
    this.firstNameFolded = fold(this.firstName);
    this.lastNameFolded = fold(this.lastName);
    this.cityFolded = fold(this.city);
  }
}
