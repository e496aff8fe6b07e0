import { DateTimeResolver } from 'graphql-scalars';
import { Field, Float, ID, InputType } from 'type-graphql';
import { ProductRowInput } from './product-row.inputs';

@InputType({ description: 'An order of a contact or a company (at least one of them on create).' })
export class OrderInput {
  @Field(() => String, { nullable: true }) externalId?: string | null;
  @Field(() => ID, { nullable: true }) contactId?: string | null;
  @Field(() => String, { nullable: true }) contactExternalId?: string | null;
  @Field(() => ID, { nullable: true }) companyId?: string | null;
  @Field(() => String, { nullable: true }) companyExternalId?: string | null;
  @Field(() => Boolean, { nullable: true }) paid?: boolean | null;
  @Field(() => DateTimeResolver, { nullable: true }) paidAt?: Date | null;
  @Field(() => Float, { nullable: true, description: 'Default: the sum of the product rows.' }) total?: number | null;
  @Field(() => String, { nullable: true }) currency?: string | null;

  @Field(() => [ProductRowInput], { nullable: true, description: 'Replaces the order’s product rows when given.' })
  productRows?: ProductRowInput[] | null;

  @Field(() => DateTimeResolver, { nullable: true }) createdAt?: Date | null;
}
