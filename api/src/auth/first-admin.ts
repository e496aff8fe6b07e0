import type { Config } from '../config/config';
import type { Database } from '../db/orm';
import { User } from '../users/user.entity';
import { hashPassword, passwordProblem } from './passwords';
import { oneTimePassword } from './secrets';

/**
 * Gives the first administrator a password on first start: ADMIN_PASSWORD when set, otherwise a
 * one-time password printed once to the console, to be changed at the first sign-in. An admin who
 * already has a password is left alone (ADMIN_PASSWORD does not overwrite a chosen one).
 */
export async function ensureAdminPassword(db: Database, config: Config, adminKey: number, log: (line: string) => void = console.log): Promise<void> {
  const em = db.fork();
  const admin = await em.findOneOrFail(User, { key: adminKey }, { populate: ['passwordHash'] });
  if (admin.passwordHash) return;
  if (config.auth.adminPassword) {
    const problem = passwordProblem(config.auth.adminPassword, admin.email);
    if (problem) log(`[auth] warning: ADMIN_PASSWORD is weak (${problem}) — change it after signing in.`);
    admin.passwordHash = await hashPassword(config.auth.adminPassword);
    admin.mustChangePassword = false;
    await em.flush();
    log(`[auth] administrator ${admin.email} signs in with ADMIN_PASSWORD.`);
    return;
  }
  const password = oneTimePassword();
  admin.passwordHash = await hashPassword(password);
  admin.mustChangePassword = true;
  await em.flush();
  log('');
  log('  ==================================================================');
  log(`  First start: sign in as ${admin.email}`);
  log(`  with the one-time password  ${password}`);
  log('  It is shown only now; you choose your own at the first sign-in.');
  log('  Lost it? npm run reset-admin-password -w api');
  log('  ==================================================================');
  log('');
}
