import type { Options } from '@mikro-orm/core';
import type { HeavyReadSettings } from './config/config';
import { connectDatabase, type Database } from './db/orm';
import type { DatabaseSchema } from './db/orm.config';
import { entities } from './domains';
import { migrationsList } from './migrations';

/** The application's database: the manifest's entities and the migrations. */
export const APP_SCHEMA: DatabaseSchema = { entities, migrations: migrationsList };

/** Opens the application's database (DATABASE_URL's, or another for tests and tools). */
export function openDatabase(url: string, extra: Partial<Options> = {}, reads?: HeavyReadSettings): Promise<Database> {
  return connectDatabase(APP_SCHEMA, url, extra, reads);
}
