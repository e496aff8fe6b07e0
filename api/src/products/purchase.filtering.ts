import type { CrmDomain } from '../common/crm-domain';
import { FilterScope } from '../common/crm-enums';
import type { Row, Snapshot } from '../filter/model/model';
import { orderFields, purchaseFields } from './purchase.fields';

/** Product rows of orders and of deals, with where they were found (the Bitrix24 "find product in", found-in.ts). */
const PURCHASES_SQL = `(SELECT pr.id, pr.product_id, pr.quantity, pr.price, o.contact_id, o.company_id, 'ORDER' AS found_in, o.paid AS paid, NULL AS deal_semantic
      FROM product_row pr JOIN crm_order o ON o.id = pr.order_id
    UNION ALL
    SELECT pr.id, pr.product_id, pr.quantity, pr.price, d.contact_id, d.company_id, 'DEAL' AS found_in, NULL AS paid, d.stage_semantic AS deal_semantic
      FROM product_row pr JOIN deal d ON d.id = pr.deal_id)`;

/** The oracle's purchases: the same derived rows, in plain JavaScript. */
function purchaseRows(data: Snapshot): Row[] {
  const orders = new Map((data.crm_order ?? []).map((o) => [o.id, o]));
  const deals = new Map((data.deal ?? []).map((d) => [d.id, d]));
  return (data.product_row ?? []).flatMap((pr): Row[] => {
    if (pr.order_id != null) {
      const o = orders.get(pr.order_id)!;
      return [{ ...pr, contact_id: o.contact_id, company_id: o.company_id, found_in: 'ORDER', paid: o.paid, deal_semantic: null }];
    }
    const d = deals.get(pr.deal_id)!;
    return [{ ...pr, contact_id: d.contact_id, company_id: d.company_id, found_in: 'DEAL', paid: null, deal_semantic: d.stage_semantic }];
  });
}

const owners = { contact: 'contact_id', company: 'company_id' } as const;

/**
 * Orders (ORDERS) and the product rows of orders and deals (PURCHASES) of contacts and companies.
 * A product row touches the owners of its order or deal; a write to an order touches its owners.
 * (A deal's own write, stage included, is the deals domain's.)
 */
export const purchaseFiltering: CrmDomain = {
  fields: [...purchaseFields, ...orderFields],
  scopes: {
    [FilterScope.PURCHASES]: { subject: 'purchase', from: PURCHASES_SQL, reads: ['product_row', 'crm_order', 'deal'], owner: owners, rows: purchaseRows },
    [FilterScope.ORDERS]: { subject: 'order', from: 'crm_order', owner: owners, rows: (data) => data.crm_order ?? [] },
  },
  writes: [
    { table: 'crm_order', members: { contact: [{ kind: 'column', column: 'contact_id' }], company: [{ kind: 'column', column: 'company_id' }] } },
    {
      table: 'product_row',
      members: {
        contact: [
          { kind: 'through', column: 'order_id', table: 'crm_order', owner: 'contact_id' },
          { kind: 'through', column: 'deal_id', table: 'deal', owner: 'contact_id' },
        ],
        company: [
          { kind: 'through', column: 'order_id', table: 'crm_order', owner: 'company_id' },
          { kind: 'through', column: 'deal_id', table: 'deal', owner: 'company_id' },
        ],
      },
    },
  ],
};
