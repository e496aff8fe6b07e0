import { Collection, Entity, OneToMany, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../common/node';
import { Record } from '../common/record.entity';
import { Stage } from './stage.entity';

@ObjectType({ implements: Node, description: 'A deal pipeline ("funnel") with ordered stages.' })
@Entity({ tableName: 'pipeline' })
export class Pipeline extends Record {
  @Field()
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  sort: number = 0;

  @Field()
  @Property({ type: 'boolean' })
  isDefault: boolean = false;

  @OneToMany(() => Stage, (stage) => stage.pipeline, { orderBy: { sort: 'asc', key: 'asc' } })
  stages = new Collection<Stage>(this);

  @Field(() => [Stage], { name: 'stages', description: 'Stages in order.' })
  async stageList(): Promise<Stage[]> {
    return (await this.stages.load()).getItems();
  }
}
