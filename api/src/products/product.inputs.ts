import { Field, Float, InputType } from 'type-graphql';

@InputType({ description: 'A product. `name` is required on create.' })
export class ProductInput {
  @Field(() => String, { nullable: true }) externalId?: string | null;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) sku?: string | null;
  @Field(() => Float, { nullable: true }) price?: number | null;
  @Field(() => String, { nullable: true }) currency?: string | null;
  @Field(() => Boolean, { nullable: true }) active?: boolean | null;
}
