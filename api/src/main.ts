import 'reflect-metadata';
import { createApp } from './app';
import { ensureAdminPassword } from './auth/first-admin';
import { config } from './config/config';
import { listenOn } from './serve';
import { openDatabase, prepareDatabase } from './database';
import { ensureDefaults } from './seed/defaults';
import { seedDemoData } from './seed/generate';
import { Contact } from './contacts/contact.entity';
import { MembershipMaintainer } from './segments/maintainer';
import { WebhookDeliverer } from './webhooks/deliverer';

/**
 * `npm start`: migrate, fill an empty database with demo data, serve. Stops gracefully on
 * SIGINT/SIGTERM (in-flight requests finish, the database closes).
 */
async function main(): Promise<void> {
  const db = await openDatabase(config.databaseUrl);
  const applied = await prepareDatabase(db);
  if (applied.length) console.log(`[db] applied migrations: ${applied.join(', ')}`);
  const adminKey = await ensureDefaults(db);
  if ((await db.fork().count(Contact, {})) === 0 && config.seedScale > 0) {
    console.log(`[db] empty database: filling demo data at scale ${config.seedScale}…`);
    await seedDemoData(db, { scale: config.seedScale });
  }
  await ensureAdminPassword(db, config, adminKey);
  const app = await createApp(db, config);
  // Keeps every saved dynamic segment's membership up to date (segments/maintainer.ts).
  const maintainer = new MembershipMaintainer(db, config);
  maintainer.start();
  // Sends the webhook deliveries the maintainer queues (webhooks/deliverer.ts).
  const deliverer = new WebhookDeliverer(db, config);
  deliverer.start();
  const bound = await listenOn(app.httpServer, config);
  const host = bound.family === 'IPv6' ? `[${bound.address}]` : bound.address;
  console.log(`[api] GraphQL on http://${host}:${bound.port}/graphql (${db.kind})`);

  const shutdown = async (signal: string) => {
    console.log(`[api] ${signal}: shutting down`);
    await app.apollo.stop();
    await maintainer.stop();
    await deliverer.stop();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
