import { Migration20261122000000_crm } from './Migration20261122000000_crm';

/** Explicit, ordered: the same list runs on SQLite and PostgreSQL, from `src` and from `dist`. */
export const migrationsList = [{ name: 'Migration20261122000000_crm', class: Migration20261122000000_crm }];
