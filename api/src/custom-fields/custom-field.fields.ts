import type { FieldDef } from '../filter/model/catalog';
import { field } from '../records/crm-field';
import { FieldValueType as T, FilterOperator as Op } from '../filter/language/filter.enums';
import { FilterScope, SegmentSource } from '../common/crm-enums';
import { label } from '../filter/language/labels';
import { OPERATORS_BY_TYPE } from '../filter/language/operators';
import type { CustomField } from './custom-field.entity';
import { CustomFieldEntity, CustomFieldType } from './custom-field.enums';
import { customValueAccess } from './custom-value-access';

const VALUE_TYPE: Record<CustomFieldType, T> = {
  [CustomFieldType.STRING]: T.STRING,
  [CustomFieldType.NUMBER]: T.NUMBER,
  [CustomFieldType.DATE]: T.DATE,
  [CustomFieldType.BOOLEAN]: T.BOOLEAN,
  [CustomFieldType.LIST]: T.ENUM,
  [CustomFieldType.MULTI_LIST]: T.MULTI_ENUM,
};

const PLACE: Record<CustomFieldEntity, { scope: FilterScope | null; source: SegmentSource }> = {
  [CustomFieldEntity.CONTACT]: { scope: null, source: SegmentSource.CLIENTS },
  [CustomFieldEntity.COMPANY]: { scope: null, source: SegmentSource.CLIENTS },
  [CustomFieldEntity.DEAL]: { scope: FilterScope.DEALS, source: SegmentSource.CLIENTS },
  [CustomFieldEntity.LEAD]: { scope: null, source: SegmentSource.LEADS },
};

/** `custom.<entity>.<CODE>`: a custom field as a catalog field, typed like its values. */
export function customFieldDef(custom: CustomField): FieldDef {
  const type = VALUE_TYPE[custom.type];
  const place = PLACE[custom.entity];
  // The admin's label is the label in every language: it is typed once, in the CRM's language.
  const name = label(custom.label, custom.label, custom.label, custom.label, custom.label);
  return field({
    id: `custom.${custom.entity.toLowerCase()}.${custom.code}`,
    label: name,
    type,
    scope: place.scope,
    sources: [place.source],
    // Marked by the admin; STRING fields start out personal (settings/custom-field.service.ts).
    personal: custom.personal,
    operators: type === T.MULTI_ENUM ? [Op.HAS_ANY, Op.HAS_ALL, Op.HAS_NONE, Op.IS_EMPTY, Op.IS_NOT_EMPTY] : OPERATORS_BY_TYPE[type],
    access: customValueAccess(custom.key, custom.entity, custom.type),
    values: type === T.ENUM || type === T.MULTI_ENUM ? { kind: 'customOptions', fieldKey: custom.key } : undefined,
  });
}
