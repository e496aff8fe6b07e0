import { BeforeCreate, BeforeUpdate, Entity, PrimaryKey, OptionalProps, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { toGlobalId } from './global-id';

/**
 * What every stored object has. The database key is `key` in code (column `id`); the GraphQL `id`
 * is the Relay global id built from the class name, which is also the GraphQL type name.
 */
@ObjectType()
@Entity({ abstract: true })
export abstract class Record {
  /** The key property is `key` (the `id` getter is the GraphQL global id): tell MikroORM's types. */
  [PrimaryKeyProp]?: 'key';
  /** `id` is computed, never written: inserts leave it out. */
  [OptionalProps]?: 'id';

  @PrimaryKey({ fieldName: 'id', type: 'integer', autoincrement: true })
  key!: number;

  @Field(() => ID, { description: 'Global id: opaque, stable, unique across all types.' })
  get id(): string {
    return toGlobalId(this.constructor.name, this.key);
  }

  @Field(() => DateTimeResolver)
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => DateTimeResolver)
  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  /** Fills derived columns (`*_folded` text twins, birthday MMDD) before every write. */
  protected deriveColumns(): void {
    // Most records derive nothing; those with folded or derived columns override this.
  }

  @BeforeCreate()
  @BeforeUpdate()
  protected beforeWrite(): void {
    this.deriveColumns();
  }
}
