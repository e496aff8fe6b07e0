import { DateTimeResolver } from 'graphql-scalars';
import { Field, Float, ID, InputType } from 'type-graphql';
import { CustomFieldValueInput } from '../custom-fields/custom-field.inputs';
import { ProductRowInput } from '../products/product-row.inputs';

@InputType({
  description: 'A deal. On update, fields left out keep their value. `title` is required on create; the stage defaults to the first stage of the pipeline (default pipeline if none given).',
})
export class DealInput {
  @Field(() => String, { nullable: true, description: 'Your system’s id for the deal; bulk upserts match on it.' })
  externalId?: string | null;

  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => ID, { nullable: true }) pipelineId?: string | null;
  @Field(() => ID, { nullable: true, description: 'A stage of the pipeline (by id)…' }) stageId?: string | null;
  @Field(() => String, { nullable: true, description: '…or by its code within the pipeline (e.g. "WON").' }) stageCode?: string | null;
  @Field(() => Float, { nullable: true }) amount?: number | null;
  @Field(() => String, { nullable: true, description: 'ISO 4217 code.' }) currency?: string | null;
  @Field(() => String, { nullable: true, description: 'Code of a DEAL_TYPE item.' }) typeCode?: string | null;
  @Field(() => ID, { nullable: true }) responsibleId?: string | null;
  @Field(() => ID, { nullable: true }) contactId?: string | null;
  @Field(() => String, { nullable: true }) contactExternalId?: string | null;
  @Field(() => ID, { nullable: true }) companyId?: string | null;
  @Field(() => String, { nullable: true }) companyExternalId?: string | null;
  @Field(() => DateTimeResolver, { nullable: true }) closedAt?: Date | null;

  @Field(() => [ProductRowInput], { nullable: true, description: 'Replaces the deal’s product rows when given.' })
  productRows?: ProductRowInput[] | null;

  @Field(() => [CustomFieldValueInput], { nullable: true }) customFields?: CustomFieldValueInput[] | null;
  @Field(() => DateTimeResolver, { nullable: true }) createdAt?: Date | null;
}
