import { Collection, Entity, OneToMany, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../common/node';
import { Record } from '../common/record.entity';
import { CustomFieldOption } from './custom-field-option.entity';
import { CustomFieldEntity, CustomFieldType } from './custom-field.enums';

@ObjectType({ implements: Node, description: 'A field an admin added to contacts, companies, leads or deals.' })
@Entity({ tableName: 'custom_field' })
@Unique({ properties: ['entity', 'code'] })
export class CustomField extends Record {
  @Field(() => CustomFieldEntity)
  @Property({ type: 'string', length: 16 })
  entity!: CustomFieldEntity;

  @Field({ description: 'UF_ + [A-Z0-9_], chosen at creation, never changes; filters use it (custom.<entity>.<code>).' })
  @Property({ type: 'string', length: 64 })
  code!: string;

  @Field()
  @Property({ type: 'string', length: 200 })
  label!: string;

  @Field(() => CustomFieldType)
  @Property({ type: 'string', length: 16 })
  type!: CustomFieldType;

  @Field(() => Int)
  @Property({ type: 'integer' })
  sort: number = 0;

  @Field({
    description:
      'Personal data (a salary, an anniversary, a note about the person): callers without crm:read may not filter on it, and its small counts are reported as "fewer than". STRING fields are personal unless an admin says otherwise; other types only when marked.',
  })
  @Property({ type: 'boolean', default: false })
  personal: boolean = false;

  @OneToMany(() => CustomFieldOption, (o) => o.field, { orderBy: { sort: 'asc', key: 'asc' } })
  options = new Collection<CustomFieldOption>(this);

  @Field(() => [CustomFieldOption], { name: 'options', description: 'The choices of a LIST or MULTI_LIST field, in order.' })
  async optionList(): Promise<CustomFieldOption[]> {
    return (await this.options.load()).getItems();
  }
}
