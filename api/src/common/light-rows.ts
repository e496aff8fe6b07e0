import { ReferenceKind, type EntityMetadata } from '@mikro-orm/core';
import { itemAt } from '../lib/indexed';
import type { Loaders } from './loaders';

/**
 * Page rows as instances of the entity class without going through MikroORM's entity factory,
 * which costs ~80 µs a row (per-instance change-tracking accessors, identity map, snapshots) and
 * dominated the time of a 50-row page. Values are own data properties; a many-to-one is a small
 * reference whose `load()` goes through the request's batching loader, so relation fields still
 * cost one query per page. Only for reading: these objects are never flushed.
 */
/** Whether the prototype chain defines `name` as an accessor (MikroORM's relation wrappers): then only defineProperty makes an own value. */
function hasAccessor(prototype: object | null, name: string): boolean {
  for (let at = prototype; at && at !== Object.prototype; at = Object.getPrototypeOf(at) as object | null) {
    const descriptor = Object.getOwnPropertyDescriptor(at, name);
    if (descriptor) return descriptor.get !== undefined || descriptor.set !== undefined || !descriptor.writable;
  }
  return false;
}

interface LightProperty {
  prop: EntityMetadata['props'][number];
  /** Set with defineProperty (shadowing an accessor) rather than by assignment (much faster). */
  define: boolean;
}

/** What a light row is built from, worked out once per entity. */
const plans = new WeakMap<EntityMetadata, { props: Array<LightProperty & { column: string }>; collections: LightProperty[] }>();

function planOf(meta: EntityMetadata) {
  let plan = plans.get(meta);
  if (!plan) {
    const prototype = meta.class.prototype as object;
    const light = (prop: EntityMetadata['props'][number]) => ({ prop, define: hasAccessor(prototype, prop.name) });
    plan = {
      props: meta.props
        .filter((p) => p.fieldNames?.length === 1 && (p.kind === ReferenceKind.SCALAR || p.kind === ReferenceKind.MANY_TO_ONE))
        .map((p) => ({ ...light(p), column: itemAt(p.fieldNames, 0) })),
      collections: meta.props.filter((p) => p.kind === ReferenceKind.ONE_TO_MANY && p.mappedBy).map(light),
    };
    plans.set(meta, plan);
  }
  return plan;
}

function setOwn(entity: Record<string, unknown>, { prop, define }: LightProperty, value: unknown): void {
  if (define) Object.defineProperty(entity, prop.name, { value, writable: true, enumerable: true, configurable: true });
  else entity[prop.name] = value;
}

export function lightEntities<T extends object>(meta: EntityMetadata, rows: Array<Record<string, unknown>>, loaders: Loaders, sqlite: boolean): T[] {
  const plan = planOf(meta);
  // The statement selects the same columns for every row: the properties present are those of the first.
  const [first] = rows;
  const props = first ? plan.props.filter(({ column }) => column in first) : [];
  return rows.map((row) => {
    const entity = Object.create(meta.class.prototype as object) as Record<string, unknown>;
    for (const light of props) {
      const prop = light.prop;
      let value = row[light.column];
      if (prop.kind === ReferenceKind.MANY_TO_ONE) {
        value = value == null ? null : lazyReference(loaders, prop.type, Number(value));
      } else if (value != null && prop.runtimeType === 'Date' && !(value instanceof Date)) {
        value = new Date(value as number);
      } else if (value != null && prop.runtimeType === 'boolean' && sqlite) {
        value = Boolean(value);
      }
      setOwn(entity, light, value);
    }
    // One-to-many collections (a contact's communications) load through a batching loader too.
    for (const light of plan.collections) {
      const prop = light.prop;
      setOwn(entity, light, lazyCollection(loaders, prop.type, prop.mappedBy, Number(entity.key), prop.orderBy));
    }
    return entity as T;
  });
}

function lazyReference(loaders: Loaders, entityName: string, key: number) {
  return {
    key,
    load: () => loaders.byProperty(entityName, 'key').load(key),
    getEntity: () => {
      throw new Error('A light reference has no loaded entity; call load().');
    },
  };
}

function lazyCollection(loaders: Loaders, entityName: string, mappedBy: string, ownerKey: number, orderBy: unknown) {
  return {
    load: async () => {
      const items = await loaders.manyByProperty(entityName, mappedBy, orderBy).load(ownerKey);
      return { getItems: () => items };
    },
  };
}
