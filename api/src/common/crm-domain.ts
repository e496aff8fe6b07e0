import type { FieldDef } from '../filter/model/catalog';
import type { DomainRegistration, MemberDef, ScopeDef, WriteTouch, OwnerPath } from '../filter/model/model';
import type { FilterScope, MemberType } from './crm-enums';

/**
 * What one CRM domain folder registers for segments (its `<domain>.filtering.ts`): the fields it
 * contributes, the member types it provides or the scopes it is, the rules over whole trees it
 * imposes, and which members a write to its tables touches. segments/filtering/crm-model.ts assembles them.
 */
export interface CrmDomain extends DomainRegistration {
  fields?: readonly FieldDef[];
  members?: Readonly<Partial<Record<MemberType, MemberDef>>>;
  scopes?: Readonly<Partial<Record<FilterScope, ScopeDef>>>;
  writes?: ReadonlyArray<WriteTouch & { members: Readonly<Partial<Record<MemberType, readonly OwnerPath[]>>> }>;
}
