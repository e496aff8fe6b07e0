import type { Field, MatchMode, OptionGroup } from 'react-querybuilder';
import type { EditorSegmentFieldsQuery, FilterScope } from '@/graphql/gql/graphql';
import { SCOPE_OPERATOR, scopeFieldName } from './conversion';

/** One entry of `segmentFields`: the API's catalog is the only source of fields, operators and listed values. */
export type CatalogField = EditorSegmentFieldsQuery['segmentFields'][number];

/** What the builder is made of, all from the API: the fields, the families they are grouped in, the scopes of related records. */
export type Catalog = Pick<EditorSegmentFieldsQuery, 'segmentFields' | 'fieldFamilies' | 'segmentScopes'>;

/** A react-querybuilder field with its catalog entry, which the value editors read. */
export interface BuilderField extends Field {
  catalog?: CatalogField;
  /** The scope of a match-mode field (`@DEALS`). */
  matchScope?: FilterScope;
}

export interface FieldLabels {
  /** The group of match-mode fields ("Related records"). */
  related: string;
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
export function buildFields(catalog: Catalog, labels: FieldLabels, access: FieldAccess = { mayUsePersonal: true }): Array<OptionGroup<BuilderField>> {
  const fields = catalog.segmentFields;
  const related: BuilderField[] = catalog.segmentScopes
    .filter(({ scope }) => fields.some((field) => field.scope === scope))
    .map(({ scope, label }) => ({
      name: scopeFieldName(scope),
      value: scopeFieldName(scope),
      label,
      matchScope: scope,
      matchModes: MATCH_MODES.map((mode) => ({ name: mode, value: mode, label: labels.matchMode(mode) })),
      operators: [{ name: SCOPE_OPERATOR, value: SCOPE_OPERATOR, label: '' }],
      defaultOperator: SCOPE_OPERATOR,
      subproperties: fields.filter((field) => field.scope === scope).map((field) => toBuilderField(field, labels, access)),
    }));
  const groupOf = (family: Catalog['fieldFamilies'][number]): OptionGroup<BuilderField> => ({
    label: family.label,
    options: fields.filter((field) => field.family === family.id).map((field) => toBuilderField(field, labels, access)),
  });
  // The member's own families, then "related records", then the families of one related record.
  const own = catalog.fieldFamilies.filter((family) => !family.scope).map(groupOf);
  const ofRelated = catalog.fieldFamilies.filter((family) => family.scope).map(groupOf);
  return [...own, ...(related.length ? [{ label: labels.related, options: related }] : []), ...ofRelated].filter((group) => group.options.length > 0);
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
