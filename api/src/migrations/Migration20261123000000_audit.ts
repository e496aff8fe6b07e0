import type { Knex } from '@mikro-orm/knex';
import { SchemaMigration } from '../db/schema-migration';

/**
 * The audit log: one row per recorded action, only ever inserted. Subject and actor are copied as
 * they were (no foreign key to the subject: a deleted segment's events stay readable). Indexes
 * serve the newest-first list, alone and narrowed by action, by user or by subject.
 */
export class Migration20261123000000_audit extends SchemaMigration {
  protected build(knex: Knex): Knex.SchemaBuilder {
    return knex.schema.createTable('audit_event', (t) => {
      t.increments('id').primary();
      t.timestamp('occurred_at', { useTz: true }).notNullable();
      t.integer('user_id').nullable().references('id').inTable('app_user').onDelete('SET NULL');
      // API tokens arrive in their own migration; a token's events keep its key without a constraint.
      t.integer('token_id').nullable();
      t.string('actor_label', 300).nullable();
      t.string('action', 40).notNullable();
      t.string('subject_type', 24).notNullable();
      t.integer('subject_key').nullable();
      t.string('subject_name', 300).nullable();
      t.json('details').nullable();
      t.index(['occurred_at', 'id']);
      t.index(['action', 'occurred_at', 'id']);
      t.index(['user_id', 'occurred_at', 'id']);
      t.index(['subject_type', 'subject_key', 'occurred_at', 'id']);
    });
  }
}
