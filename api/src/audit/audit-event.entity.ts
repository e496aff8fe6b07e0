import { Entity, ManyToOne, OptionalProps, PrimaryKey, PrimaryKeyProp, Property, type Ref } from '@mikro-orm/core';
import { DateTimeResolver, JSONObjectResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { toGlobalId } from '../common/global-id';
import type { User } from '../users/user.entity';
import { AuditAction, AuditSubjectType } from './audit.enums';

/** Small facts about an event (counts, channel, changed parts): JSON, written once. */
export type AuditDetails = Record<string, string | number | boolean | null | string[]>;

/**
 * One thing someone did, written in the same transaction as the change it describes (so a change
 * that failed leaves no event). Rows are only ever inserted: the subject's name and the actor's
 * label are copied at the time, so an event still reads well after its segment or user is gone.
 * Indexes (newest first; by action, user, subject): Migration20261123000000_audit.
 */
@ObjectType({ description: 'Who did what to which object, when. Newest first in auditEvents.' })
@Entity({ tableName: 'audit_event' })
export class AuditEvent {
  [PrimaryKeyProp]?: 'key';
  /** Computed, never written: inserts leave them out. */
  [OptionalProps]?: 'id' | 'viaApiToken';

  @PrimaryKey({ fieldName: 'id', type: 'integer', autoincrement: true })
  key!: number;

  @Field(() => ID)
  get id(): string {
    return toGlobalId('AuditEvent', this.key);
  }

  @Field(() => DateTimeResolver, { description: 'When it happened (for an export: when the download started).' })
  @Property({ type: 'datetime' })
  occurredAt: Date = new Date();

  /** The acting user (for an API token: the user who made it); null once that user is deleted. */
  @ManyToOne({ entity: 'User', ref: true, nullable: true, deleteRule: 'set null' })
  user?: Ref<User> | null;

  /** The API token the request came with; no foreign key, tokens are kept in another domain. */
  @Property({ type: 'integer', nullable: true, fieldName: 'token_id' })
  tokenKey?: number | null;

  @Field(() => String, { nullable: true, description: 'Who acted, as shown then: "Ana Silva" or "token CRM sync (Ana Silva)".' })
  @Property({ type: 'string', length: 300, nullable: true })
  actorLabel?: string | null;

  @Field(() => AuditAction)
  @Property({ type: 'string', length: 40 })
  action!: AuditAction;

  @Field(() => AuditSubjectType)
  @Property({ type: 'string', length: 24 })
  subjectType!: AuditSubjectType;

  /** The subject's database key; null for events about a whole list (a CRM import, a stop-list import). */
  @Property({ type: 'integer', nullable: true })
  subjectKey?: number | null;

  @Field(() => String, { nullable: true, description: "The subject's name at the time (a segment name, an address)." })
  @Property({ type: 'string', length: 300, nullable: true })
  subjectName?: string | null;

  @Field(() => JSONObjectResolver, { nullable: true, description: 'Small facts about the event, by action: counts of an import, channel and rows of an export, changed parts of a segment.' })
  @Property({ type: 'json', nullable: true })
  details?: AuditDetails | null;

  @Field({ description: 'True when the request came with an API token rather than a signed-in user.' })
  get viaApiToken(): boolean {
    return this.tokenKey != null;
  }
}
