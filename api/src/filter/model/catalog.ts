import type { ColumnKind, Sql } from '../sql/dialect';
import { FieldValueType, type FilterOperator } from '../language/filter.enums';
import type { Test } from './ir';
import type { Label } from '../language/labels';
import type { DerivedEvalContext, DerivedSqlContext, Row } from './model';
import { OPERATORS_BY_TYPE } from '../language/operators';

/**
 * What a field's value is read from. `subject` names the row the value lives on; the compiler
 * and the oracle know from the registered model (model.ts) how each member type reaches each
 * subject, and treat a subject the member cannot reach (a contact field on a company) as an
 * absent value.
 */
export type FieldAccess =
  | { kind: 'column'; subject: string; column: string; columnKind: ColumnKind; monthDayColumn?: string }
  /** Whole years since the day in `column` (age from a birthdate): tested as a range of days. */
  | { kind: 'yearsSince'; subject: string; column: string }
  /** Which member type the member is (CONTACT, COMPANY): members of other types have no such value. */
  | { kind: 'memberType'; of: readonly string[] }
  /** Member of saved segments: compiled by the caller (see MembershipCompiler). */
  | { kind: 'membership' }
  | DerivedAccess;

/**
 * A value only its domain knows how to read (communications, custom field values, "find product
 * in"): the domain gives the SQL over the subject row and the oracle's answer for it, and the
 * property tests hold the two to each other like every other field.
 */
export interface DerivedAccess {
  kind: 'derived';
  subject: string;
  /** The tables the value is read from besides the subject's row (a write to them may change it). */
  reads: readonly string[];
  /** The predicate over the subject row aliased `alias`. */
  sql(alias: string, test: Test, at: DerivedSqlContext): Sql;
  /** The oracle: does the subject row pass `test`. */
  evaluate(subjectRow: Row, test: Test, at: DerivedEvalContext): boolean;
}

/**
 * Where the allowed values of a listed field come from: the engine only groups rules by it (one
 * lookup per source) and hands it to the caller's ValueResolver, which knows the kinds.
 */
export interface ValuesSource {
  readonly kind: string;
  readonly [detail: string]: unknown;
}

export interface FieldDef {
  id: string;
  label: Label;
  type: FieldValueType;
  /** null = the member itself; otherwise one related record of the member (a registered scope). */
  scope: string | null;
  /** The sources (kinds of segment) whose filters may use the field. */
  sources: readonly string[];
  operators: readonly FilterOperator[];
  access: FieldAccess;
  values?: ValuesSource;
  /** Long value lists (users, products) are searched with `filterValues`, not listed whole. */
  searchable?: boolean;
  /**
   * Personal data (names, addresses, birthdate and age, gender, free text): only callers with
   * `crm:read` may compose filters on it, because counts over it answer questions about people.
   */
  personal: boolean;
}

export type FieldSpec = Omit<FieldDef, 'operators' | 'sources' | 'scope' | 'personal'> & {
  operators?: readonly FilterOperator[];
  sources: readonly string[];
  scope?: string | null;
  personal?: boolean;
};

/** A field with the defaults domains mostly want: the type's operators, no scope, not personal. */
export function field(spec: FieldSpec): FieldDef {
  return {
    ...spec,
    personal: spec.personal ?? false,
    scope: spec.scope ?? null,
    operators: spec.operators ?? OPERATORS_BY_TYPE[spec.type],
  };
}

/** The catalog of one source: standard fields (from the domains) and the custom fields of the moment. */
export class FieldCatalog {
  private readonly byId: Map<string, FieldDef>;

  constructor(readonly fields: FieldDef[]) {
    this.byId = new Map(fields.map((f) => [f.id, f]));
  }

  get(id: string): FieldDef | undefined {
    return this.byId.get(id);
  }

  forSource(source: string): FieldDef[] {
    return this.fields.filter((f) => f.sources.includes(source));
  }
}
