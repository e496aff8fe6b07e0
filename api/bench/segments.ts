import { toGlobalId } from '../src/common/global-id';
import type { Database } from '../src/db/orm';
import { daysAgo, startOfDay } from '../src/filter/language/dates';
import { DateUnit } from '../src/filter/language/filter.enums';
import type { FilterGroup } from '../src/filter/language/tree';

/**
 * The reference segments: each a filter sent through the GraphQL API and the best hand-written
 * SQL answering the same question (per engine where the best shape differs: see
 * shared/design/performance-notes.md). Counts must be equal; the bench checks it.
 */
export interface ReferenceSegment {
  name: string;
  list: 'contacts' | 'leads';
  filter: FilterGroup;
  /** The predicate over `c` (the member table) that hand-written SQL uses. */
  sql: string;
  params: unknown[];
}

const r = (field: string, operator: string, value?: unknown) => ({ rule: { field, operator, value } as never });
const and = (...rules: unknown[]) => ({ combinator: 'AND', rules }) as unknown as FilterGroup;
const or = (...rules: unknown[]) => ({ group: { combinator: 'OR', rules } });

export async function referenceSegments(db: Database, now: Date): Promise<ReferenceSegment[]> {
  const q = (sql: string, params: unknown[] = []) => db.orm.em.getConnection().execute(sql, params) as Promise<Array<Record<string, any>>>;
  const pg = db.kind === 'postgresql';
  const yes = pg ? true : 1;
  const no = pg ? false : 0;
  const instant = (ms: number) => (pg ? new Date(ms) : ms);
  /** A row the segments refer to, from the demo data (which must be loaded: npm run seed). */
  const seeded = async (what: string, sql: string) => {
    const [row] = await q(sql);
    if (!row) throw new Error(`${what} is missing: load the demo data first (npm run seed)`);
    return row;
  };
  const web = await seeded('source WEB', `select id from reference_item where list = 'SOURCE' and code = 'WEB'`);
  const it = await seeded('industry IT', `select id from reference_item where list = 'INDUSTRY' and code = 'IT'`);
  const gold = await seeded('option GOLD of UF_LOYALTY', `select o.id from custom_field_option o join custom_field f on f.id = o.field_id where f.code = 'UF_LOYALTY' and o.code = 'GOLD'`);
  const budget = await seeded('custom field UF_BUDGET', `select id from custom_field where entity = 'LEAD' and code = 'UF_BUDGET'`);
  const product = await seeded('an 11th most sold product', `select product_id as id from product_row group by product_id order by count(*) desc limit 1 offset 10`);
  const notNone = (table: string, owner: string, where = '') =>
    pg ? `NOT EXISTS (SELECT 1 FROM ${table} x WHERE x.${owner} = c.id${where})` : `c.id NOT IN (SELECT ${owner} FROM ${table} WHERE ${owner} IS NOT NULL${where.replace(/x\./g, '')})`;
  const ninetyDaysAgo = startOfDay(daysAgo(now, 'UTC', 90, DateUnit.DAY), 'UTC');
  const today = now.toISOString().slice(0, 10);
  const born = (years: number) => `${Number(today.slice(0, 4)) - years}${today.slice(4)}`;

  return [
    {
      name: 'won deal in any pipeline',
      list: 'contacts',
      filter: and(r('deal.status', 'IN', { strings: ['WON'] })),
      sql: `c.id IN (SELECT contact_id FROM deal WHERE stage_semantic = 'WON' AND contact_id IS NOT NULL)`,
      params: [],
    },
    {
      name: 'clients without deals',
      list: 'contacts',
      filter: { combinator: 'AND', rules: [{ group: { combinator: 'AND', scope: 'DEALS', quantifier: 'NONE', rules: [] } }] } as unknown as FilterGroup,
      sql: notNone('deal', 'contact_id'),
      params: [],
    },
    {
      name: 'source AND (city OR custom) AND won>5k in 90d',
      list: 'contacts',
      filter: and(
        r('client.source', 'IN', { strings: ['WEB'] }),
        or(r('client.city', 'EQ', { string: 'Warszawa' }), r('custom.contact.UF_LOYALTY', 'IN', { strings: ['GOLD'] })),
        r('deal.status', 'IN', { strings: ['WON'] }),
        r('deal.amount', 'GT', { number: 5000 }),
        r('deal.closedAt', 'WITHIN_LAST', { relative: { amount: 90, unit: 'DAY' } }),
      ),
      sql: `c.source_id = ? AND c.id IN (SELECT id FROM contact WHERE city_folded = 'warszawa' UNION SELECT record_id FROM custom_field_value WHERE option_id = ?)
            AND c.id IN (SELECT contact_id FROM deal WHERE stage_semantic = 'WON' AND amount > 5000 AND closed_at >= ? AND closed_at <= ? AND contact_id IS NOT NULL)`,
      params: [web.id, gold.id, instant(ninetyDaysAgo), instant(now.getTime())],
    },
    {
      name: 'bought product X in a paid order',
      list: 'contacts',
      filter: and(r('purchase.product', 'IN', { ids: [toGlobalId('Product', Number(product.id))] }), r('purchase.where', 'IN', { strings: ['PAID_ORDER'] })),
      sql: `c.id IN (SELECT o.contact_id FROM product_row pr JOIN crm_order o ON o.id = pr.order_id WHERE pr.product_id = ? AND o.paid = ? AND o.contact_id IS NOT NULL)`,
      params: [Number(product.id), yes],
    },
    {
      name: 'inactive >90 days with an e-mail',
      list: 'contacts',
      filter: and(r('client.lastActivityAt', 'MORE_THAN_AGO', { relative: { amount: 90, unit: 'DAY' } }), r('client.communications', 'HAS_ANY', { strings: ['EMAIL'] })),
      sql: `c.last_activity_at < ? AND c.id IN (SELECT contact_id FROM communication WHERE channel = 'EMAIL' AND contact_id IS NOT NULL)`,
      params: [instant(ninetyDaysAgo)],
    },
    {
      name: '3-level AND/OR: contact, company, deal',
      list: 'contacts',
      filter: and(
        or(r('contact.gender', 'IN', { strings: ['FEMALE'] }), r('company.industry', 'IN', { strings: ['IT'] })),
        or({ group: { combinator: 'AND', rules: [r('deal.status', 'IN', { strings: ['WON'] }), r('deal.amount', 'GT', { number: 10000 })] } }, r('client.city', 'BEGINS_WITH', { string: 'kra' })),
      ),
      sql: `(c.gender = 'FEMALE' OR c.company_id IN (SELECT id FROM company WHERE industry_id = ?))
            AND c.id IN (SELECT contact_id FROM deal WHERE stage_semantic = 'WON' AND amount > 10000 AND contact_id IS NOT NULL UNION SELECT id FROM contact WHERE city_folded LIKE 'kra%')`,
      params: [it.id],
    },
    {
      name: 'leads in progress, not converted, e-mail or phone',
      list: 'leads',
      filter: and(r('lead.statusSemantic', 'IN', { strings: ['IN_PROGRESS'] }), r('lead.converted', 'EQ', { boolean: false }), r('lead.communications', 'HAS_ANY', { strings: ['EMAIL', 'PHONE'] })),
      sql: `c.status_semantic = 'IN_PROGRESS' AND c.converted = ? AND c.id IN (SELECT lead_id FROM communication WHERE channel IN ('EMAIL', 'PHONE') AND lead_id IS NOT NULL)`,
      params: [no],
    },
    {
      name: 'custom-field range (lead budget)',
      list: 'leads',
      filter: and(r('custom.lead.UF_BUDGET', 'BETWEEN', { numberRange: { min: 1000, max: 5000 } })),
      sql: `c.id IN (SELECT record_id FROM custom_field_value WHERE field_id = ? AND number_value >= 1000 AND number_value <= 5000)`,
      params: [budget.id],
    },
    {
      name: 'city = Kraków',
      list: 'contacts',
      filter: and(r('client.city', 'EQ', { string: 'Kraków' })),
      sql: `c.city_folded = 'kraków'`,
      params: [],
    },
    {
      name: 'women aged 25 to 35',
      list: 'contacts',
      filter: and(r('contact.gender', 'IN', { strings: ['FEMALE'] }), r('contact.age', 'BETWEEN', { numberRange: { min: 25, max: 35 } })),
      sql: `c.gender = 'FEMALE' AND c.birthdate > ? AND c.birthdate <= ?`,
      params: [born(36), born(25)],
    },
    {
      name: 'at least 3 won deals',
      list: 'contacts',
      filter: {
        combinator: 'AND',
        rules: [{ group: { combinator: 'AND', scope: 'DEALS', quantifier: 'AT_LEAST', threshold: 3, rules: [r('deal.status', 'IN', { strings: ['WON'] })] } }],
      } as unknown as FilterGroup,
      sql: `c.id IN (SELECT contact_id FROM deal WHERE stage_semantic = 'WON' AND contact_id IS NOT NULL GROUP BY contact_id HAVING COUNT(*) >= 3)`,
      params: [],
    },
  ];
}
