import { assertAllowed, SignedIn } from '../auth/guards';
import { Scope } from '../auth/actor';
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

const CATALOG = [Scope.CRM_READ, Scope.SEGMENTS_READ];

/**
 * Who may read each node type by id. People's records (recipients' names and addresses) need
 * `crm:read`; what the filter builder shows (users, products, lists, pipelines) is readable with
 * segments too. A type not listed here is for administrators only: deny by default.
 */
const NODE_READERS: { [type: string]: Scope[] } = {
  Contact: [Scope.CRM_READ],
  Company: [Scope.CRM_READ],
  Lead: [Scope.CRM_READ],
  Deal: [Scope.CRM_READ],
  Order: [Scope.CRM_READ],
  Activity: [Scope.CRM_READ],
  Product: CATALOG,
  User: CATALOG,
  ReferenceItem: CATALOG,
  Pipeline: CATALOG,
  Stage: CATALOG,
  CustomField: CATALOG,
  Segment: [Scope.SEGMENTS_READ],
  SegmentVersion: [Scope.SEGMENTS_READ],
  StopListEntry: [Scope.RECIPIENTS_READ],
};

@Resolver()
export class NodeResolver {
  @SignedIn()
  @Query(() => Node, { nullable: true, description: 'Any object by its global id; null if there is none.' })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Record | null> {
    const decoded = fromGlobalId(id);
    const entity = decoded && nodeTypes.get(decoded.type);
    if (!decoded || !entity) return null;
    assertAllowed(ctx.actor, NODE_READERS[decoded.type] ?? [Scope.ADMIN]);
    return ctx.em.findOne(entity, { key: decoded.key } as FilterQuery<Record>);
  }

  @SignedIn()
  @Query(() => [Node], { description: 'Several objects by global id, in the order asked; null-free (unknown ids are left out).' })
  async nodes(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: Context): Promise<Record[]> {
    const found = await Promise.all(ids.slice(0, 500).map((id) => this.node(id, ctx)));
    return found.filter((n): n is Record => n !== null);
  }
}
