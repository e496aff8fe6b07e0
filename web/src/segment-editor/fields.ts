import type { Field, MatchMode, OptionGroup } from 'react-querybuilder';
import type { EditorSegmentFieldsQuery, FilterScope } from '@/graphql/gql/graphql';
import { SCOPE_OPERATOR, SCOPES, scopeFieldName } from './conversion';

/** One entry of `segmentFields`: the API's catalog is the only source of fields, operators and listed values. */
export type CatalogField = EditorSegmentFieldsQuery['segmentFields'][number];

/** A react-querybuilder field with its catalog entry, which the value editors read. */
export interface BuilderField extends Field {
  catalog?: CatalogField;
  /** The scope of a match-mode field (`@DEALS`). */
  matchScope?: FilterScope;
}

/** Families in display order; a field's family is its id's first part (`custom.contact.X` -> custom). */
export const FAMILIES = ['client', 'contact', 'company', 'lead', 'segment', 'custom', 'deal', 'purchase', 'order', 'activity'] as const;
export type Family = (typeof FAMILIES)[number];

export function familyOf(fieldId: string): Family {
  const first = fieldId.split('.')[0] as Family;
  return (FAMILIES as readonly string[]).includes(first) ? first : 'client';
}

export interface FieldLabels {
  family: (family: Family | 'related') => string;
  scope: (scope: FilterScope) => string;
  operator: (operator: string) => string;
  matchMode: (mode: MatchMode) => string;
}

const MATCH_MODES: MatchMode[] = ['some', 'none', 'all', 'atLeast', 'atMost', 'exactly'];

/**
 * `mayUsePersonal`: the viewer holds crm:read. Without it the API refuses personal fields
 * (FIELD_NOT_ALLOWED), so they stay listed, to read saved filters, but cannot be chosen.
 */
export interface FieldAccess {
  mayUsePersonal: boolean;
}

function toBuilderField(field: CatalogField, labels: FieldLabels, access: FieldAccess): BuilderField {
  return {
    name: field.id,
    value: field.id,
    label: field.label,
    disabled: field.personal && !access.mayUsePersonal,
    operators: field.operators.map((operator) => ({ name: operator, value: operator, label: labels.operator(operator) })),
    defaultOperator: field.operators[0],
    catalog: field,
  };
}

/**
 * The builder's fields: the member's own fields grouped by family; "related records" as match-mode
 * fields, one per scope the catalog has ("has some / no / … deals where …", whose subproperties are
 * that scope's fields); and each scope's fields on their own too, since a bare `deal.*` rule in an
 * AND group means "some deal where" (the API gathers them) and saved filters may hold such rules.
 */
export function buildFields(catalog: ReadonlyArray<CatalogField>, labels: FieldLabels, access: FieldAccess = { mayUsePersonal: true }): OptionGroup<BuilderField>[] {
  const byFamily = new Map<Family, BuilderField[]>();
  for (const field of catalog) {
    const family = familyOf(field.id);
    byFamily.set(family, [...(byFamily.get(family) ?? []), toBuilderField(field, labels, access)]);
  }
  const related: BuilderField[] = SCOPES.filter((scope) => catalog.some((field) => field.scope === scope)).map((scope) => ({
    name: scopeFieldName(scope),
    value: scopeFieldName(scope),
    label: labels.scope(scope),
    matchScope: scope,
    matchModes: MATCH_MODES.map((mode) => ({ name: mode, value: mode, label: labels.matchMode(mode) })),
    operators: [{ name: SCOPE_OPERATOR, value: SCOPE_OPERATOR, label: '' }],
    defaultOperator: SCOPE_OPERATOR,
    subproperties: catalog.filter((field) => field.scope === scope).map((field) => toBuilderField(field, labels, access)),
  }));
  const groups: OptionGroup<BuilderField>[] = [];
  const memberFamilies = FAMILIES.filter((family) => !['deal', 'purchase', 'order', 'activity'].includes(family));
  for (const family of memberFamilies) {
    const options = byFamily.get(family);
    if (options?.length) groups.push({ label: labels.family(family), options });
  }
  if (related.length) groups.push({ label: labels.family('related'), options: related });
  for (const family of ['deal', 'purchase', 'order', 'activity'] as const) {
    const options = byFamily.get(family);
    if (options?.length) groups.push({ label: labels.family(family), options });
  }
  return groups;
}

/** Every field by name (match fields and their subproperties included), for the value editors. */
export function indexFields(groups: ReadonlyArray<OptionGroup<BuilderField>>): Map<string, BuilderField> {
  const index = new Map<string, BuilderField>();
  for (const group of groups) {
    for (const field of group.options) {
      index.set(field.name, field);
      for (const sub of (field.subproperties as BuilderField[] | undefined) ?? []) if (!index.has(sub.name)) index.set(sub.name, sub);
    }
  }
  return index;
}
