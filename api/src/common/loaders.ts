import type { EntityName, FilterQuery } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import DataLoader from 'dataloader';

/**
 * Request-scoped batching: lookups made in the same tick become one `IN (...)` query. Used by
 * field resolvers (custom field values of a page of contacts) and by bulk writes (resolving the
 * references of thousands of rows with a handful of queries).
 */
export class Loaders {
  private readonly cache = new Map<string, DataLoader<unknown, unknown>>();

  /** `em` may be given as a function: the request's entity manager is then forked only when a loader first loads. */
  constructor(private readonly emOrFork: SqlEntityManager | (() => SqlEntityManager)) {}

  private get em(): SqlEntityManager {
    return typeof this.emOrFork === 'function' ? this.emOrFork() : this.emOrFork;
  }

  /** Loads entities by a unique property (`key`, `externalId`...); missing ones resolve to null. */
  byProperty<T extends object, K extends string | number>(entity: EntityName<T>, property: string): DataLoader<K, T | null> {
    const name = `${typeof entity === 'string' ? entity : (entity as { name: string }).name}.${property}`;
    return this.get(name, async (keys: readonly K[]) => {
      const rows = await this.em.find(entity, { [property]: { $in: [...keys] } } as FilterQuery<T>);
      const byKey = new Map(rows.map((row) => [(row as Record<string, unknown>)[property], row]));
      return keys.map((key) => byKey.get(key) ?? null);
    });
  }

  /** Loads the children of many owners at once (`mappedBy` = the children's reference to the owner). */
  manyByProperty<T extends object>(entity: EntityName<T>, mappedBy: string, orderBy?: unknown): DataLoader<number, T[]> {
    const name = `${typeof entity === 'string' ? entity : (entity as { name: string }).name}.${mappedBy}[]`;
    return this.get(name, async (keys: readonly number[]) => {
      const rows = await this.em.find(entity, { [mappedBy]: { $in: [...keys] } } as FilterQuery<T>, { orderBy: (orderBy ?? { key: 'asc' }) as never });
      const byOwner = new Map<number, T[]>(keys.map((k) => [k, []]));
      for (const row of rows) {
        const owner = (row as Record<string, unknown>)[mappedBy] as { key?: number } | null;
        if (owner?.key !== undefined) byOwner.get(owner.key)?.push(row);
      }
      return keys.map((key) => byOwner.get(key) ?? []);
    });
  }

  /** A named loader built once per request. */
  get<K, V>(name: string, batch: (keys: readonly K[]) => Promise<ReadonlyArray<V | Error>>): DataLoader<K, V> {
    let loader = this.cache.get(name);
    if (!loader) {
      // 500 keeps every IN list well under SQLite's and PostgreSQL's bind-parameter limits.
      loader = new DataLoader(batch as (keys: readonly unknown[]) => Promise<readonly unknown[]>, { maxBatchSize: 500 });
      this.cache.set(name, loader);
    }
    return loader as DataLoader<K, V>;
  }
}
