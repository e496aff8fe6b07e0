import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/api';
import { engines } from '../../../test/databases';
import { staticImportJobs } from '../../segments/static-import-jobs';
import { adminUser, allEvents, eventsOf } from './audit-test-helpers';

const city = (name: string) => ({ combinator: 'AND', rules: [{ rule: { field: 'client.city', operator: 'EQ', value: { string: name } } }] });
const CREATE = `mutation($i: CreateSegmentInput!) { createSegment(input: $i) { segment { id name version } errors { code path } } }`;
const UPDATE = `mutation($i: UpdateSegmentInput!) { updateSegment(input: $i) { segment { id version } errors { code path } } }`;
const REPORT = 'errors { code } lines imported alreadyPresent invalidCount';

/**
 * Every recorded action through the real schema on both engines: the right action, actor,
 * subject and details, and nothing recorded for a change that did not happen.
 */
describe.each(engines)('audit events recorded on %s', (engine) => {
  let api: TestApi;
  let admin: { id: string; name: string };
  let base: string;

  beforeAll(async () => {
    api = await startTestApi(engine, { defaultPhoneRegion: 'PL', exportLinkSeconds: 60 });
    await new Promise<void>((resolve) => api.app.httpServer.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(api.app.httpServer.address() as AddressInfo).port}`;
    admin = await adminUser(api);
  });
  afterAll(async () => {
    await new Promise((resolve) => api.app.httpServer.close(resolve));
    await api?.close();
  });

  const create = async (input: Record<string, unknown>) => (await api.exec(CREATE, { i: input })).createSegment;

  it('records creating, updating, restoring, duplicating and deleting a segment with actor, subject and details', async () => {
    let id = '';
    const [created] = await eventsOf(api, async () => {
      id = (await create({ name: 'Kraków clients', filter: city('Kraków'), tags: ['vip'] })).segment.id;
    });
    expect(created).toMatchObject({
      action: 'SEGMENT_CREATED',
      actorLabel: 'Administrator',
      viaApiToken: false,
      actor: admin,
      subjectType: 'SEGMENT',
      subjectId: id,
      subjectName: 'Kraków clients',
      details: { kind: 'DYNAMIC' },
      segment: { id, name: 'Kraków clients' },
    });
    expect(Date.now() - Date.parse(created!.occurredAt)).toBeLessThan(60_000);

    const [updated] = await eventsOf(api, () => api.exec(UPDATE, { i: { id, version: 1, name: 'Gdańsk clients', filter: city('Gdańsk') } }));
    expect(updated).toMatchObject({ action: 'SEGMENT_UPDATED', subjectName: 'Gdańsk clients', details: { version: 2, changed: ['name', 'filter'], previousName: 'Kraków clients' } });

    const [tagsOnly] = await eventsOf(api, () => api.exec(UPDATE, { i: { id, version: 2, tags: ['vip', 'north'] } }));
    expect(tagsOnly?.details).toEqual({ version: 3, changed: ['tags'] });

    const [restored] = await eventsOf(api, () => api.exec(`mutation($id: ID!) { restoreSegmentVersion(id: $id, version: 1, expectedVersion: 3) { errors { code } } }`, { id }));
    expect(restored).toMatchObject({
      action: 'SEGMENT_VERSION_RESTORED',
      subjectName: 'Kraków clients',
      details: { restoredVersion: 1, version: 4, changed: ['name', 'tags', 'filter'], previousName: 'Gdańsk clients' },
    });

    let copyId = '';
    const [duplicated] = await eventsOf(api, async () => {
      copyId = (await api.exec(`mutation($id: ID!) { duplicateSegment(id: $id) { segment { id } } }`, { id })).duplicateSegment.segment.id;
    });
    expect(duplicated).toMatchObject({ action: 'SEGMENT_DUPLICATED', subjectId: copyId, subjectName: 'Kraków clients (copy)', details: { kind: 'DYNAMIC', fromId: id, fromName: 'Kraków clients' } });

    const [deleted] = await eventsOf(api, () => api.exec(`mutation($id: ID!) { deleteSegment(id: $id) { deletedId } }`, { id: copyId }));
    // The segment is gone: the event keeps its id and name, the live link is null.
    expect(deleted).toMatchObject({ action: 'SEGMENT_DELETED', subjectId: copyId, subjectName: 'Kraków clients (copy)', segment: null, details: { kind: 'DYNAMIC', version: 1 } });
    expect(await allEvents(api, { subjectId: copyId })).toMatchObject([{ action: 'SEGMENT_DELETED' }, { action: 'SEGMENT_DUPLICATED', segment: null }]);
  });

  it('records nothing for a change that did not happen', async () => {
    const { segment } = await create({ name: 'Untouched', filter: city('Kraków') });
    const member = await create({ name: 'Uses Untouched', filter: { combinator: 'AND', rules: [{ rule: { field: 'segment.membership', operator: 'IN', value: { ids: [segment.id] } } }] } });
    expect(member.errors).toEqual([]);
    const none = await eventsOf(api, async () => {
      expect((await create({ name: '', kind: 'STATIC' })).errors).toMatchObject([{ code: 'REQUIRED', path: ['input', 'name'] }]);
      expect((await api.exec(UPDATE, { i: { id: segment.id, version: 7, name: 'Stale' } })).updateSegment.errors).toMatchObject([{ code: 'VERSION_CONFLICT' }]);
      expect(
        (await api.exec(UPDATE, { i: { id: segment.id, version: 1, filter: { combinator: 'AND', rules: [{ rule: { field: 'client.nope', operator: 'EQ', value: { string: 'x' } } }] } } }))
          .updateSegment.errors,
      ).toMatchObject([{ code: 'UNKNOWN_FIELD' }]);
      expect(
        (await api.exec(`mutation($id: ID!) { restoreSegmentVersion(id: $id, version: 9, expectedVersion: 1) { errors { code } } }`, { id: segment.id })).restoreSegmentVersion.errors,
      ).toMatchObject([{ code: 'NOT_FOUND' }]);
      expect((await api.exec(`mutation($id: ID!) { deleteSegment(id: $id) { errors { code } } }`, { id: segment.id })).deleteSegment.errors).toMatchObject([{ code: 'IN_USE' }]);
      expect((await api.exec(`mutation($id: ID!) { importStaticSegment(id: $id, text: "a@example.com") { ${REPORT} } }`, { id: segment.id })).importStaticSegment.errors).toMatchObject([
        { code: 'INVALID' },
      ]);
      expect((await api.exec(`mutation { upsertContacts(rows: [{ firstName: "No external id" }]) { failed } }`)).upsertContacts.failed).toBe(1);
      expect((await api.exec(`mutation { addStopListEntry(input: { channel: EMAIL, address: "nope", reason: BOUNCED }) { errors { code } } }`)).addStopListEntry.errors).toMatchObject([
        { code: 'INVALID' },
      ]);
      expect((await api.exec(`mutation { removeStopListEntry(id: "U3RvcExpc3RFbnRyeTo5OTk5") { errors { code } } }`)).removeStopListEntry.errors).toMatchObject([{ code: 'NOT_FOUND' }]);
    });
    expect(none).toEqual([]);
  });

  it('records static segment imports, background imports, adds and removals with their counts', async () => {
    const { segment } = await create({ name: 'Newsletter', kind: 'STATIC' });
    const text = ['anna@example.com;Anna', 'ANNA@example.com', '+48 601-234-567', 'not-an-address'].join('\n');
    const [imported] = await eventsOf(api, () => api.exec(`mutation($id: ID!, $t: String!) { importStaticSegment(id: $id, text: $t) { ${REPORT} } }`, { id: segment.id, t: text }));
    expect(imported).toMatchObject({
      action: 'STATIC_SEGMENT_IMPORTED',
      subjectId: segment.id,
      subjectName: 'Newsletter',
      details: { lines: 4, imported: 2, alreadyPresent: 0, duplicatesInInput: 1, invalid: 1 },
    });

    const [background] = await eventsOf(api, async () => {
      const job = (await api.exec(`mutation($id: ID!) { startStaticSegmentImport(id: $id, text: "anna@example.com\\nola@example.com") { job { id } } }`, { id: segment.id })).startStaticSegmentImport
        .job;
      expect(await staticImportJobs.settled(job.id)).toMatchObject({ state: 'DONE' });
    });
    expect(background).toMatchObject({ action: 'STATIC_SEGMENT_IMPORTED', actorLabel: 'Administrator', details: { lines: 2, imported: 1, alreadyPresent: 1 } });

    const [added] = await eventsOf(api, () =>
      api.exec(`mutation($id: ID!) { addStaticSegmentMembers(id: $id, members: [{ channel: EMAIL, address: "Jan@Example.com" }, { channel: PHONE, address: "12" }]) { ${REPORT} } }`, {
        id: segment.id,
      }),
    );
    expect(added).toMatchObject({ action: 'STATIC_MEMBERS_ADDED', details: { lines: 2, imported: 1, invalid: 1 } });

    const [removed] = await eventsOf(api, () =>
      api.exec(`mutation($id: ID!) { removeStaticSegmentMembers(id: $id, members: [{ channel: EMAIL, address: "jan@example.com" }, { channel: EMAIL, address: "nobody@example.com" }]) { removed } }`, {
        id: segment.id,
      }),
    );
    expect(removed).toMatchObject({ action: 'STATIC_MEMBERS_REMOVED', details: { asked: 2, removed: 1 } });

    const [duplicated] = await eventsOf(api, () => api.exec(`mutation($id: ID!) { duplicateSegment(id: $id, name: "Newsletter B") { segment { id } } }`, { id: segment.id }));
    expect(duplicated).toMatchObject({ action: 'SEGMENT_DUPLICATED', subjectName: 'Newsletter B', details: { kind: 'STATIC', fromId: segment.id, members: 3 } });
  });

  it('records stop-list additions, removals and imports', async () => {
    let entryId = '';
    const [added] = await eventsOf(api, async () => {
      entryId = (await api.exec(`mutation { addStopListEntry(input: { channel: EMAIL, address: "Gone@Example.com", reason: UNSUBSCRIBED }) { entry { id } } }`)).addStopListEntry.entry.id;
    });
    expect(added).toMatchObject({
      action: 'STOP_LIST_ENTRY_ADDED',
      subjectType: 'STOP_LIST_ENTRY',
      subjectId: entryId,
      subjectName: 'gone@example.com',
      details: { channel: 'EMAIL', reason: 'UNSUBSCRIBED' },
      segment: null,
    });
    // Adding an address already listed changes nothing.
    expect(await eventsOf(api, () => api.exec(`mutation { addStopListEntry(input: { channel: EMAIL, address: "gone@example.com", reason: BOUNCED }) { entry { id } } }`))).toEqual([]);

    const [removed] = await eventsOf(api, () => api.exec(`mutation($id: ID!) { removeStopListEntry(id: $id) { deletedId } }`, { id: entryId }));
    expect(removed).toMatchObject({ action: 'STOP_LIST_ENTRY_REMOVED', subjectId: entryId, subjectName: 'gone@example.com' });

    const [imported] = await eventsOf(api, () => api.exec(`mutation { importStopList(text: "a@example.com\\nb@example.com\\nA@example.com\\nbad", reason: BOUNCED) { imported } }`));
    expect(imported).toMatchObject({
      action: 'STOP_LIST_IMPORTED',
      subjectType: 'STOP_LIST',
      subjectId: null,
      subjectName: null,
      details: { reason: 'BOUNCED', channel: null, lines: 4, imported: 2, duplicates: 1, invalid: 1 },
    });
  });

  it('records a CRM bulk upsert with counts per kind', async () => {
    const [first] = await eventsOf(api, () =>
      api.exec(`mutation { upsertContacts(rows: [{ externalId: "c-1", firstName: "Anna", city: "Kraków" }, { externalId: "c-2", firstName: "Jan" }, { firstName: "No id" }]) { created failed } }`),
    );
    expect(first).toMatchObject({ action: 'CRM_IMPORTED', subjectType: 'CONTACT', subjectId: null, details: { rows: 3, created: 2, updated: 0, failed: 1 } });
    const [second] = await eventsOf(api, () => api.exec(`mutation { upsertCompanies(rows: [{ externalId: "co-1", title: "Acme" }]) { created } }`));
    expect(second).toMatchObject({ subjectType: 'COMPANY', details: { rows: 1, created: 1, updated: 0, failed: 0 } });
    const [third] = await eventsOf(api, () => api.exec(`mutation { upsertContacts(rows: [{ externalId: "c-1", firstName: "Anna", city: "Kraków" }]) { updated } }`));
    expect(third?.details).toEqual({ rows: 1, created: 0, updated: 1, failed: 0 });
  });

  it('records a CSV export when it starts and its row count when it ends', async () => {
    await api.exec(
      `mutation { upsertContacts(rows: [{ externalId: "c-3", firstName: "Ola", city: "Kraków", communications: [{ channel: EMAIL, value: "ola@example.com" }] }, { externalId: "c-4", firstName: "Ewa", city: "Kraków", communications: [{ channel: EMAIL, value: "ewa@example.com" }] }]) { created } }`,
    );
    const segment = (await create({ name: 'Export me', filter: city('Kraków') })).segment;
    const url = (await api.exec(`query($id: ID!) { segment(id: $id) { exportUrl(channel: EMAIL) } }`, { id: segment.id })).segment.exportUrl;
    let lines = 0;
    const [exported] = await eventsOf(api, async () => {
      const response = await fetch(base + url);
      expect(response.status).toBe(200);
      lines = (await response.text()).trim().split('\r\n').length - 1;
    });
    expect(lines).toBe(2);
    expect(exported).toMatchObject({ action: 'SEGMENT_EXPORTED', actor: admin, subjectId: segment.id, subjectName: 'Export me', details: { channel: 'EMAIL', rows: 2, completed: true } });
    // A refused link is no export.
    expect(await eventsOf(api, async () => expect((await fetch(base + url.replace(/expires=\d+/, 'expires=1000'))).status).toBe(403))).toEqual([]);
  });
});
