import { Entity, ManyToOne, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../common/node';
import { Record } from '../common/record.entity';
import { Pipeline } from './pipeline.entity';

/** What reaching a stage means; copied onto each deal so "has a won deal" is an index lookup. */
export enum StageSemantic {
  IN_PROGRESS = 'IN_PROGRESS',
  WON = 'WON',
  LOST = 'LOST',
}
registerEnumType(StageSemantic, { name: 'StageSemantic' });

@ObjectType({ implements: Node, description: 'A stage of a pipeline: in progress, won or lost.' })
@Entity({ tableName: 'stage' })
@Unique({ properties: ['pipeline', 'code'] })
export class Stage extends Record {
  @ManyToOne({ entity: 'Pipeline', ref: true, deleteRule: 'cascade' })
  pipeline!: Ref<Pipeline>;

  @Field({ description: 'Stable code, unique within the pipeline (e.g. "WON").' })
  @Property({ type: 'string', length: 64 })
  code!: string;

  @Field()
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  sort: number = 0;

  @Field(() => StageSemantic)
  @Property({ type: 'string', length: 16 })
  semantic: StageSemantic = StageSemantic.IN_PROGRESS;

  @Field(() => Pipeline, { name: 'pipeline' })
  async pipelineField(): Promise<Pipeline> {
    return this.pipeline.load() as Promise<Pipeline>;
  }
}
