import type { Knex } from '@mikro-orm/knex';
import { SchemaMigration } from '../db/schema-migration';

/**
 * The CRM model. Written with knex's schema builder so the same migration creates the same tables
 * on SQLite and PostgreSQL. Every column the filter engine filters or joins on has an index here;
 * text it compares case-insensitively has a `*_folded` twin (see common/fold.ts).
 */
export class Migration20261122000000_crm extends SchemaMigration {
  protected build(knex: Knex): Knex.SchemaBuilder {
    const schema = knex.schema;
    const timestamps = (t: Knex.CreateTableBuilder) => {
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.timestamp('updated_at', { useTz: true }).notNullable();
    };
    const audited = (t: Knex.CreateTableBuilder) => {
      timestamps(t);
      t.integer('created_by_id').nullable().references('id').inTable('app_user').onDelete('SET NULL');
      t.integer('updated_by_id').nullable().references('id').inTable('app_user').onDelete('SET NULL');
    };
    const folded = (t: Knex.CreateTableBuilder, name: string, length: number, indexed = true) => {
      t.string(name, length).nullable();
      t.string(`${name}_folded`, length).nullable();
      if (indexed) t.index([`${name}_folded`]);
    };
    const ref = (t: Knex.CreateTableBuilder, column: string, table: string, onDelete = 'SET NULL') => {
      t.integer(column).nullable().references('id').inTable(table).onDelete(onDelete);
      t.index([column]);
    };

    schema.createTable('app_user', (t) => {
      t.increments('id').primary();
      t.string('email', 254).nullable().unique();
      t.string('name', 200).notNullable();
      t.string('name_folded', 200).notNullable().index();
      t.string('role', 16).notNullable().defaultTo('MARKETER');
      t.boolean('active').notNullable().defaultTo(true);
      timestamps(t);
    });

    schema.createTable('reference_item', (t) => {
      t.increments('id').primary();
      t.string('list', 32).notNullable();
      t.string('code', 64).notNullable();
      t.string('label', 200).notNullable();
      t.integer('sort').notNullable().defaultTo(0);
      t.string('semantic', 16).nullable();
      timestamps(t);
      t.unique(['list', 'code']);
      t.index(['list', 'sort']);
    });

    schema.createTable('pipeline', (t) => {
      t.increments('id').primary();
      t.string('name', 200).notNullable();
      t.integer('sort').notNullable().defaultTo(0);
      t.boolean('is_default').notNullable().defaultTo(false);
      timestamps(t);
    });

    schema.createTable('stage', (t) => {
      t.increments('id').primary();
      t.integer('pipeline_id').notNullable().references('id').inTable('pipeline').onDelete('CASCADE');
      t.string('code', 64).notNullable();
      t.string('name', 200).notNullable();
      t.integer('sort').notNullable().defaultTo(0);
      t.string('semantic', 16).notNullable();
      timestamps(t);
      t.unique(['pipeline_id', 'code']);
      t.index(['pipeline_id', 'sort']);
    });

    schema.createTable('company', (t) => {
      t.increments('id').primary();
      t.string('external_id', 100).nullable().unique();
      t.string('title', 300).notNullable();
      t.string('title_folded', 300).notNullable().index();
      ref(t, 'type_id', 'reference_item', 'RESTRICT');
      ref(t, 'industry_id', 'reference_item', 'RESTRICT');
      ref(t, 'source_id', 'reference_item', 'RESTRICT');
      t.double('revenue').nullable().index();
      t.integer('employees').nullable().index();
      ref(t, 'responsible_id', 'app_user');
      folded(t, 'city', 200);
      folded(t, 'country', 100);
      t.timestamp('last_activity_at', { useTz: true }).nullable().index();
      audited(t);
      t.index(['created_at']);
    });

    schema.createTable('contact', (t) => {
      t.increments('id').primary();
      t.string('external_id', 100).nullable().unique();
      folded(t, 'first_name', 100);
      folded(t, 'last_name', 100);
      t.string('second_name', 100).nullable();
      t.date('birthdate').nullable().index();
      // MMDD, so "birthday in the next N days" is an index range even across the new year.
      t.smallint('birth_month_day').nullable().index();
      t.string('gender', 16).nullable().index();
      ref(t, 'type_id', 'reference_item', 'RESTRICT');
      ref(t, 'source_id', 'reference_item', 'RESTRICT');
      ref(t, 'responsible_id', 'app_user');
      folded(t, 'city', 200);
      folded(t, 'country', 100);
      ref(t, 'company_id', 'company');
      t.timestamp('last_activity_at', { useTz: true }).nullable().index();
      audited(t);
      t.index(['created_at']);
    });

    schema.createTable('lead', (t) => {
      t.increments('id').primary();
      t.string('external_id', 100).nullable().unique();
      t.string('title', 300).notNullable();
      t.string('title_folded', 300).notNullable().index();
      folded(t, 'first_name', 100);
      folded(t, 'last_name', 100);
      ref(t, 'status_id', 'reference_item', 'RESTRICT');
      t.string('status_semantic', 16).notNullable().index();
      ref(t, 'source_id', 'reference_item', 'RESTRICT');
      t.boolean('converted').notNullable().defaultTo(false).index();
      ref(t, 'responsible_id', 'app_user');
      t.double('amount').nullable().index();
      t.string('currency', 3).nullable();
      folded(t, 'city', 200);
      ref(t, 'contact_id', 'contact');
      ref(t, 'company_id', 'company');
      t.timestamp('last_activity_at', { useTz: true }).nullable().index();
      audited(t);
      t.index(['created_at']);
    });

    schema.createTable('deal', (t) => {
      t.increments('id').primary();
      t.string('external_id', 100).nullable().unique();
      t.string('title', 300).notNullable();
      t.string('title_folded', 300).notNullable().index();
      t.integer('pipeline_id').notNullable().references('id').inTable('pipeline').onDelete('RESTRICT');
      t.integer('stage_id').notNullable().references('id').inTable('stage').onDelete('RESTRICT');
      // Copied from the stage on every write (and when a stage's semantic changes), so
      // "has a won deal" is an index lookup instead of a join to stages.
      t.string('stage_semantic', 16).notNullable();
      t.double('amount').nullable().index();
      t.string('currency', 3).nullable().index();
      ref(t, 'type_id', 'reference_item', 'RESTRICT');
      ref(t, 'responsible_id', 'app_user');
      ref(t, 'contact_id', 'contact');
      ref(t, 'company_id', 'company');
      t.timestamp('closed_at', { useTz: true }).nullable().index();
      audited(t);
      t.index(['created_at']);
      t.index(['pipeline_id', 'stage_id']);
      t.index(['stage_id']);
      t.index(['stage_semantic', 'contact_id']);
      t.index(['stage_semantic', 'company_id']);
    });

    schema.createTable('communication', (t) => {
      t.increments('id').primary();
      t.string('channel', 8).notNullable();
      t.string('value_type', 16).notNullable();
      t.string('value', 320).notNullable();
      // Lower-cased e-mail, E.164 phone, trimmed and folded messenger handle: what recipients dedupe on.
      t.string('normalized', 320).notNullable();
      t.integer('contact_id').nullable().references('id').inTable('contact').onDelete('CASCADE');
      t.integer('company_id').nullable().references('id').inTable('company').onDelete('CASCADE');
      t.integer('lead_id').nullable().references('id').inTable('lead').onDelete('CASCADE');
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.index(['channel', 'normalized']);
      t.index(['contact_id', 'channel']);
      t.index(['company_id', 'channel']);
      t.index(['lead_id', 'channel']);
    });

    schema.createTable('product', (t) => {
      t.increments('id').primary();
      t.string('external_id', 100).nullable().unique();
      t.string('name', 300).notNullable();
      t.string('name_folded', 300).notNullable().index();
      t.string('sku', 100).nullable().index();
      t.double('price').nullable();
      t.string('currency', 3).nullable();
      t.boolean('active').notNullable().defaultTo(true);
      audited(t);
    });

    schema.createTable('crm_order', (t) => {
      t.increments('id').primary();
      t.string('external_id', 100).nullable().unique();
      ref(t, 'contact_id', 'contact');
      ref(t, 'company_id', 'company');
      t.boolean('paid').notNullable().defaultTo(false);
      t.double('total').notNullable().defaultTo(0).index();
      t.string('currency', 3).nullable();
      t.timestamp('paid_at', { useTz: true }).nullable();
      audited(t);
      t.index(['created_at']);
      t.index(['paid', 'contact_id']);
      t.index(['paid', 'company_id']);
    });

    schema.createTable('product_row', (t) => {
      t.increments('id').primary();
      t.integer('product_id').notNullable().references('id').inTable('product').onDelete('RESTRICT');
      t.integer('deal_id').nullable().references('id').inTable('deal').onDelete('CASCADE');
      t.integer('order_id').nullable().references('id').inTable('crm_order').onDelete('CASCADE');
      t.double('quantity').notNullable().defaultTo(1);
      t.double('price').notNullable().defaultTo(0);
      t.index(['product_id']);
      t.index(['deal_id']);
      t.index(['order_id']);
    });

    schema.createTable('activity', (t) => {
      t.increments('id').primary();
      t.string('external_id', 100).nullable().unique();
      t.string('type', 16).notNullable().index();
      t.string('subject', 300).nullable();
      t.boolean('completed').notNullable().defaultTo(false);
      t.timestamp('completed_at', { useTz: true }).nullable();
      t.timestamp('deadline', { useTz: true }).nullable();
      ref(t, 'responsible_id', 'app_user');
      t.integer('contact_id').nullable().references('id').inTable('contact').onDelete('CASCADE');
      t.integer('company_id').nullable().references('id').inTable('company').onDelete('CASCADE');
      t.integer('lead_id').nullable().references('id').inTable('lead').onDelete('CASCADE');
      t.integer('deal_id').nullable().references('id').inTable('deal').onDelete('CASCADE');
      audited(t);
      t.index(['contact_id', 'created_at']);
      t.index(['company_id', 'created_at']);
      t.index(['lead_id', 'created_at']);
      t.index(['deal_id', 'created_at']);
      t.index(['created_at']);
    });

    schema.createTable('custom_field', (t) => {
      t.increments('id').primary();
      t.string('entity', 16).notNullable();
      t.string('code', 64).notNullable();
      t.string('label', 200).notNullable();
      t.string('type', 16).notNullable();
      t.integer('sort').notNullable().defaultTo(0);
      timestamps(t);
      t.unique(['entity', 'code']);
    });

    schema.createTable('custom_field_option', (t) => {
      t.increments('id').primary();
      t.integer('field_id').notNullable().references('id').inTable('custom_field').onDelete('CASCADE');
      t.string('code', 64).notNullable();
      t.string('label', 200).notNullable();
      t.integer('sort').notNullable().defaultTo(0);
      t.unique(['field_id', 'code']);
    });

    // Typed side table: one row per value (several for a multi-list). Each typed column has its
    // own (field, value, record) index, which serves "custom field X op value" as an index range
    // that yields record ids for a semi-join — measured ~10x faster than JSON expression indexes.
    schema.createTable('custom_field_value', (t) => {
      t.increments('id').primary();
      t.integer('field_id').notNullable().references('id').inTable('custom_field').onDelete('CASCADE');
      t.integer('record_id').notNullable();
      t.string('string_value', 1000).nullable();
      t.string('string_folded', 1000).nullable();
      t.double('number_value').nullable();
      t.date('date_value').nullable();
      t.boolean('boolean_value').nullable();
      t.integer('option_id').nullable().references('id').inTable('custom_field_option').onDelete('CASCADE');
      t.index(['field_id', 'record_id']);
      t.index(['field_id', 'string_folded', 'record_id']);
      t.index(['field_id', 'number_value', 'record_id']);
      t.index(['field_id', 'date_value', 'record_id']);
      t.index(['field_id', 'boolean_value', 'record_id']);
      t.index(['option_id', 'record_id']);
    });

    schema.createTable('stop_list_entry', (t) => {
      t.increments('id').primary();
      t.string('channel', 8).notNullable();
      t.string('address', 320).notNullable();
      t.string('reason', 16).notNullable();
      t.string('note', 500).nullable();
      t.integer('created_by_id').nullable().references('id').inTable('app_user').onDelete('SET NULL');
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.unique(['channel', 'address']);
    });

    return schema;
  }
}
