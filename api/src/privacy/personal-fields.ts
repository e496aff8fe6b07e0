import { hasScope, Scope, type Actor } from '../auth/actor';
import { UserError, UserErrorCode } from '../common/user-error';
import type { FieldCatalog } from '../filter/model/catalog';
import type { FilterGroup } from '../filter/language/tree';

/** Whether the caller may compose filters on personal fields and read exact small counts. */
export function seesPersonalData(actor: Actor | null): boolean {
  return hasScope(actor, Scope.CRM_READ);
}

/**
 * One FIELD_NOT_ALLOWED problem per rule that names a personal field (see FieldDef.personal),
 * with the rule's path into the tree. Fields the catalog does not know are left to the resolver,
 * which reports them as UNKNOWN_FIELD.
 */
export function personalFieldProblems(tree: FilterGroup, catalog: FieldCatalog, path: string[] = []): UserError[] {
  const problems: UserError[] = [];
  (Array.isArray(tree.rules) ? tree.rules : []).forEach((node, index) => {
    const at = [...path, 'rules', String(index)];
    if (node?.group) problems.push(...personalFieldProblems(node.group, catalog, [...at, 'group']));
    const field = node?.rule && catalog.get(node.rule.field);
    if (field?.personal) {
      problems.push(
        UserError.of(
          [...at, 'rule', 'field'],
          UserErrorCode.FIELD_NOT_ALLOWED,
          `${field.id} is personal data: filtering on it needs the "${Scope.CRM_READ}" permission, which your role or token does not have.`,
        ),
      );
    }
  });
  return problems;
}
