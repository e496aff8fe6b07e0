import { Field, ID, InterfaceType } from 'type-graphql';

/**
 * Relay's Node: every object with an `id` that `node(id:)` can fetch back. The concrete type is
 * the entity's class name, which is also its GraphQL type name and the prefix of its global id.
 */
@InterfaceType({
  description: 'An object with a global id (type + key) that `node(id:)` resolves.',
  resolveType: (value: object) => value.constructor.name,
})
export abstract class Node {
  @Field(() => ID, { description: 'Global id: opaque, stable, unique across all types.' })
  id!: string;
}
