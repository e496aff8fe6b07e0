import { Entity, ManyToOne, PrimaryKey, PrimaryKeyProp, Property, type Ref } from '@mikro-orm/core';
import type { CustomFieldOption } from './custom-field-option.entity';
import type { CustomField } from './custom-field.entity';

/**
 * Typed storage of custom field values: one row per value, in the column of its type (a
 * multi-list has one row per chosen option). `recordId` is the key of the contact, company, lead
 * or deal the field's entity names. Indexed per typed column (see the migration).
 */
@Entity({ tableName: 'custom_field_value' })
export class CustomFieldValue {
  /** The key property is `key` (the `id` getter is the GraphQL global id): tell MikroORM's types. */
  [PrimaryKeyProp]?: 'key';

  @PrimaryKey({ fieldName: 'id', type: 'integer', autoincrement: true })
  key!: number;

  @ManyToOne({ entity: 'CustomField', ref: true, deleteRule: 'cascade' })
  field!: Ref<CustomField>;

  @Property({ type: 'integer' })
  recordId!: number;

  @Property({ type: 'string', length: 1000, nullable: true })
  stringValue?: string | null;

  @Property({ type: 'string', length: 1000, nullable: true })
  stringFolded?: string | null;

  @Property({ type: 'double', nullable: true })
  numberValue?: number | null;

  @Property({ type: 'date', nullable: true })
  dateValue?: string | null;

  @Property({ type: 'boolean', nullable: true })
  booleanValue?: boolean | null;

  @ManyToOne({ entity: 'CustomFieldOption', ref: true, nullable: true, deleteRule: 'cascade' })
  option?: Ref<CustomFieldOption> | null;
}
