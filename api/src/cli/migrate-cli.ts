import 'reflect-metadata';
import { config } from '../config/config';
import { openDatabase, prepareDatabase } from '../database';

/** `npm run migrate`: applies pending migrations to DATABASE_URL. */
async function main(): Promise<void> {
  const db = await openDatabase(config.databaseUrl);
  try {
    const applied = await prepareDatabase(db);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date');
  } finally {
    await db.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
