import type { EntityClass } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { Company } from '../companies/company.entity';
import { Contact } from '../contacts/contact.entity';
import { Deal } from '../deals/deal.entity';
import { Lead } from '../leads/lead.entity';
import { LeadStatusSemantic, ReferenceList, type ReferenceItem } from '../reference-lists/reference-item.entity';

/** Which record columns hold values of each list: what "in use" means, and what a replacement rewrites. */
const USAGES: Record<ReferenceList, Array<{ entity: EntityClass<object>; property: string }>> = {
  CONTACT_TYPE: [{ entity: Contact, property: 'type' }],
  COMPANY_TYPE: [{ entity: Company, property: 'type' }],
  DEAL_TYPE: [{ entity: Deal, property: 'type' }],
  SOURCE: [
    { entity: Contact, property: 'source' },
    { entity: Company, property: 'source' },
    { entity: Lead, property: 'source' },
  ],
  INDUSTRY: [{ entity: Company, property: 'industry' }],
  LEAD_STATUS: [{ entity: Lead, property: 'status' }],
};

export async function countUsage(em: SqlEntityManager, item: ReferenceItem): Promise<number> {
  const counts = await Promise.all(USAGES[item.list].map(({ entity, property }) => em.count(entity, { [property]: item.key })));
  return counts.reduce((a, b) => a + b, 0);
}

/** Points every record using `item` at `replacement` (same list), keeping lead semantics in step. */
export async function replaceUsage(em: SqlEntityManager, item: ReferenceItem, replacement: ReferenceItem): Promise<void> {
  for (const { entity, property } of USAGES[item.list]) {
    const changes: Record<string, unknown> = { [property]: replacement.key };
    if (entity === Lead && property === 'status') changes.statusSemantic = replacement.semantic ?? LeadStatusSemantic.IN_PROGRESS;
    await em.nativeUpdate(entity, { [property]: item.key }, changes);
  }
}
