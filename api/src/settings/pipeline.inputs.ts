import { Field, InputType, Int } from 'type-graphql';
import { StageSemantic } from '../deals/stage.entity';

@InputType()
export class StageInput {
  @Field({ description: 'Stable code, letters, digits or _ (at most 64), unique within the pipeline.' })
  code!: string;

  @Field() name!: string;

  @Field(() => StageSemantic, { defaultValue: StageSemantic.IN_PROGRESS })
  semantic: StageSemantic = StageSemantic.IN_PROGRESS;

  @Field(() => Int, { nullable: true, description: 'Position; default after the last stage.' })
  sort?: number;
}

@InputType()
export class CreatePipelineInput {
  @Field() name!: string;
  @Field(() => Int, { nullable: true }) sort?: number;
  @Field(() => Boolean, { nullable: true, description: 'Deals created without a pipeline go to the default one.' }) isDefault?: boolean;

  @Field(() => [StageInput], { nullable: true, description: 'Stages in order; default: New (in progress), Won, Lost.' })
  stages?: StageInput[];
}

@InputType()
export class UpdatePipelineInput {
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => Int, { nullable: true }) sort?: number;
  @Field(() => Boolean, { nullable: true }) isDefault?: boolean;
}

@InputType()
export class UpdateStageInput {
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => Int, { nullable: true }) sort?: number;

  @Field(() => StageSemantic, { nullable: true, description: 'Deals in the stage follow (their stage semantic is updated).' })
  semantic?: StageSemantic;
}
