import type { SqlEntityManager } from '@mikro-orm/knex';
import { keyOf } from '../../common/global-id';
import { CustomFieldOption } from '../../custom-fields/custom-field-option.entity';
import { Pipeline } from '../../deals/pipeline.entity';
import { Stage } from '../../deals/stage.entity';
import { crmValues } from '../../records/crm-field';
import type { ValuesSource } from '../../filter/model/catalog';
import type { ValueResolver } from '../../filter/resolution/resolve';
import { Product } from '../../products/product.entity';
import { Segment } from '../definition/segment.entity';
import { ReferenceItem } from '../../reference-lists/reference-item.entity';
import { User } from '../../users/user.entity';

const BY_GLOBAL_ID = { users: User, products: Product, pipelines: Pipeline, stages: Stage, segments: Segment } as const;

/**
 * Resolves the values of listed fields for the filter engine: reference codes and custom option
 * codes to keys, global ids to the keys of records that exist. One query per kind of list.
 */
/** `em` may be a function: the request's entity manager is then forked only for a filter with such values. */
export function valueResolver(emOrFork: SqlEntityManager | (() => SqlEntityManager)): ValueResolver {
  return async (engineSource: ValuesSource, raw: string[]) => {
    const source = crmValues(engineSource);
    const em = typeof emOrFork === 'function' ? emOrFork() : emOrFork;
    const found = new Map<string, number | string>();
    switch (source.kind) {
      case 'static':
        for (const option of source.options) if (raw.includes(option.value)) found.set(option.value, option.value);
        break;
      case 'reference':
        for (const item of await em.find(ReferenceItem, { list: source.list, code: { $in: raw } })) found.set(item.code, item.key);
        break;
      case 'customOptions':
        for (const option of await em.find(CustomFieldOption, { field: source.fieldKey, code: { $in: raw } })) found.set(option.code, option.key);
        break;
      default: {
        const entity = BY_GLOBAL_ID[source.kind];
        const keys = new Map(raw.map((id) => [keyOf(id, entity.name), id]));
        const wanted = [...keys.keys()].filter((k): k is number => k !== null);
        const rows = wanted.length ? await em.find(entity as typeof User, { key: { $in: wanted } }, { fields: ['key'] }) : [];
        for (const row of rows) found.set(keys.get(row.key)!, row.key);
      }
    }
    return found;
  };
}
