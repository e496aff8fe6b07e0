import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/api';
import { engines } from '../../../test/databases';
import { userActor, type Actor } from '../../auth/actor';
import { inTransaction } from '../../records/crud.service';
import { keyOf } from '../../common/global-id';
import { itemAt } from '../../lib/indexed';
import { UserRole } from '../../users/user.entity';
import { AuditAction, AuditSubjectType } from '../audit.enums';
import { recordAudit } from '../record-audit';
import { adminUser, allEvents, EVENT_FIELDS, execAs, type EventNode } from './audit-test-helpers';

const CREATE = `mutation($name: String!) { createSegment(input: { name: $name, kind: STATIC }) { segment { id } errors { code } } }`;
const DELETE = `mutation($id: ID!) { deleteSegment(id: $id) { deletedId } }`;
const PAGE = `query($first: Int, $after: String, $f: AuditEventFilter) { auditEvents(first: $first, after: $after, filter: $f) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${EVENT_FIELDS} } } } }`;

/** The audit log as admins read it: keyset pages newest first, filters, and atomicity with the change. */
describe.each(engines)('audit log queries on %s', (engine) => {
  let api: TestApi;
  let admin: { id: string; name: string };
  let ana: { id: string; name: string };
  let token: Actor;
  let kept: string;
  let removed: string;

  beforeAll(async () => {
    api = await startTestApi(engine);
    admin = await adminUser(api);
    ana = (await api.exec(`mutation { createUser(input: { name: "Ana Silva", role: MARKETER }) { user { id name } } }`)).createUser.user;
    // What authentication will put in the context for a request with Ana's API token.
    token = { ...userActor({ key: keyOf(ana.id, 'User')!, name: 'Ana Silva', role: UserRole.MARKETER }), subject: 'token:7', tokenKey: 7, label: 'token CRM sync (Ana Silva)' };
    for (const name of ['A1', 'A2', 'A3']) await api.exec(CREATE, { name });
    kept = (await execAs(api, token, CREATE, { name: 'T1' })).createSegment.segment.id;
    removed = (await execAs(api, token, CREATE, { name: 'T2' })).createSegment.segment.id;
    await execAs(api, token, DELETE, { id: removed });
    await api.exec(`mutation($id: ID!) { updateSegment(input: { id: $id, version: 1, name: "T1 renamed" }) { errors { code } } }`, { id: kept });
  });
  afterAll(async () => api?.close());

  const page = async (variables: Record<string, unknown>) => (await api.exec(PAGE, variables)).auditEvents;

  /** Follows `after` cursors to the end, `size` events at a time. */
  async function walk(size: number, filter?: Record<string, unknown>): Promise<EventNode[]> {
    const seen: EventNode[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 100; guard++) {
      const result: any = await page({ first: size, after, f: filter ?? null });
      seen.push(...result.edges.map((e: { node: EventNode }) => e.node));
      if (!result.pageInfo.hasNextPage) return seen;
      after = result.pageInfo.endCursor;
    }
    throw new Error('paging did not end');
  }

  it('pages newest first with keyset cursors, never skipping or repeating an event', async () => {
    const everything = await allEvents(api);
    expect(everything.map((e) => e.action)).toEqual(['SEGMENT_UPDATED', 'SEGMENT_DELETED', 'SEGMENT_CREATED', 'SEGMENT_CREATED', 'SEGMENT_CREATED', 'SEGMENT_CREATED', 'SEGMENT_CREATED']);
    const times = everything.map((e) => Date.parse(e.occurredAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(await walk(2)).toEqual(everything);
    expect((await page({ first: 0 })).totalCount).toBe(everything.length);
  });

  it('keeps events of the same millisecond in a stable order across pages', async () => {
    const ctx = api.context();
    const at = new Date('2020-01-01T00:00:00.000Z');
    for (let i = 0; i < 5; i++) await recordAudit(ctx, { action: AuditAction.STOP_LIST_IMPORTED, subject: { type: AuditSubjectType.STOP_LIST }, details: { imported: i } }, at);
    const filter = { actions: ['STOP_LIST_IMPORTED'] };
    const walked = await walk(2, filter);
    expect(walked.map((e) => e.details?.imported)).toEqual([4, 3, 2, 1, 0]);
    expect(walked.every((e) => e.occurredAt === at.toISOString())).toBe(true);
  });

  it('tells API-token events apart and filters by actor', async () => {
    const anas = await allEvents(api, { actorId: ana.id });
    expect(anas.map((e) => [e.action, e.subjectName])).toEqual([
      ['SEGMENT_DELETED', 'T2'],
      ['SEGMENT_CREATED', 'T2'],
      ['SEGMENT_CREATED', 'T1'],
    ]);
    expect(anas.every((e) => e.viaApiToken && e.actorLabel === 'token CRM sync (Ana Silva)' && e.actor?.id === ana.id)).toBe(true);
    const admins = await allEvents(api, { actorId: admin.id });
    expect(admins.every((e) => !e.viaApiToken && e.actorLabel === 'Administrator')).toBe(true);
    expect(admins.filter((e) => e.action.startsWith('SEGMENT_'))).toHaveLength(4);
  });

  it('filters by action, subject and time, and a segment lists its own events', async () => {
    expect((await allEvents(api, { actions: ['SEGMENT_DELETED', 'SEGMENT_UPDATED'] })).map((e) => e.subjectName)).toEqual(['T1 renamed', 'T2']);
    const ofKept = await allEvents(api, { subjectId: kept });
    expect(ofKept.map((e) => e.action)).toEqual(['SEGMENT_UPDATED', 'SEGMENT_CREATED']);
    const own = (await api.exec(`query($id: ID!) { segment(id: $id) { auditEvents(first: 10) { edges { node { id } } } } }`, { id: kept })).segment.auditEvents.edges.map((e: any) => e.node.id);
    expect(own).toEqual(ofKept.map((e) => e.id));
    // A deleted segment's events stay findable by its id.
    expect((await allEvents(api, { subjectId: removed })).map((e) => e.action)).toEqual(['SEGMENT_DELETED', 'SEGMENT_CREATED']);
    expect(await allEvents(api, { subjectTypes: ['STOP_LIST_ENTRY'] })).toEqual([]);

    const everything = await allEvents(api);
    const middle = itemAt(everything, 3).occurredAt;
    const from = await allEvents(api, { from: middle });
    const to = await allEvents(api, { to: middle });
    expect(from).toEqual(everything.filter((e) => e.occurredAt >= middle));
    expect(to).toEqual(everything.filter((e) => e.occurredAt < middle));
    expect(from.length + to.length).toBe(everything.length);
    expect(await allEvents(api, { from: middle, to: middle })).toEqual([]);
    expect(await allEvents(api, { actions: ['SEGMENT_CREATED'], actorId: ana.id, to: middle })).toEqual(to.filter((e) => e.action === 'SEGMENT_CREATED' && e.actor?.id === ana.id));
  });

  it('answers a malformed id in the filter with a typed error naming the field', async () => {
    const result = await api.execRaw(`query { auditEvents(filter: { actorId: "${kept}", subjectId: "nope" }) { totalCount } }`);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [
        { path: ['filter', 'actorId'], code: 'INVALID' },
        { path: ['filter', 'subjectId'], code: 'INVALID' },
      ],
    });
  });

  it('rolls an event back with a failed transaction', async () => {
    const ctx = api.context();
    const before = (await page({ first: 0 })).totalCount;
    await expect(
      inTransaction(ctx.em, async () => {
        await recordAudit(ctx, { action: AuditAction.SEGMENT_CREATED, subject: { type: AuditSubjectType.SEGMENT, key: 999, name: 'Never' } });
        throw new Error('the change failed after its event was written');
      }),
    ).rejects.toThrow(/change failed/);
    expect((await page({ first: 0 })).totalCount).toBe(before);
  });

  it('does not make a change whose event cannot be written', async () => {
    const broken = await startTestApi(engine);
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {
      /* the expected failure is logged; the test keeps it quiet */
    });
    try {
      await broken.db.orm.em.getConnection().execute('DROP TABLE audit_event');
      const result = await broken.execRaw(CREATE, { name: 'Unrecorded' });
      expect(result.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect((await broken.exec(`{ segments(first: 0) { totalCount } }`)).segments.totalCount).toBe(0);
    } finally {
      quiet.mockRestore();
      await broken.close();
    }
  });
});
