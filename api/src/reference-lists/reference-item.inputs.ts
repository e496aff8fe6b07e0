import { Field, InputType, Int } from 'type-graphql';
import { LeadStatusSemantic, ReferenceList } from './reference-item.entity';

@InputType()
export class AddReferenceItemInput {
  @Field(() => ReferenceList) list!: ReferenceList;

  @Field({ description: 'Stable code: letters, digits, _ . : - (at most 64); unique within the list.' })
  code!: string;

  @Field() label!: string;

  @Field(() => Int, { nullable: true, description: 'Position; default after the last item.' })
  sort?: number;

  @Field(() => LeadStatusSemantic, { nullable: true, description: 'LEAD_STATUS only (default IN_PROGRESS).' })
  semantic?: LeadStatusSemantic;
}

@InputType()
export class UpdateReferenceItemInput {
  @Field(() => String, { nullable: true, description: 'A new label; the code never changes.' })
  label?: string;

  @Field(() => Int, { nullable: true }) sort?: number;

  @Field(() => LeadStatusSemantic, { nullable: true, description: 'LEAD_STATUS only; leads in the status follow.' })
  semantic?: LeadStatusSemantic;
}
