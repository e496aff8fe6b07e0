import type { DerivedAccess } from '../filter/model/catalog';
import { columnTest } from '../filter/compile/column-test';
import type { ColumnKind, Dialect, Sql } from '../filter/sql/dialect';
import { setTest, valueTest } from '../filter/oracle/oracle';
import type { Test } from '../filter/model/ir';
import type { Row, Snapshot } from '../filter/model/model';
import { and, not, placeholders, sql, TRUE } from '../filter/sql/fragments';
import { CustomFieldEntity, CustomFieldType } from './custom-field.enums';

/** Custom field values of each entity belong to rows of this subject. */
export const CUSTOM_SUBJECT: Record<CustomFieldEntity, string> = {
  [CustomFieldEntity.CONTACT]: 'contact',
  [CustomFieldEntity.COMPANY]: 'company',
  [CustomFieldEntity.LEAD]: 'lead',
  [CustomFieldEntity.DEAL]: 'deal',
};

/** The typed column of custom_field_value a field of each type keeps its value in. */
const CUSTOM_COLUMN: Record<CustomFieldType, [string, ColumnKind]> = {
  [CustomFieldType.STRING]: ['string_folded', 'text'],
  [CustomFieldType.NUMBER]: ['number_value', 'number'],
  [CustomFieldType.DATE]: ['date_value', 'date'],
  [CustomFieldType.BOOLEAN]: ['boolean_value', 'boolean'],
  [CustomFieldType.LIST]: ['option_id', 'key'],
  [CustomFieldType.MULTI_LIST]: ['option_id', 'key'],
};

/** A custom field's value lives in custom_field_value; the rule is a semi-join on the typed column. */
function customValueSql(alias: string, fieldKey: number, customType: CustomFieldType, test: Test, dialect: Dialect): Sql {
  const [column, kind] = CUSTOM_COLUMN[customType];
  const valuesWhere = (condition: Sql, ofField = true): Sql => {
    // Option ids belong to one field: matching on them alone is an index-only scan of (option_id, record_id).
    const ids: Sql = ofField
      ? { sql: `SELECT v.record_id FROM custom_field_value v WHERE v.field_id = ? AND ${condition.sql}`, params: [fieldKey, ...condition.params] }
      : { sql: `SELECT v.record_id FROM custom_field_value v WHERE ${condition.sql}`, params: condition.params };
    return { sql: `${alias}.id IN (${ids.sql})`, params: ids.params, twoValued: true, idSet: alias === 'm' ? ids : undefined };
  };
  if (test.kind === 'empty') return test.negate ? valuesWhere(TRUE) : not(valuesWhere(TRUE));
  const anyOption = (keys: Array<string | number>) => valuesWhere(sql(`v.option_id IN (${placeholders(keys.length)})`, ...keys), false);
  if (test.kind === 'has') {
    const matched = test.mode === 'all' ? and(test.values.map((k) => anyOption([k]))) : anyOption(test.values);
    return test.negate ? not(matched) : matched;
  }
  if (test.kind === 'in' && kind === 'key' && !test.negate) return anyOption(test.values);
  return valuesWhere(columnTest('v', column, kind, test, dialect));
}

/** The oracle: the field's values of the subject row against the test. */
function customValueHolds(fieldKey: number, customType: CustomFieldType, subjectRow: Row, test: Test, data: Snapshot): boolean {
  const values = (data.custom_field_value ?? []).filter((v) => v.field_id === fieldKey && v.record_id === subjectRow.id);
  if (test.kind === 'empty') return (values.length === 0) !== test.negate;
  if (test.kind === 'has') return setTest(new Set(values.map((v) => v.option_id)), test);
  const [column] = CUSTOM_COLUMN[customType];
  return values.some((v) => valueTest(v[column], test, customType === CustomFieldType.STRING));
}

/** How rules read one custom field: on the row of its entity, from its values. */
export function customValueAccess(fieldKey: number, entity: CustomFieldEntity, customType: CustomFieldType): DerivedAccess {
  return {
    kind: 'derived',
    subject: CUSTOM_SUBJECT[entity],
    reads: ['custom_field_value'],
    sql: (alias, test, { dialect }) => customValueSql(alias, fieldKey, customType, test, dialect),
    evaluate: (row, test, { data }) => customValueHolds(fieldKey, customType, row, test, data),
  };
}
