import { Entity, ManyToOne, PrimaryKey, PrimaryKeyProp, Property, type Ref } from '@mikro-orm/core';
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { toGlobalId } from '../common/global-id';
// The stored-record base class, named apart from TypeScript's Record<K, V>.
import type { Record as StoredRecord } from '../common/record.entity';
import type { Order } from './order.entity';
import { Product } from './product.entity';

/** A line of a deal or an order: which product, how many, at what price. */
@ObjectType({ description: 'A product line of a deal or an order.' })
@Entity({ tableName: 'product_row' })
export class ProductRow {
  /** The key property is `key` (the `id` getter is the GraphQL global id): tell MikroORM's types. */
  [PrimaryKeyProp]?: 'key';

  @PrimaryKey({ fieldName: 'id', type: 'integer', autoincrement: true })
  key!: number;

  @Field(() => ID)
  get id(): string {
    return toGlobalId('ProductRow', this.key);
  }

  @ManyToOne({ entity: 'Product', ref: true })
  product!: Ref<Product>;

  // The deal is named by entity name and typed as any stored record: deals/ imports this entity
  // (a deal's rows), so it imports nothing from deals/.
  @ManyToOne({ entity: 'Deal', ref: true, nullable: true, deleteRule: 'cascade' })
  deal?: Ref<StoredRecord> | null;

  @ManyToOne({ entity: 'Order', ref: true, nullable: true, deleteRule: 'cascade' })
  order?: Ref<Order> | null;

  @Field(() => Float)
  @Property({ type: 'double' })
  quantity: number = 1;

  @Field(() => Float)
  @Property({ type: 'double' })
  price: number = 0;

  @Field(() => Product, { name: 'product' })
  productField(): Promise<Product> {
    return this.product.load() as Promise<Product>;
  }
}
