import { assertAllowed, SignedIn } from './request/guards';
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { NODE_TYPES } from './domains';
import type { NodeType } from './records/node-type';
import type { Context } from './request/context';
import { fromGlobalId } from './common/global-id';
import { Node } from './common/node';
import { Record } from './common/record.entity';

const nodeTypes: ReadonlyMap<string, NodeType> = new Map(Object.entries(NODE_TYPES));

@Resolver()
export class NodeResolver {
  @SignedIn()
  @Query(() => Node, { nullable: true, description: 'Any object by its global id; null if there is none.' })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Record | null> {
    const decoded = fromGlobalId(id);
    const type = decoded && nodeTypes.get(decoded.type);
    if (!decoded || !type) return null;
    assertAllowed(ctx.actor, type.readers);
    return ctx.em.findOne(type.entity, { key: decoded.key });
  }

  @SignedIn()
  @Query(() => [Node], { description: 'Several objects by global id, in the order asked; null-free (unknown ids are left out).' })
  async nodes(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: Context): Promise<Record[]> {
    const found = await Promise.all(ids.slice(0, 500).map((id) => this.node(id, ctx)));
    return found.filter((n): n is Record => n !== null);
  }
}
