import type { SqlEntityManager } from '@mikro-orm/knex';
import { activityFields } from '../activities/activity.fields';
import { companyFields } from '../companies/company.fields';
import { clientFields, contactFields } from '../contacts/contact.fields';
import { CustomField } from '../custom-fields/custom-field.entity';
import { customFieldDef } from '../custom-fields/custom-field.fields';
import { dealFields } from '../deals/deal.fields';
import { FieldCatalog, type FieldDef } from '../filter/catalog';
import { leadFields } from '../leads/lead.fields';
import { orderFields, purchaseFields } from '../products/purchase.fields';

/** Every standard field, contributed by the domains; the filter engine itself knows none of them. */
export const standardFields: FieldDef[] = [
  ...clientFields,
  ...contactFields,
  ...companyFields,
  ...dealFields,
  ...purchaseFields,
  ...orderFields,
  ...activityFields,
  ...leadFields,
];

/** The catalog as of now: custom fields are read on every call, so a new one is usable at once. */
export async function loadCatalog(em: SqlEntityManager): Promise<FieldCatalog> {
  const custom = await em.find(CustomField, {}, { orderBy: { entity: 'asc', sort: 'asc', key: 'asc' } });
  return new FieldCatalog([...standardFields, ...custom.map(customFieldDef)]);
}
