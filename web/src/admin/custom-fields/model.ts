import type { CustomFieldEntity, CustomFieldType } from '@/graphql/gql/graphql';
import { codeFromLabel, uniqueCode } from '../common/codes';

export const ENTITIES: readonly CustomFieldEntity[] = ['CONTACT', 'COMPANY', 'LEAD', 'DEAL'];
export const FIELD_TYPES: readonly CustomFieldType[] = ['STRING', 'NUMBER', 'DATE', 'BOOLEAN', 'LIST', 'MULTI_LIST'];
const LIST_TYPES = new Set<CustomFieldType>(['LIST', 'MULTI_LIST']);

export const isListType = (type: CustomFieldType): boolean => LIST_TYPES.has(type);

/**
 * Options typed as labels, with the codes the API wants: unique within the field, derived from the
 * label, blank labels left out.
 */
export function optionInputs(labels: readonly string[], taken: Iterable<string> = []): Array<{ code: string; label: string }> {
  const used = new Set(taken);
  return labels
    .map((label) => label.trim())
    .filter(Boolean)
    .map((label) => {
      const code = uniqueCode(codeFromLabel(label, 40, 'OPTION'), used);
      used.add(code);
      return { code, label };
    });
}
