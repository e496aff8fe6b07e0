import { Entity, ManyToOne, PrimaryKey, PrimaryKeyProp, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { toGlobalId } from '../common/global-id';
import type { CustomField } from './custom-field.entity';

@ObjectType({ description: 'One choice of a LIST or MULTI_LIST custom field.' })
@Entity({ tableName: 'custom_field_option' })
@Unique({ properties: ['field', 'code'] })
export class CustomFieldOption {
  /** The key property is `key` (the `id` getter is the GraphQL global id): tell MikroORM's types. */
  [PrimaryKeyProp]?: 'key';

  @PrimaryKey({ fieldName: 'id', type: 'integer', autoincrement: true })
  key!: number;

  @Field(() => ID)
  get id(): string {
    return toGlobalId('CustomFieldOption', this.key);
  }

  @ManyToOne({ entity: 'CustomField', ref: true, deleteRule: 'cascade' })
  field!: Ref<CustomField>;

  @Field({ description: 'Stable code used in filters and imports.' })
  @Property({ type: 'string', length: 64 })
  code!: string;

  @Field()
  @Property({ type: 'string', length: 200 })
  label!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  sort: number = 0;
}
