import type { Context } from '../request/context';
import { toGlobalId } from '../common/global-id';
import { UserError, UserErrorCode } from '../common/user-error';
import type { FieldDef } from '../filter/model/catalog';
import type { FilterGroup, FilterRule } from '../filter/language/tree';
import { loadCatalog } from './filtering/field-catalog';
import { SegmentKind } from './definition/segment.enums';
import { Segment } from './definition/segment.entity';

function rulesOf(group: FilterGroup | null | undefined): FilterRule[] {
  return (group?.rules ?? []).flatMap((node) => (node.group ? rulesOf(node.group) : node.rule ? [node.rule] : []));
}

/** How many of the segments in the way an IN_USE error lists (its count has them all). */
const LISTED_SEGMENTS = 20;

/**
 * Saved dynamic segments would break if a value their filters name disappeared (a reference item,
 * a pipeline, a stage, a custom field or option). Deleting such a value fails with IN_USE naming
 * them, the way the filter language promises. `uses` says whether one rule names the value.
 */
export async function segmentsInTheWay(ctx: Context, uses: (rule: FilterRule, def: FieldDef | undefined) => boolean, what: string): Promise<UserError[]> {
  const catalog = await loadCatalog(ctx.em);
  const segments = await ctx.em.find(Segment, { kind: SegmentKind.DYNAMIC }, { fields: ['key', 'name', 'filter'], orderBy: { name: 'asc' } });
  const using = segments.filter((s) => rulesOf(s.filter).some((rule) => uses(rule, catalog.get(rule.field))));
  if (!using.length) return [];
  const names =
    using
      .slice(0, 5)
      .map((s) => `"${s.name}"`)
      .join(', ') + (using.length > 5 ? ` and ${using.length - 5} more` : '');
  const error = UserError.of(['id'], UserErrorCode.IN_USE, `Saved segments ${names} use ${what} in their filters; change them first.`, using.length);
  error.segments = using.slice(0, LISTED_SEGMENTS).map((s) => ({ id: toGlobalId('Segment', s.key), name: s.name }));
  return [error];
}

/** A rule naming one of these codes (strings) or global ids (ids) of a listed field. */
export const names = (rule: FilterRule, values: string[]) => [...(rule.value?.strings ?? []), ...(rule.value?.ids ?? [])].some((v) => values.includes(v));
