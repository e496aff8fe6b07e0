import { FilterScope } from './filter.enums';
import type { Subject } from './catalog';

/** What a segment's members are: rows of one of these tables. */
export type MemberType = 'contact' | 'company' | 'lead' | 'deal';

export const MEMBER_TABLE: Record<MemberType, string> = { contact: 'contact', company: 'company', lead: 'lead', deal: 'deal' };

/**
 * How a member reaches the row a field lives on: itself, through a foreign key (a contact's
 * company), or not at all (a contact field on a company: the value is absent).
 */
export type Reach = { kind: 'self' } | { kind: 'via'; column: string; table: string } | { kind: 'none' };

const REACH: Record<MemberType, Partial<Record<Subject, Reach>>> = {
  contact: { client: { kind: 'self' }, contact: { kind: 'self' }, company: { kind: 'via', column: 'company_id', table: 'company' } },
  company: { client: { kind: 'self' }, company: { kind: 'self' } },
  lead: { lead: { kind: 'self' } },
  // The deals list filters deals themselves with the deal.* fields.
  deal: { deal: { kind: 'self' } },
};

export function reach(member: MemberType, subject: Subject): Reach {
  return REACH[member][subject] ?? { kind: 'none' };
}

/** Related records of a scope: their table (or derived table) and the column naming each member type. */
export interface ScopeSource {
  /** SQL for the FROM item, aliased by the caller; purchases are a derived table. */
  from: string;
  owner: Partial<Record<MemberType, string>>;
}

/** Product rows of orders and of deals, with where they were found (the Bitrix24 "find product in"). */
const PURCHASES_SQL = `(SELECT pr.id, pr.product_id, pr.quantity, pr.price, o.contact_id, o.company_id, 'ORDER' AS found_in, o.paid AS paid, NULL AS deal_semantic
      FROM product_row pr JOIN crm_order o ON o.id = pr.order_id
    UNION ALL
    SELECT pr.id, pr.product_id, pr.quantity, pr.price, d.contact_id, d.company_id, 'DEAL' AS found_in, NULL AS paid, d.stage_semantic AS deal_semantic
      FROM product_row pr JOIN deal d ON d.id = pr.deal_id)`;

export const SCOPES: Record<FilterScope, ScopeSource> = {
  [FilterScope.DEALS]: { from: 'deal', owner: { contact: 'contact_id', company: 'company_id' } },
  [FilterScope.ORDERS]: { from: 'crm_order', owner: { contact: 'contact_id', company: 'company_id' } },
  [FilterScope.ACTIVITIES]: { from: 'activity', owner: { contact: 'contact_id', company: 'company_id', lead: 'lead_id' } },
  [FilterScope.PURCHASES]: { from: PURCHASES_SQL, owner: { contact: 'contact_id', company: 'company_id' } },
};

/** Communications name their owner in one column per member type. */
export const COMMUNICATION_OWNER: Record<MemberType, string> = { contact: 'contact_id', company: 'company_id', lead: 'lead_id', deal: 'deal_id' };

/** Custom field values of each entity belong to rows of this subject. */
export const CUSTOM_SUBJECT = { CONTACT: 'contact', COMPANY: 'company', LEAD: 'lead', DEAL: 'deal' } as const satisfies Record<string, Subject>;
