import type { ListFilter, ListFilterOptions } from '../../records/crud.resolver';
import { toFilterTree } from '../../filter/language/tree';
import { FilterGroupInput } from './filter.inputs';
import { countMembers, preparedOrThrow, type PreparedFilter } from './query';

/**
 * `filter:` on a CRM list: the segment filter language over the list's own records (contacts as
 * contacts, deals as deals with the DEALS fields).
 */
export function listFilter(options: ListFilterOptions): ListFilter<PreparedFilter> {
  const { source, member, memberScope } = options;
  return {
    input: FilterGroupInput,
    prepare: (ctx, filter, timeZone) => preparedOrThrow(ctx, { tree: toFilterTree(filter), source, members: [member], memberScope, timeZone }),
    predicate: (prepared) => prepared.predicates.get(member),
    count: countMembers,
  };
}
