import { Migration } from '@mikro-orm/migrations';

/**
 * Custom fields say whether they hold personal data (`custom_field.personal`): before, only STRING
 * fields were personal, by their type, and an admin could not mark a salary (NUMBER) or an
 * anniversary (DATE) as such. Existing fields keep what they were: STRING personal, the rest not.
 */
export class Migration20261203100000_custom_field_personal extends Migration {
  override async up(): Promise<void> {
    const knex = this.getKnex();
    const alter = knex.schema.alterTable('custom_field', (t) => {
      t.boolean('personal').notNullable().defaultTo(false);
    });
    for (const statement of alter.toSQL() as unknown as Array<{ sql: string; bindings?: unknown[] }>) {
      await this.execute(statement.sql, statement.bindings);
    }
    await this.execute(knex('custom_field').update({ personal: true }).where({ type: 'STRING' }).toQuery());
  }
}
