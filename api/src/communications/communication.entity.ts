import { Entity, ManyToOne, PrimaryKey, PrimaryKeyProp, Property, type Ref } from '@mikro-orm/core';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { toGlobalId } from '../common/global-id';
// The stored-record base class, named apart from TypeScript's Record<K, V>.
import type { Record as StoredRecord } from '../common/record.entity';
import { Channel, CommunicationValueType } from './communication.enums';

/**
 * One e-mail, phone or messenger handle of a contact, company or lead (exactly one owner). The
 * original is kept for display; `normalized` is what recipients are deduplicated and matched on.
 */
@ObjectType({ description: 'An e-mail, phone number or messenger handle of a contact, company or lead.' })
@Entity({ tableName: 'communication' })
export class Communication {
  /** The key property is `key` (the `id` getter is the GraphQL global id): tell MikroORM's types. */
  [PrimaryKeyProp]?: 'key';

  @PrimaryKey({ fieldName: 'id', type: 'integer', autoincrement: true })
  key!: number;

  @Field(() => ID)
  get id(): string {
    return toGlobalId('Communication', this.key);
  }

  @Field(() => Channel)
  @Property({ type: 'string', length: 8 })
  channel!: Channel;

  @Field(() => CommunicationValueType)
  @Property({ type: 'string', length: 16 })
  valueType!: CommunicationValueType;

  @Field({ description: 'As entered.' })
  @Property({ type: 'string', length: 320 })
  value!: string;

  @Field({ description: 'Lower-cased e-mail, E.164 phone, or trimmed case-folded handle.' })
  @Property({ type: 'string', length: 320 })
  normalized!: string;

  // The owners are named by entity name and typed as any stored record: the record kinds import
  // this entity (their communications), so it imports none of them.
  @ManyToOne({ entity: 'Contact', ref: true, nullable: true, deleteRule: 'cascade' })
  contact?: Ref<StoredRecord> | null;

  @ManyToOne({ entity: 'Company', ref: true, nullable: true, deleteRule: 'cascade' })
  company?: Ref<StoredRecord> | null;

  @ManyToOne({ entity: 'Lead', ref: true, nullable: true, deleteRule: 'cascade' })
  lead?: Ref<StoredRecord> | null;

  @Field(() => DateTimeResolver)
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
