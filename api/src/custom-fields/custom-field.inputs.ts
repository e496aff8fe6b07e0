import { DateResolver } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { CustomFieldEntity, CustomFieldType } from './custom-field.enums';

@InputType({ description: 'The value of one custom field on a record. Give the slot of its type; all empty clears it.' })
export class CustomFieldValueInput {
  @Field({ description: 'The field code, e.g. UF_MEMBERSHIP_TYPE.' })
  code!: string;

  @Field(() => String, { nullable: true, description: 'STRING fields.' })
  string?: string | null;

  @Field(() => Float, { nullable: true, description: 'NUMBER fields.' })
  number?: number | null;

  @Field(() => DateResolver, { nullable: true, description: 'DATE fields.' })
  date?: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'BOOLEAN fields.' })
  boolean?: boolean | null;

  @Field(() => [String], { nullable: true, description: 'Option codes: one for LIST, any number for MULTI_LIST.' })
  options?: string[] | null;
}

@InputType()
export class CustomFieldOptionInput {
  @Field({ description: 'Stable code, [A-Z0-9_], unique within the field.' })
  code!: string;

  @Field()
  label!: string;

  @Field(() => Int, { nullable: true })
  sort?: number;
}

@InputType()
export class CreateCustomFieldInput {
  @Field(() => CustomFieldEntity)
  entity!: CustomFieldEntity;

  @Field({ description: 'UF_ followed by A-Z, 0-9 or _; unique per entity; never changes.' })
  code!: string;

  @Field()
  label!: string;

  @Field(() => CustomFieldType)
  type!: CustomFieldType;

  @Field(() => Int, { nullable: true })
  sort?: number;

  @Field(() => Boolean, { nullable: true, description: 'Personal data (see CustomField.personal). Default: true for STRING fields, false for the others.' })
  personal?: boolean | null;

  @Field(() => [CustomFieldOptionInput], { nullable: true, description: 'Choices of a LIST or MULTI_LIST field.' })
  options?: CustomFieldOptionInput[];
}

@InputType()
export class UpdateCustomFieldInput {
  @Field(() => String, { nullable: true, description: 'A new label (the code never changes).' })
  label?: string;

  @Field(() => Int, { nullable: true })
  sort?: number;

  @Field(() => Boolean, { nullable: true, description: 'Marks the field as personal data, or not (see CustomField.personal).' })
  personal?: boolean | null;
}

@InputType()
export class UpdateCustomFieldOptionInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  label?: string;

  @Field(() => Int, { nullable: true })
  sort?: number;
}
