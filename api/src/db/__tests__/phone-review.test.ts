import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/api';
import { engines } from '../../../test/databases';

/**
 * Numbers stored before phones had to be valid (typed without a country code, read in the default
 * region) are listed by the phone_review migration, not silently kept; valid ones are not listed and
 * nothing is changed.
 */
describe.each(engines)('the phone_review migration on %s', (engine) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(engine);
  });
  afterAll(async () => {
    await api?.close();
  });

  it('lists the stored phones that are not valid numbers of their country', async () => {
    const segment = (await api.exec(`mutation { createSegment(input: { name: "Old list", kind: STATIC }) { segment { id } } }`)).createSegment.segment.id;
    const segmentKey = (await api.db.orm.em.getConnection().execute(`select id from segment where name = 'Old list'`))[0].id;
    expect(segment).toBeTruthy();
    const migrator = api.db.orm.getMigrator();
    await migrator.down('Migration20261203000000_phone_review');
    const sql = api.db.orm.em.getConnection();
    const now = engine === 'sqlite' ? Date.now() : new Date();
    await sql.execute(
      `insert into communication (channel, value_type, value, normalized, created_at) values ('PHONE', 'WORK', '916 123-45-67', '+19161234567', ?), ('PHONE', 'WORK', '+1 415 555 2671', '+14155552671', ?), ('EMAIL', 'WORK', 'a@b.example', 'a@b.example', ?)`,
      [now, now, now],
    );
    await sql.execute(`insert into segment_member (segment_id, channel, address, created_at) values (?, 'PHONE', '+11987654321', ?), (?, 'PHONE', '+48601234567', ?)`, [
      segmentKey,
      now,
      segmentKey,
      now,
    ]);
    await sql.execute(`insert into stop_list_entry (channel, address, reason, created_at) values ('PHONE', '+19161234567', 'UNSUBSCRIBED', ?)`, [now]);

    await migrator.up('Migration20261203000000_phone_review');

    const listed = await sql.execute(`select source_table, phone, written_as from phone_review order by source_table, phone`);
    expect(listed).toEqual([
      { source_table: 'communication', phone: '+19161234567', written_as: '916 123-45-67' },
      { source_table: 'segment_member', phone: '+11987654321', written_as: null },
      { source_table: 'stop_list_entry', phone: '+19161234567', written_as: null },
    ]);
    // A report: the rows themselves are kept as they were.
    expect((await sql.execute(`select count(*) as n from communication where channel = 'PHONE'`))[0].n).toBe(engine === 'sqlite' ? 2 : '2');
  });
});
