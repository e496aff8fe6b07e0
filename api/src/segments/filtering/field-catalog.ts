import type { SqlEntityManager } from '@mikro-orm/knex';
import { CustomField } from '../../custom-fields/custom-field.entity';
import { customFieldDef } from '../../custom-fields/custom-field.fields';
import { FieldCatalog } from '../../filter/model/catalog';
import { standardFields } from './crm-model';

export { standardFields } from './crm-model';

/** One cached catalog per database (keyed by the ORM's configuration object). */
const cache = new WeakMap<object, { version: string; catalog: FieldCatalog; checkedAt: number }>();

/**
 * How long a checked catalog is trusted without asking again: custom-field writes in this process
 * forget it at once (forgetCatalog); another API process sees them within this time.
 */
const TRUSTED_MS = 1000;

/** Called after custom-field writes: the next filter re-reads the fields. */
export function forgetCatalog(em: SqlEntityManager): void {
  cache.delete(em.config);
}

/**
 * The catalog as of now. Custom fields are checked with one tiny aggregate (how many, the newest
 * id, the latest change) at most once a second, so a field created or renamed by another API
 * process is usable within a second (at once in this one), and the field list is only re-read when
 * that answer changes.
 */
export async function loadCatalog(em: SqlEntityManager): Promise<FieldCatalog> {
  const trusted = cache.get(em.config);
  if (trusted && Date.now() - trusted.checkedAt < TRUSTED_MS) return trusted.catalog;
  const [row] = await em.getConnection().execute<Array<Record<string, unknown>>>('SELECT COUNT(*) AS n, MAX(id) AS last, MAX(updated_at) AS changed FROM custom_field');
  if (!row) throw new Error('An aggregate without GROUP BY returned no row.');
  const version = [row.n, row.last, row.changed instanceof Date ? row.changed.getTime() : row.changed].map(String).join(':');
  let cached = cache.get(em.config);
  if (cached?.version !== version) {
    // Read in a unit of work of its own: callers may pass the global entity manager (see below).
    const custom = await em.fork().find(CustomField, {}, { orderBy: { entity: 'asc', sort: 'asc', key: 'asc' } });
    cached = { version, catalog: new FieldCatalog([...standardFields, ...custom.map(customFieldDef)]), checkedAt: Date.now() };
    cache.set(em.config, cached);
  }
  cached.checkedAt = Date.now();
  return cached.catalog;
}
