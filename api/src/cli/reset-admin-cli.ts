import 'reflect-metadata';
import { loadConfig } from '../config/config';
import { openDatabase, prepareDatabase } from '../database';
import { ensureDefaults } from '../seed/defaults';
import { User } from '../users/user.entity';
import { ensureAdminPassword } from '../auth/first-admin';
import { endAllSessions } from '../auth/sessions';

/** `npm run reset-admin-password -w api`: a new one-time password for the first administrator, printed once. */
async function main(): Promise<void> {
  const config = { ...loadConfig(), auth: { ...loadConfig().auth, adminPassword: null } };
  const db = await openDatabase(config.databaseUrl);
  await prepareDatabase(db);
  const adminKey = await ensureDefaults(db);
  const em = db.fork();
  await em.nativeUpdate(User, { key: adminKey }, { passwordHash: null, active: true });
  await endAllSessions(em, adminKey);
  await ensureAdminPassword(db, config, adminKey);
  await db.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
