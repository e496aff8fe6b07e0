import { Migration } from '@mikro-orm/migrations';
import type { Knex } from '@mikro-orm/knex';

/**
 * A migration written once with knex's schema builder and run on either engine: knex compiles
 * the builder for the connected dialect, and each resulting statement is added on its own
 * (SQLite prepares one statement at a time).
 */
export abstract class SchemaMigration extends Migration {
  protected abstract build(knex: Knex): Knex.SchemaBuilder;

  override async up(): Promise<void> {
    for (const statement of this.build(this.getKnex()).toSQL() as unknown as Array<{ sql: string }>) {
      this.addSql(statement.sql);
    }
  }
}
