import type { Knex } from '@mikro-orm/knex';
import { SchemaMigration } from '../db/schema-migration';

/**
 * Access: passwords of users, browser sessions and API tokens. Secrets are stored as hashes only
 * (argon2id for passwords, SHA-256 for random session and token secrets).
 */
export class Migration20261122200000_auth extends SchemaMigration {
  protected build(knex: Knex): Knex.SchemaBuilder {
    const schema = knex.schema;
    schema.alterTable('app_user', (t) => {
      t.string('password_hash', 200).nullable();
      t.boolean('must_change_password').notNullable().defaultTo(false);
      t.timestamp('last_sign_in_at', { useTz: true }).nullable();
    });

    schema.createTable('user_session', (t) => {
      t.increments('id').primary();
      t.string('secret_hash', 64).notNullable().unique();
      t.integer('user_id').notNullable().references('id').inTable('app_user').onDelete('CASCADE').index();
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.timestamp('expires_at', { useTz: true }).notNullable().index();
      t.string('user_agent', 300).nullable();
    });

    schema.createTable('api_token', (t) => {
      t.increments('id').primary();
      t.string('name', 100).notNullable();
      t.string('secret_hash', 64).notNullable().unique();
      t.string('hint', 12).notNullable();
      t.string('scope_list', 300).notNullable();
      t.integer('created_by_id').notNullable().references('id').inTable('app_user').onDelete('CASCADE').index();
      t.timestamp('expires_at', { useTz: true }).nullable();
      t.timestamp('revoked_at', { useTz: true }).nullable();
      t.timestamp('last_used_at', { useTz: true }).nullable();
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.timestamp('updated_at', { useTz: true }).notNullable();
    });
    return schema;
  }
}
