import type { EntityClass, FilterQuery } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';

/** "The rows of `entity` whose `owner` is `ownerKey` (and that match `also`) become `rows`." */
export interface Replacement {
  entity: EntityClass<object>;
  owner: string;
  ownerKey: number;
  /** Further delete criteria, e.g. only the custom fields the input named. */
  also?: Record<string, unknown>;
  rows: object[];
}

// Keeps every IN list and multi-row insert well under both engines' bind-parameter limits.
const CHUNK = 500;

/**
 * Child rows of a batch of records (communications, custom values, product rows), gathered while
 * the records are written and stored in a few statements for the whole batch, not a delete and
 * an insert per record.
 */
export class ChildWrites {
  private readonly groups = new Map<string, { entity: EntityClass<object>; owner: string; also?: Record<string, unknown>; keys: number[]; rows: object[] }>();

  replace(r: Replacement): void {
    const id = `${r.entity.name}\u0000${r.owner}\u0000${JSON.stringify(r.also ?? {})}`;
    const group = this.groups.get(id) ?? { entity: r.entity, owner: r.owner, also: r.also, keys: [], rows: [] };
    group.keys.push(r.ownerKey);
    group.rows.push(...r.rows);
    this.groups.set(id, group);
  }

  async flush(em: SqlEntityManager): Promise<void> {
    for (const group of this.groups.values()) {
      for (let i = 0; i < group.keys.length; i += CHUNK) {
        const where = { [group.owner]: { $in: group.keys.slice(i, i + CHUNK) }, ...group.also } as FilterQuery<object>;
        await em.nativeDelete(group.entity, where);
      }
      for (let i = 0; i < group.rows.length; i += CHUNK) await em.insertMany(group.entity, group.rows.slice(i, i + CHUNK));
    }
    this.groups.clear();
  }
}
