import { DateTimeResolver } from 'graphql-scalars';
import { Field, Float, ID, InputType } from 'type-graphql';
import { CommunicationInput } from '../communications/communication.inputs';
import { CustomFieldValueInput } from '../custom-fields/custom-field.inputs';

@InputType({ description: 'A lead. On update, fields left out keep their value and null clears one. `title` is required on create.' })
export class LeadInput {
  @Field(() => String, { nullable: true, description: 'Your system’s id for the lead; bulk upserts match on it.' })
  externalId?: string | null;

  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => String, { nullable: true }) firstName?: string | null;
  @Field(() => String, { nullable: true }) lastName?: string | null;

  @Field(() => String, { nullable: true, description: 'Code of a LEAD_STATUS item (default: the first in-progress status).' })
  statusCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Code of a SOURCE item.' }) sourceCode?: string | null;
  @Field(() => Boolean, { nullable: true }) converted?: boolean | null;
  @Field(() => ID, { nullable: true }) responsibleId?: string | null;
  @Field(() => Float, { nullable: true }) amount?: number | null;
  @Field(() => String, { nullable: true }) currency?: string | null;
  @Field(() => String, { nullable: true }) city?: string | null;

  @Field(() => ID, { nullable: true, description: 'Makes it a repeat lead of this existing contact.' }) contactId?: string | null;
  @Field(() => String, { nullable: true }) contactExternalId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Makes it a repeat lead of this existing company.' }) companyId?: string | null;
  @Field(() => String, { nullable: true }) companyExternalId?: string | null;

  @Field(() => [CommunicationInput], { nullable: true, description: 'Replaces all of the lead’s communications when given.' })
  communications?: CommunicationInput[] | null;

  @Field(() => [CustomFieldValueInput], { nullable: true }) customFields?: CustomFieldValueInput[] | null;
  @Field(() => DateTimeResolver, { nullable: true }) createdAt?: Date | null;
  @Field(() => DateTimeResolver, { nullable: true }) lastActivityAt?: Date | null;
}
