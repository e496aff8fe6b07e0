import type { EntityManager } from '@mikro-orm/core';

/** `new Entity()` with the given values, persisted on flush (keeps class defaults, unlike em.create typing). */
export function make<T extends object>(em: EntityManager, entity: new () => T, values: Partial<T>): T {
  const instance = Object.assign(new entity(), values);
  em.persist(instance);
  return instance;
}
