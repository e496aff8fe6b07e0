import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/api';
import { engines } from '../../../test/databases';
import { ReferenceItem } from '../../reference-lists/reference-item.entity';
import { User } from '../../users/user.entity';

type Rows = Array<Record<string, unknown>>;

/**
 * Loading entities and flushing must not write them (found by the attack tests): on SQLite every
 * loaded entity looked changed (dates snapshotted as Date, compared as numbers), so a flush
 * rewrote it and bumped its updated_at, e.g. the reference items a saved segment's filter named.
 */
describe.each(engines)('entities loaded and not changed on %s', (engine) => {
  let api: TestApi;
  const rows = (sql: string) => api.db.orm.em.getConnection().execute<Rows>(sql);
  beforeAll(async () => {
    api = await startTestApi(engine);
  });
  afterAll(async () => {
    await api?.close();
  });

  it('have no change set at the next flush', async () => {
    const em = api.db.fork();
    await em.find(ReferenceItem, {});
    await em.find(User, {});
    em.getUnitOfWork().computeChangeSets();
    expect(em.getUnitOfWork().getChangeSets()).toEqual([]);
  });

  it('stay as stored when a segment naming them is saved and updated', async () => {
    const before = await rows('SELECT * FROM reference_item ORDER BY id');
    await new Promise((resolve) => setTimeout(resolve, 5));
    const filter = { rules: [{ rule: { field: 'contact.type', operator: 'IN', value: { strings: ['CLIENT', 'SUPPLIER'] } } }] };
    const created = await api.exec(`mutation($f: FilterGroupInput) { createSegment(input: { name: "Types", filter: $f }) { segment { id } errors { code } } }`, { f: filter });
    const id = created.createSegment.segment.id;
    await api.exec(`mutation($id: ID!, $f: FilterGroupInput) { updateSegment(input: { id: $id, version: 1, filter: $f }) { errors { code } } }`, { id, f: filter });
    expect(await rows('SELECT * FROM reference_item ORDER BY id')).toEqual(before);
  });

  it('still store dates as before: epoch milliseconds on SQLite, timestamps on PostgreSQL', async () => {
    await api.exec(`mutation { createContact(input: { lastName: "Dated", createdAt: "2021-03-04T05:06:07.089Z" }) { errors { code } } }`);
    const [row] = await rows(`SELECT created_at FROM contact WHERE last_name = 'Dated'`);
    if (engine === 'sqlite') expect(row.created_at).toBe(Date.parse('2021-03-04T05:06:07.089Z'));
    else expect(new Date(row.created_at as string).toISOString()).toBe('2021-03-04T05:06:07.089Z');
  });
});
