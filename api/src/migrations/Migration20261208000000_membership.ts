import type { Knex } from '@mikro-orm/knex';
import { SchemaMigration } from '../db/schema-migration';

/**
 * Maintained membership (segments/membership/): who is in each saved dynamic segment, kept by the
 * maintainer from a queue of touched members that triggers fill in the writing transaction.
 */
export class Migration20261208000000_membership extends SchemaMigration {
  protected build(knex: Knex): Knex.SchemaBuilder {
    const schema = knex.schema;
    const segment = (t: Knex.CreateTableBuilder) => t.integer('segment_id').notNullable().references('id').inTable('segment').onDelete('CASCADE');

    // Members a write may have changed the answer of: written by the capture triggers (generated
    // from the domains' write touches), drained by the maintainer. Duplicates are fine.
    schema.createTable('membership_change', (t) => {
      t.bigIncrements('id').primary();
      t.string('table_name', 64).notNullable();
      t.string('member_type', 16).notNullable();
      t.integer('member_key').notNullable();
    });

    schema.createTable('segment_membership', (t) => {
      segment(t);
      t.string('member_type', 16).notNullable();
      t.integer('member_key').notNullable();
      // The start of the member's current stay.
      t.timestamp('since', { useTz: true }).notNullable();
      t.primary(['segment_id', 'member_type', 'member_key']);
      // "Which segments is this record in".
      t.index(['member_type', 'member_key']);
    });

    // One row per segment whose membership is kept: BUILDING until the first build, then LIVE (or
    // FAILED with the reason). `fingerprint` names the definitions the rows are of (the segment's
    // version and those of the segments it names); `day` the local day relative dates were
    // evaluated on, for segments whose answer moves with the day.
    schema.createTable('segment_membership_state', (t) => {
      t.integer('segment_id').primary().references('id').inTable('segment').onDelete('CASCADE');
      t.string('state', 8).notNullable();
      t.text('error').nullable();
      t.string('fingerprint', 2000).nullable();
      t.boolean('day_sensitive').notNullable().defaultTo(false);
      // The tables each member type's answer reads (JSON): which queued changes concern the segment.
      t.text('reads').nullable();
      t.string('day', 10).nullable();
      t.timestamp('built_at', { useTz: true }).nullable();
      // When the maintainer last brought the rows up to date (every change queued before it applied).
      t.timestamp('as_of', { useTz: true }).nullable();
    });

    // Members per type, kept with the rows, so a count is one row read.
    schema.createTable('segment_membership_size', (t) => {
      segment(t);
      t.string('member_type', 16).notNullable();
      t.integer('members').notNullable();
      t.primary(['segment_id', 'member_type']);
    });

    // Who entered and left, when and why (RECORD_CHANGE, SEGMENT_EDITED, DAY_BOUNDARY, STATIC_EDIT).
    schema.createTable('segment_membership_event', (t) => {
      t.bigIncrements('id').primary();
      segment(t);
      t.string('member_type', 16).notNullable();
      t.integer('member_key').notNullable();
      t.string('kind', 8).notNullable();
      t.string('reason', 16).notNullable();
      t.timestamp('at', { useTz: true }).notNullable();
      t.index(['segment_id', 'id']);
    });
    // The size of each segment over time: a point per day (DAY) and at every rebuild of its
    // definition (DEFINITION), members and recipients per channel; pruned after the retention.
    schema.createTable('segment_size_history', (t) => {
      t.bigIncrements('id').primary();
      segment(t);
      t.string('day', 10).notNullable();
      t.timestamp('at', { useTz: true }).notNullable();
      t.string('reason', 16).notNullable();
      t.integer('members').notNullable();
      t.integer('email').notNullable();
      t.integer('phone').notNullable();
      t.integer('im').notNullable();
      t.index(['segment_id', 'at']);
      t.index(['at']);
    });
    // Frozen audiences: a segment's recipients of one channel as they were when a campaign was
    // sent, kept as they are (the segment may change or go; its audiences stay).
    schema.createTable('frozen_audience', (t) => {
      t.increments('id').primary();
      t.integer('segment_id').nullable().references('id').inTable('segment').onDelete('SET NULL');
      t.string('segment_name', 200).notNullable();
      t.string('channel', 8).notNullable();
      t.string('name', 200).notNullable();
      t.integer('recipients').notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.integer('created_by_id').nullable().references('id').inTable('app_user').onDelete('SET NULL');
      t.index(['segment_id', 'id']);
    });
    schema.createTable('frozen_recipient', (t) => {
      t.integer('audience_id').notNullable().references('id').inTable('frozen_audience').onDelete('CASCADE');
      t.string('address', 320).notNullable();
      t.string('name', 300).nullable();
      t.string('owner_type', 8).nullable();
      t.integer('owner_id').nullable();
      t.primary(['audience_id', 'address']);
    });
    // Webhooks: an administrator's subscription of a URL to ENTERED/LEFT events (of one segment or
    // all); deliveries are rows (they survive restarts), each attempt logged.
    schema.createTable('webhook_subscription', (t) => {
      t.increments('id').primary();
      t.string('url', 2000).notNullable();
      t.integer('segment_id').nullable().references('id').inTable('segment').onDelete('CASCADE');
      t.string('events', 32).notNullable();
      // The signing secret: HMAC needs it as it is, like the export links' secret.
      t.string('secret', 100).notNullable();
      t.boolean('active').notNullable();
      t.text('disabled_reason').nullable();
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.integer('created_by_id').nullable().references('id').inTable('app_user').onDelete('SET NULL');
    });
    schema.createTable('webhook_delivery', (t) => {
      t.bigIncrements('id').primary();
      t.integer('subscription_id').notNullable().references('id').inTable('webhook_subscription').onDelete('CASCADE');
      t.text('payload').notNullable();
      t.string('state', 10).notNullable();
      t.integer('attempts').notNullable();
      t.timestamp('next_attempt_at', { useTz: true }).notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.timestamp('delivered_at', { useTz: true }).nullable();
      t.index(['state', 'next_attempt_at']);
      t.index(['subscription_id', 'id']);
    });
    schema.createTable('webhook_attempt', (t) => {
      t.bigIncrements('id').primary();
      t.bigInteger('delivery_id').notNullable().references('id').inTable('webhook_delivery').onDelete('CASCADE');
      t.timestamp('at', { useTz: true }).notNullable();
      t.integer('status').nullable();
      t.integer('latency_ms').notNullable();
      t.text('error').nullable();
      t.text('response_excerpt').nullable();
      t.index(['delivery_id', 'id']);
    });
    return schema;
  }
}
