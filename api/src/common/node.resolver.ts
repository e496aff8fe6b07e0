import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { entities } from '../db/entities';
import type { Context } from './context';
import { fromGlobalId } from './global-id';
import { Node } from './node';
import { Record } from './record.entity';

/** Concrete node types by name: every entity that is a Record (abstract bases excluded). */
const nodeTypes = new Map(
  entities
    .filter((e) => e.prototype instanceof Record && !(e.name === 'AuditedRecord'))
    .map((e) => [e.name, e as unknown as new () => Record]),
);

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its global id; null if there is none.' })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Record | null> {
    const decoded = fromGlobalId(id);
    const entity = decoded && nodeTypes.get(decoded.type);
    if (!decoded || !entity) return null;
    return ctx.em.findOne(entity, { key: decoded.key } as FilterQuery<Record>);
  }

  @Query(() => [Node], { description: 'Several objects by global id, in the order asked; null-free (unknown ids are left out).' })
  async nodes(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: Context): Promise<Record[]> {
    const found = await Promise.all(ids.slice(0, 500).map((id) => this.node(id, ctx)));
    return found.filter((n): n is Record => n !== null);
  }
}
