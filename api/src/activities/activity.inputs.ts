import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, InputType } from 'type-graphql';
import { ActivityType } from './activity.entity';

@InputType({ description: 'An activity on at least one of: a contact, a company, a lead, a deal. `type` is required on create.' })
export class ActivityInput {
  @Field(() => String, { nullable: true }) externalId?: string | null;
  @Field(() => ActivityType, { nullable: true }) type?: ActivityType | null;
  @Field(() => String, { nullable: true }) subject?: string | null;
  @Field(() => Boolean, { nullable: true }) completed?: boolean | null;
  @Field(() => DateTimeResolver, { nullable: true }) completedAt?: Date | null;
  @Field(() => DateTimeResolver, { nullable: true }) deadline?: Date | null;
  @Field(() => ID, { nullable: true }) responsibleId?: string | null;
  @Field(() => ID, { nullable: true }) contactId?: string | null;
  @Field(() => String, { nullable: true }) contactExternalId?: string | null;
  @Field(() => ID, { nullable: true }) companyId?: string | null;
  @Field(() => String, { nullable: true }) companyExternalId?: string | null;
  @Field(() => ID, { nullable: true }) leadId?: string | null;
  @Field(() => String, { nullable: true }) leadExternalId?: string | null;
  @Field(() => ID, { nullable: true }) dealId?: string | null;
  @Field(() => String, { nullable: true }) dealExternalId?: string | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When it happened; default now. Moves the owners’ last activity forward.' })
  createdAt?: Date | null;
}
