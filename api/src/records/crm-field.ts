import { field as engineField, type FieldDef, type FieldSpec, type ValuesSource } from '../filter/model/catalog';
import type { Label } from '../filter/language/labels';
import type { ReferenceList } from '../reference-lists/reference-item.entity';
import { SegmentSource } from '../common/crm-enums';

/** Where the allowed values of a listed CRM field come from (segments/filtering/values.ts resolves each kind). */
export type CrmValuesSource =
  | { kind: 'static'; options: Array<{ value: string; label: Label }> }
  | { kind: 'reference'; list: ReferenceList }
  | { kind: 'users' }
  | { kind: 'products' }
  | { kind: 'pipelines' }
  | { kind: 'stages' }
  | { kind: 'segments' }
  | { kind: 'customOptions'; fieldKey: number };

type CrmFieldSpec = Omit<FieldSpec, 'sources' | 'values'> & { sources?: readonly SegmentSource[]; values?: CrmValuesSource };

/** A field as the CRM's domains mostly want it: usable in Clients filters unless it says otherwise. */
export function field(spec: CrmFieldSpec): FieldDef {
  return engineField({ ...spec, sources: spec.sources ?? [SegmentSource.CLIENTS] });
}

/**
 * The values source of a CRM field. Every catalog field is made by `field` above, whose spec only
 * takes CrmValuesSource, so the engine's opaque source is one of these.
 */
export const crmValues = (source: ValuesSource): CrmValuesSource => source as CrmValuesSource;
