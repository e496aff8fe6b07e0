import { DateTimeResolver } from 'graphql-scalars';
import { ArgsType, createUnionType, Field, Int, ObjectType } from 'type-graphql';
import { connectionType } from '../common/connection';
import { Channel } from '../communications/communication.enums';
import { FigureSource } from './audience';
import { Company } from '../companies/company.entity';
import { Contact } from '../contacts/contact.entity';
import { Lead } from '../leads/lead.entity';

/** A member of a segment: a contact or company (Clients source) or a lead (Leads source). */
export const Member = createUnionType({
  name: 'Member',
  description: 'A member of a segment. Ids are global, so a contact and a company never share one; pages are ordered by (type, key) with types Company, Contact, Lead.',
  types: () => [Company, Contact, Lead] as const,
  // Light rows are plain instances of the entity classes: the class names the GraphQL type.
  resolveType: (value: object) => value.constructor.name,
});
export type MemberObject = Company | Contact | Lead;

const VALUE = 'The number; null when it is below MIN_REPORTED_COUNT and the caller lacks crm:read (then fewerThan is set). Small counts name people, 0 included.';
const FEWER_THAN = 'Set when the value is withheld: the count is somewhere in 0..fewerThan-1 ("fewer than 10"). Null when value is exact.';
const AS_OF = 'Every change committed before this instant is in the figure (computedAt when it was evaluated now, or when nothing is pending).';
const EXACT = 'True when the figure is the answer for the current data: evaluated now, or read from a maintained membership with no queued change and no pending day boundary.';
const SOURCE = 'MEMBERSHIP: read from the segment’s maintained membership; LIVE: evaluated from the current data for this request.';

@ObjectType({ description: 'A number computed from current data, and when: exact, or "fewer than k" for callers without crm:read.' })
export class LiveCount {
  @Field(() => Int, { nullable: true, description: VALUE }) value!: number | null;
  @Field(() => Int, { nullable: true, description: FEWER_THAN }) fewerThan!: number | null;
  @Field(() => DateTimeResolver) computedAt!: Date;
  @Field(() => DateTimeResolver, { description: AS_OF }) asOf!: Date;
  @Field({ description: EXACT }) exact!: boolean;
  @Field(() => FigureSource, { description: SOURCE }) source!: FigureSource;
}

@ObjectType({ description: 'Distinct addresses of one channel, stop list excluded, and when they were counted: exact, or "fewer than k" for callers without crm:read.' })
export class RecipientCount {
  @Field(() => Channel) channel!: Channel;
  @Field(() => Int, { nullable: true, description: VALUE }) value!: number | null;
  @Field(() => Int, { nullable: true, description: FEWER_THAN }) fewerThan!: number | null;
  @Field(() => DateTimeResolver) computedAt!: Date;
  @Field(() => DateTimeResolver, { description: AS_OF }) asOf!: Date;
  @Field({ description: EXACT }) exact!: boolean;
  @Field(() => FigureSource, { description: SOURCE }) source!: FigureSource;
}

@ObjectType({ description: 'One distinct normalised address of a segment on one channel.' })
export class Recipient {
  @Field({ description: 'Normalised: lower-cased e-mail, E.164 phone, folded messenger handle.' }) address!: string;
  @Field(() => Channel) channel!: Channel;
  @Field(() => String, { nullable: true, description: 'The name given on a static import, else the owner’s name.' }) name!: string | null;
  @Field(() => Int, { description: 'How many members have this address (0 for a static address no CRM record has).' }) ownerCount!: number;
  /** Resolved through a batching loader (segment-audience.resolver.ts). */
  ownerRef!: { type: 'company' | 'contact' | 'lead'; key: number } | null;
}

@ObjectType('MemberEdge')
export class MemberEdge {
  @Field({ description: 'Opaque keyset cursor: pass it as `after` / `before`.' }) cursor!: string;
  @Field(() => Member) node!: MemberObject;
  /** Set when the page reads a maintained membership: where to look up the member's stay. */
  stay?: { segmentKey: number; type: 'company' | 'contact' | 'lead'; key: number };
}

export const MemberConnection = connectionType(Member as unknown as typeof Contact, 'Member', MemberEdge);
export const RecipientConnection = connectionType(Recipient, 'Recipient');

@ArgsType()
export class ForwardPageArgs {
  @Field(() => Int, { nullable: true, description: 'Page size (default 50).' })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Cursor of the edge the page starts after.' })
  after?: string;
}
