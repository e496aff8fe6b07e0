import { Migration } from '@mikro-orm/migrations';
import { isValidE164 } from '../communications/normalize';

/** Rows read per statement while scanning: the scan's memory stays bounded whatever the table size. */
const BATCH = 5_000;

/** Where stored phones live: the table, its phone column, and the filter that keeps only phones. */
const SOURCES = [
  { table: 'communication', column: 'normalized', raw: 'value' },
  { table: 'segment_member', column: 'address', raw: null },
  { table: 'stop_list_entry', column: 'address', raw: null },
] as const;

/**
 * Phones used to need only to be *possible* numbers, so one typed without a country code was
 * stored under the default region's code even when no such line exists there ("916 123-45-67" with
 * US became +19161234567). New writes refuse those (normalizePhone); this migration lists the ones
 * already stored that are not valid numbers of their country in `phone_review`, so an administrator
 * can correct them, instead of keeping them silently. Nothing is changed or deleted: a list is
 * a report, and the owner decides (`npm run phone-report -w api` prints it).
 */
export class Migration20261203000000_phone_review extends Migration {
  override async up(): Promise<void> {
    const knex = this.getKnex();
    const create = knex.schema.createTable('phone_review', (t) => {
      t.increments('id').primary();
      t.string('source_table', 32).notNullable();
      t.integer('source_id').notNullable();
      t.string('phone', 320).notNullable();
      // As it was typed, where the table keeps that (communications); null elsewhere.
      t.string('written_as', 320).nullable();
      t.timestamp('found_at', { useTz: true }).notNullable();
      t.index(['source_table', 'source_id']);
    });
    for (const statement of create.toSQL() as unknown as Array<{ sql: string; bindings?: unknown[] }>) {
      await this.execute(statement.sql, statement.bindings);
    }
    // A Date binds as epoch milliseconds on SQLite (knex's driver), as every instant of this app is kept there.
    const foundAt = new Date();
    let listed = 0;
    for (const source of SOURCES) {
      let after = 0;
      for (;;) {
        const columns = ['id', `${source.column} as phone`, ...(source.raw ? [`${source.raw} as written_as`] : [])];
        const select = knex(source.table).select(columns).where('channel', 'PHONE').andWhere('id', '>', after).orderBy('id').limit(BATCH).toSQL();
        const rows = (await this.execute(select.sql, select.bindings as unknown[])) as Array<{ id: number; phone: string; written_as?: string }>;
        const last = rows.at(-1);
        if (!last) break;
        after = Number(last.id);
        const invalid = rows.filter((row) => !isValidE164(row.phone));
        if (invalid.length) {
          const insert = knex('phone_review')
            .insert(invalid.map((row) => ({ source_table: source.table, source_id: row.id, phone: row.phone, written_as: row.written_as ?? null, found_at: foundAt })))
            .toSQL();
          await this.execute(insert.sql, insert.bindings as unknown[]);
          listed += invalid.length;
        }
        if (rows.length < BATCH) break;
      }
    }
    // Migrations run quietly (silent: true); this is the one thing an operator must hear about.
    if (listed > 0) console.warn(`phone_review: ${listed} stored phone number(s) are not valid numbers of their country; list them with \`npm run phone-report -w api\`.`);
  }

  override async down(): Promise<void> {
    this.addSql(this.getKnex().schema.dropTableIfExists('phone_review').toQuery());
  }
}
