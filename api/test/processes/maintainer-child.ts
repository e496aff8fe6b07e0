import 'reflect-metadata';
import { loadConfig } from '../../src/config/config';
import { openDatabase } from '../../src/database';
import { MembershipMaintainer } from '../../src/segments/maintainer';

/**
 * A maintainer in a process of its own, for the fault test: DATABASE_URL names the database;
 * it runs passes of one batch each and says "batch" after each, until it is killed.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const db = await openDatabase(config.databaseUrl);
  const maintainer = new MembershipMaintainer(db, config);
  for (;;) {
    const result = await maintainer.runOnce(1);
    process.stdout.write(`batch ${result.applied}\n`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
