import type { Knex } from '@mikro-orm/knex';
import { SchemaMigration } from '../db/schema-migration';

/**
 * Segments: the definition (a filter tree stored as JSON), its tags, every saved version, and the
 * addresses of static segments. Same file for SQLite and PostgreSQL (knex schema builder).
 */
export class Migration20261122100000_segments extends SchemaMigration {
  protected build(knex: Knex): Knex.SchemaBuilder {
    const schema = knex.schema;
    const user = (t: Knex.CreateTableBuilder, column: string) => t.integer(column).nullable().references('id').inTable('app_user').onDelete('SET NULL');
    const definition = (t: Knex.CreateTableBuilder) => {
      t.string('name', 200).notNullable();
      t.text('description').nullable();
      t.string('kind', 8).notNullable();
      t.string('source', 8).notNullable();
      t.string('client_type', 8).notNullable();
      // The FilterGroupInput JSON as saved (null for static segments).
      t.json('filter').nullable();
      t.string('time_zone', 64).nullable();
    };

    schema.createTable('segment', (t) => {
      t.increments('id').primary();
      definition(t);
      t.string('name_folded', 200).notNullable().index();
      // Optimistic concurrency: an update names the version it read; a stale one changes nothing.
      t.integer('version').notNullable().defaultTo(1);
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.timestamp('updated_at', { useTz: true }).notNullable().index();
      user(t, 'created_by_id');
      user(t, 'updated_by_id');
      t.index(['kind']);
    });

    schema.createTable('segment_tag', (t) => {
      t.increments('id').primary();
      t.integer('segment_id').notNullable().references('id').inTable('segment').onDelete('CASCADE');
      t.string('tag', 100).notNullable();
      t.string('tag_folded', 100).notNullable();
      t.unique(['segment_id', 'tag_folded']);
      t.index(['tag_folded', 'segment_id']);
    });

    // One row per saved definition, the current one included: history is a plain list, and
    // restoring version n writes it back as a new version.
    schema.createTable('segment_version', (t) => {
      t.increments('id').primary();
      t.integer('segment_id').notNullable().references('id').inTable('segment').onDelete('CASCADE');
      t.integer('version').notNullable();
      definition(t);
      t.json('tags').notNullable();
      user(t, 'created_by_id');
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.unique(['segment_id', 'version']);
    });

    // The addresses of a static segment, normalised like communications; keyset-paged by address.
    schema.createTable('segment_member', (t) => {
      t.increments('id').primary();
      t.integer('segment_id').notNullable().references('id').inTable('segment').onDelete('CASCADE');
      t.string('channel', 8).notNullable();
      t.string('address', 320).notNullable();
      t.string('name', 300).nullable();
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.unique(['segment_id', 'channel', 'address']);
      // "Which static segments hold this address" (membership checks).
      t.index(['channel', 'address']);
    });
    return schema;
  }
}
