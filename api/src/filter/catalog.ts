import type { CustomFieldEntity, CustomFieldType } from '../custom-fields/custom-field.enums';
import type { ReferenceList } from '../reference-lists/reference-item.entity';
import { FieldValueType, FilterScope, type FilterOperator, SegmentSource } from './filter.enums';
import type { Label } from './labels';
import { OPERATORS_BY_TYPE } from './operators';

/**
 * What a field's value is read from. `subject` names the row the column lives on; the compiler
 * and the oracle know how each member type reaches each subject (see model.ts), and treat a
 * subject the member cannot reach (a contact field on a company) as an absent value.
 */
export type Subject = 'client' | 'contact' | 'company' | 'lead' | 'deal' | 'order' | 'activity' | 'purchase';

/** How values of a column are stored (and so bound): folded text, numbers, days, instants, flags, keys. */
export type ColumnKind = 'text' | 'number' | 'date' | 'datetime' | 'boolean' | 'key' | 'enum';

export type FieldAccess =
  | { kind: 'column'; subject: Subject; column: string; columnKind: ColumnKind; monthDayColumn?: string }
  | { kind: 'communications'; subject: 'client' | 'lead' }
  | { kind: 'clientType' }
  | { kind: 'age'; column: string }
  | { kind: 'purchaseWhere' }
  /** Member of saved segments: compiled by the caller (see MembershipCompiler). */
  | { kind: 'membership' }
  | { kind: 'custom'; fieldKey: number; entity: CustomFieldEntity; customType: CustomFieldType };

/** Where the allowed values of a listed field come from. */
export type ValuesSource =
  | { kind: 'static'; options: Array<{ value: string; label: Label }> }
  | { kind: 'reference'; list: ReferenceList }
  | { kind: 'users' }
  | { kind: 'products' }
  | { kind: 'pipelines' }
  | { kind: 'stages' }
  | { kind: 'segments' }
  | { kind: 'customOptions'; fieldKey: number };

export interface FieldDef {
  id: string;
  label: Label;
  type: FieldValueType;
  /** null = the member itself; otherwise one related record of the member. */
  scope: FilterScope | null;
  sources: readonly SegmentSource[];
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

type FieldSpec = Omit<FieldDef, 'operators' | 'sources' | 'scope' | 'personal'> & {
  operators?: readonly FilterOperator[];
  sources?: readonly SegmentSource[];
  scope?: FilterScope | null;
  personal?: boolean;
};

/** A field with the defaults domains mostly want: the type's operators, the Clients source, no scope, not personal. */
export function field(spec: FieldSpec): FieldDef {
  return {
    ...spec,
    personal: spec.personal ?? false,
    scope: spec.scope ?? null,
    sources: spec.sources ?? [SegmentSource.CLIENTS],
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

  forSource(source: SegmentSource): FieldDef[] {
    return this.fields.filter((f) => f.sources.includes(source));
  }
}

export const SCOPE_SUBJECT: Record<FilterScope, Subject> = {
  [FilterScope.DEALS]: 'deal',
  [FilterScope.ORDERS]: 'order',
  [FilterScope.ACTIVITIES]: 'activity',
  [FilterScope.PURCHASES]: 'purchase',
};
