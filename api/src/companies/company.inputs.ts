import { DateTimeResolver } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { CommunicationInput } from '../communications/communication.inputs';
import { CustomFieldValueInput } from '../custom-fields/custom-field.inputs';

@InputType({ description: 'A company. On update, fields left out keep their value and null clears one. `title` is required on create.' })
export class CompanyInput {
  @Field(() => String, { nullable: true, description: 'Your system’s id for the company; bulk upserts match on it.' })
  externalId?: string | null;

  @Field(() => String, { nullable: true }) title?: string | null;

  @Field(() => String, { nullable: true, description: 'Code of a COMPANY_TYPE item.' }) typeCode?: string | null;
  @Field(() => String, { nullable: true, description: 'Code of an INDUSTRY item.' }) industryCode?: string | null;
  @Field(() => String, { nullable: true, description: 'Code of a SOURCE item.' }) sourceCode?: string | null;
  @Field(() => Float, { nullable: true }) revenue?: number | null;
  @Field(() => Int, { nullable: true }) employees?: number | null;
  @Field(() => ID, { nullable: true }) responsibleId?: string | null;
  @Field(() => String, { nullable: true }) city?: string | null;
  @Field(() => String, { nullable: true }) country?: string | null;

  @Field(() => [CommunicationInput], { nullable: true, description: 'Replaces all of the company’s communications when given.' })
  communications?: CommunicationInput[] | null;

  @Field(() => [CustomFieldValueInput], { nullable: true }) customFields?: CustomFieldValueInput[] | null;
  @Field(() => DateTimeResolver, { nullable: true }) createdAt?: Date | null;
  @Field(() => DateTimeResolver, { nullable: true }) lastActivityAt?: Date | null;
}
