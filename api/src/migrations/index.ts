import { Migration20261122000000_crm } from './Migration20261122000000_crm';
import { Migration20261122100000_segments } from './Migration20261122100000_segments';
import { Migration20261122200000_auth } from './Migration20261122200000_auth';
import { Migration20261123000000_audit } from './Migration20261123000000_audit';
import { Migration20261203000000_phone_review } from './Migration20261203000000_phone_review';
import { Migration20261203100000_custom_field_personal } from './Migration20261203100000_custom_field_personal';
import { Migration20261208000000_membership } from './Migration20261208000000_membership';

/** Explicit, ordered: the same list runs on SQLite and PostgreSQL, from `src` and from `dist`. */
export const migrationsList = [
  { name: 'Migration20261122000000_crm', class: Migration20261122000000_crm },
  { name: 'Migration20261122100000_segments', class: Migration20261122100000_segments },
  { name: 'Migration20261122200000_auth', class: Migration20261122200000_auth },
  { name: 'Migration20261123000000_audit', class: Migration20261123000000_audit },
  { name: 'Migration20261203000000_phone_review', class: Migration20261203000000_phone_review },
  { name: 'Migration20261203100000_custom_field_personal', class: Migration20261203100000_custom_field_personal },
  { name: 'Migration20261208000000_membership', class: Migration20261208000000_membership },
];
