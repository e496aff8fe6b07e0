import { BetterSqliteDriver, BetterSqlitePlatform } from '@mikro-orm/better-sqlite';
import type { Configuration } from '@mikro-orm/core';

/**
 * MikroORM 6.6.16 on SQLite keeps the snapshot of a loaded entity with its dates as Date objects
 * (mapResult parses the stored epoch milliseconds), but computes the entity's current state with
 * dates as numbers (BetterSqlitePlatform.processDateProperty). Every entity a request had loaded
 * therefore looked changed at its next flush: an UPDATE rewrote created_at and bumped updated_at
 * (saving a segment touched the reference items and users its filter named; found by the attack
 * tests, which compare every table before and after). Keeping Dates on both sides makes them
 * compare equal, as on PostgreSQL; the driver still binds a Date as epoch milliseconds (knex's
 * better-sqlite3 client), so what is stored does not change.
 */
class SqlitePlatform extends BetterSqlitePlatform {
  override processDateProperty(value: unknown): string | number | Date {
    return value as string | number | Date;
  }
}

export class SqliteDriver extends BetterSqliteDriver {
  constructor(config: Configuration) {
    super(config);
    (this as unknown as { platform: BetterSqlitePlatform }).platform = new SqlitePlatform();
  }
}
