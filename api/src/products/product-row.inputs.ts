import { Field, Float, ID, InputType } from 'type-graphql';

@InputType({ description: 'A product line: the product by id or external id, quantity and unit price.' })
export class ProductRowInput {
  @Field(() => ID, { nullable: true }) productId?: string | null;
  @Field(() => String, { nullable: true }) productExternalId?: string | null;
  @Field(() => Float, { nullable: true, description: 'Default 1.' }) quantity?: number | null;
  @Field(() => Float, { nullable: true, description: 'Unit price; default the product’s price.' }) price?: number | null;
}
