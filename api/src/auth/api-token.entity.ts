import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../common/node';
import { Record } from '../common/record.entity';
import { User } from '../users/user.entity';
import { Scope } from './actor';
import './scope.enum';

/**
 * A credential for integrators: `Authorization: Bearer sgt_…`. The secret is shown once when the
 * token is created; only its SHA-256 is stored (a token is 256 random bits, so a fast hash is
 * enough: there is nothing to guess, unlike a password).
 */
@ObjectType({ implements: Node, description: 'An API token: its name, scopes and life; never its secret.' })
@Entity({ tableName: 'api_token' })
export class ApiToken extends Record {
  @Field()
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Property({ type: 'string', length: 64, unique: true })
  secretHash!: string;

  @Field({ description: 'The first characters of the secret, to recognise a token in a list (e.g. "sgt_Xy3k").' })
  @Property({ type: 'string', length: 12 })
  hint!: string;

  /** Space-separated scope strings (`crm:read segments:read`). */
  @Property({ type: 'string', length: 300 })
  scopeList!: string;

  @ManyToOne({ entity: 'User', ref: true, deleteRule: 'cascade' })
  createdBy!: Ref<User>;

  @Field(() => DateTimeResolver, { nullable: true, description: 'After this moment the token is refused; null = no expiry.' })
  @Property({ type: 'datetime', nullable: true })
  expiresAt?: Date | null;

  @Field(() => DateTimeResolver, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'Last request made with it (updated at most once a minute).' })
  @Property({ type: 'datetime', nullable: true })
  lastUsedAt?: Date | null;

  get scopes(): Scope[] {
    return this.scopeList.split(' ').filter(Boolean) as Scope[];
  }
}
