import { DateResolver } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { Combinator, DateUnit, FilterOperator, Quantifier } from '../../filter/language/filter.enums';
import { FilterScope } from '../../common/crm-enums';

@InputType({ description: 'Inclusive bounds; either may be null (open).' })
export class NumberRangeInput {
  @Field(() => Float, { nullable: true }) min?: number | null;
  @Field(() => Float, { nullable: true }) max?: number | null;
}

@InputType({ description: 'Inclusive calendar days in the evaluation time zone; either may be null (open).' })
export class DateRangeInput {
  @Field(() => DateResolver, { nullable: true }) from?: Date | null;
  @Field(() => DateResolver, { nullable: true }) to?: Date | null;
}

@InputType({ description: '"30 DAY" = from the start of the day 30 days ago (WITHIN_LAST) / before it (MORE_THAN_AGO).' })
export class RelativeDateInput {
  @Field(() => Int) amount!: number;
  @Field(() => DateUnit) unit!: DateUnit;
}

@InputType({ description: 'Exactly one slot, the one that fits the field type and operator; none for IS_EMPTY / IS_NOT_EMPTY.' })
export class FilterValueInput {
  @Field(() => String, { nullable: true }) string?: string | null;
  @Field(() => [String], { nullable: true, description: 'Several strings, or stable codes of enum / reference / list values.' }) strings?: string[] | null;
  @Field(() => Float, { nullable: true }) number?: number | null;
  @Field(() => NumberRangeInput, { nullable: true }) numberRange?: NumberRangeInput | null;
  @Field(() => DateResolver, { nullable: true }) date?: Date | null;
  @Field(() => DateRangeInput, { nullable: true }) dateRange?: DateRangeInput | null;
  @Field(() => RelativeDateInput, { nullable: true }) relative?: RelativeDateInput | null;
  @Field(() => Boolean, { nullable: true }) boolean?: boolean | null;
  @Field(() => [ID], { nullable: true, description: 'Global ids of users, products, pipelines, stages, segments.' }) ids?: string[] | null;
}

@InputType({ description: 'One condition: a catalog field, an operator, and a value.' })
export class FilterRuleInput {
  @Field({ description: 'A field id from segmentFields, e.g. "client.city", "deal.stage", "custom.deal.UF_MEMBERSHIP_TYPE".' })
  field!: string;

  @Field(() => FilterOperator)
  operator!: FilterOperator;

  @Field(() => FilterValueInput, { nullable: true })
  value?: FilterValueInput | null;
}

// Declared before FilterNodeInput: the two refer to each other, and the group must exist first.
@InputType({ description: 'A group of rules joined by AND / OR; with a scope, its rules test one related record (quantified).' })
export class FilterGroupInput {
  @Field(() => Combinator, { defaultValue: Combinator.AND })
  combinator: Combinator = Combinator.AND;

  @Field(() => Boolean, { defaultValue: false, description: 'Negates the whole group (its exact complement over the members).' })
  not: boolean = false;

  @Field(() => FilterScope, { nullable: true, description: 'null = the member itself; DEALS, PURCHASES, ORDERS, ACTIVITIES = one related record.' })
  scope?: FilterScope | null;

  @Field(() => Quantifier, { nullable: true, description: 'Only with a scope; default SOME.' })
  quantifier?: Quantifier | null;

  @Field(() => Int, { nullable: true, description: 'With AT_LEAST, AT_MOST, EXACTLY.' })
  threshold?: number | null;

  @Field(() => [FilterNodeInput], { description: 'At least one, except in a scoped group ("has no deal").' })
  rules!: FilterNodeInput[];
}

@InputType({ description: 'Exactly one of a rule or a nested group.' })
export class FilterNodeInput {
  @Field(() => FilterRuleInput, { nullable: true }) rule?: FilterRuleInput | null;
  @Field(() => FilterGroupInput, { nullable: true }) group?: FilterGroupInput | null;
}
