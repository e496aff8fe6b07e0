import { registerEnumType } from 'type-graphql';

/** The records a custom field can be defined on. */
export enum CustomFieldEntity {
  CONTACT = 'CONTACT',
  COMPANY = 'COMPANY',
  LEAD = 'LEAD',
  DEAL = 'DEAL',
}
registerEnumType(CustomFieldEntity, { name: 'CustomFieldEntity' });

export enum CustomFieldType {
  STRING = 'STRING',
  NUMBER = 'NUMBER',
  DATE = 'DATE',
  BOOLEAN = 'BOOLEAN',
  LIST = 'LIST',
  MULTI_LIST = 'MULTI_LIST',
}
registerEnumType(CustomFieldType, { name: 'CustomFieldType' });

export const LIST_TYPES: ReadonlySet<CustomFieldType> = new Set([CustomFieldType.LIST, CustomFieldType.MULTI_LIST]);
