import type { Options } from '@mikro-orm/core';
import type { HeavyReadSettings } from './config/config';
import { connectDatabase, migrate, type Database } from './db/orm';
import type { DatabaseSchema } from './db/orm.config';
import { entities } from './domains';
import { migrationsList } from './migrations';
import { installCapture } from './segments/membership/capture';
import { crmModel } from './segments/filtering/crm-model';

/** The application's database: the manifest's entities and the migrations. */
export const APP_SCHEMA: DatabaseSchema = { entities, migrations: migrationsList };

/** Opens the application's database (DATABASE_URL's, or another for tests and tools). */
export function openDatabase(url: string, extra: Partial<Options> = {}, reads?: HeavyReadSettings): Promise<Database> {
  return connectDatabase(APP_SCHEMA, url, extra, reads);
}

/**
 * Brings the database up to this code: the migrations, then the membership capture triggers
 * (generated from the domains' registrations, so they follow the code, not a migration).
 * Returns the migrations applied.
 */
export async function prepareDatabase(db: Database): Promise<string[]> {
  const applied = await migrate(db);
  await installCapture(db, crmModel);
  return applied;
}
