import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/api';
import { engines } from '../../../test/databases';
import { datasetArbitrary, loadDataset, type FixtureKeys } from '../../../test/filter-fixture';
import { setUpFilterFixture } from '../../../test/filter-setup';
import { treeArbitrary } from '../../../test/filter-trees';
import { toGlobalId } from '../../common/global-id';
import { itemAt } from '../../lib/indexed';
import type { FieldCatalog } from '../../filter/model/catalog';
import { crmModel } from '../filtering/crm-model';
import { Oracle, type Row } from '../../filter/oracle/oracle';
import { ClientType, FilterScope, SegmentSource } from '../../common/crm-enums';
import type { MemberType } from '../../common/crm-enums';
import { membersOf, prepareFilter } from '../filtering/query';

const RANK: Record<string, number> = { company: 1, contact: 2, lead: 3 };
const TYPE: Record<string, string> = { company: 'Company', contact: 'Contact', lead: 'Lead' };
/** The RANK or TYPE of a member type this test meets (companies, contacts, leads). */
function known<V>(table: Record<string, V>, type: string | undefined): V {
  const value = type === undefined ? undefined : table[type];
  if (value === undefined) throw new Error(`unexpected member type ${type}`);
  return value;
}
const STOPPED = 'a0@x.example';

/** A tree every record of the source matches (random trees often match few). */
const everyone = (source: SegmentSource) => {
  const field = source === SegmentSource.LEADS ? 'lead.title' : 'client.city';
  return { combinator: 'OR', not: false, rules: [{ rule: { field, operator: 'IS_EMPTY' } }, { rule: { field, operator: 'IS_NOT_EMPTY' } }] } as never;
};

const PREVIEW = `query($i: SegmentDefinitionInput!) { previewSegment(input: $i) {
  errors { path code message }
  memberCount { value }
  members(first: 500) { edges { node { __typename ... on Contact { id } ... on Company { id } ... on Lead { id } } } }
  recipients(channel: EMAIL, first: 500) { totalCount edges { node { address ownerCount owner { ... on Contact { id } ... on Company { id } ... on Lead { id } } } } }
  recipientCounts(channels: [EMAIL]) { value }
} }`;

/**
 * Segment semantics against a plain in-memory computation, over random CRMs and random trees:
 * members (the oracle's, plus the Leads-source rules), their (type, key) order, and recipients —
 * one row per distinct address of the members, minus the stop list, owned by the first member.
 * Addresses are shared on purpose (four distinct e-mails, one of them stopped, among up to twenty communications).
 */
describe.each(engines)('segment audiences agree with the oracle on %s', (engine) => {
  let api: TestApi;
  let keys: FixtureKeys;
  let listed: Map<string, string[]>;
  let catalog: FieldCatalog;
  beforeAll(async () => {
    api = await startTestApi(engine);
    ({ keys, listed, catalog } = await setUpFilterFixture(api));
  });
  afterAll(async () => api?.close());

  const agree = async (source: SegmentSource, scopes: FilterScope[], runs: number) => {
    const memberTypes = membersOf(source, ClientType.ANY);
    await fc.assert(
      fc.asyncProperty(datasetArbitrary(keys), fc.oneof(treeArbitrary(catalog, source, listed, scopes), fc.constant(everyone(source))), async (raw, tree) => {
        const data = { ...raw, communication: raw.communication.map((c): Row => ({ ...c, channel: Number(c.id) % 4 === 0 ? 'PHONE' : 'EMAIL', normalized: `a${Number(c.id) % 5}@x.example` })) };
        await loadDataset(api.db, data);
        const connection = api.db.orm.em.getConnection();
        await connection.execute('DELETE FROM stop_list_entry');
        await connection.execute('INSERT INTO stop_list_entry (channel, address, reason, created_at) VALUES (?, ?, ?, ?)', [
          'EMAIL',
          STOPPED,
          'BOUNCED',
          api.db.kind === 'sqlite' ? Date.now() : new Date(),
        ]);

        const prepared = await prepareFilter(api.context(), { tree, source, members: memberTypes, timeZone: 'UTC', now: new Date() });
        expect(prepared.problems).toEqual([]);
        const oracle = new Oracle(crmModel, data);
        const withChannel = new Set(data.communication.filter((c) => c.lead_id != null).map((c) => c.lead_id));
        const members = memberTypes.flatMap((type: MemberType) =>
          oracle
            .members(prepared.ir!, type)
            .filter((key) => {
              if (type !== 'lead') return true;
              const lead = data.lead.find((l) => l.id === key)!;
              return lead.contact_id == null && lead.company_id == null && withChannel.has(key);
            })
            .map((key) => ({ type, key })),
        );
        const isMember = new Set(members.map((m) => `${m.type}:${m.key}`));
        const byAddress = new Map<string, Set<string>>();
        for (const c of data.communication) {
          const type = c.company_id != null ? 'company' : c.contact_id != null ? 'contact' : 'lead';
          const key = (c.company_id ?? c.contact_id ?? c.lead_id) as number;
          if (c.channel !== 'EMAIL' || c.normalized === STOPPED || !isMember.has(`${type}:${key}`)) continue;
          byAddress.set(c.normalized as string, (byAddress.get(c.normalized as string) ?? new Set()).add(`${RANK[type]}:${type}:${key}`));
        }
        const expected = [...byAddress.keys()].sort().map((address) => {
          const owners = [...byAddress.get(address)!].map((o) => o.split(':')).sort((a, b) => Number(a[0]) - Number(b[0]) || Number(a[2]) - Number(b[2]));
          const [, type, key] = itemAt(owners, 0);
          return { address, ownerCount: owners.length, owner: { id: toGlobalId(known(TYPE, type), Number(key)) } };
        });

        const { previewSegment: preview } = await api.exec(PREVIEW, { i: { source, clientType: 'ANY', filter: tree } });
        const context = JSON.stringify(tree);
        expect(preview.errors, context).toEqual([]);
        expect(preview.memberCount.value, context).toBe(members.length);
        const orderedMembers = [...members]
          .sort((a, b) => known(RANK, a.type) - known(RANK, b.type) || a.key - b.key)
          .map((m) => ({ __typename: known(TYPE, m.type), id: toGlobalId(known(TYPE, m.type), m.key) }));
        expect(
          preview.members.edges.map((e: any) => e.node),
          context,
        ).toEqual(orderedMembers);
        expect(
          preview.recipients.edges.map((e: any) => e.node),
          context,
        ).toEqual(expected);
        expect(preview.recipients.totalCount, context).toBe(expected.length);
        expect(preview.recipientCounts[0].value, context).toBe(expected.length);
      }),
      { numRuns: runs, seed: Number(process.env.FILTER_PROPERTY_SEED ?? 20261122), endOnFailure: true },
    );
  };

  it('for clients: contacts and companies together', async () => {
    await agree(SegmentSource.CLIENTS, Object.values(FilterScope), 40);
  }, 240_000);

  it('for leads: repeat leads and leads without a channel left out', async () => {
    await agree(SegmentSource.LEADS, [FilterScope.ACTIVITIES], 15);
  }, 240_000);
});
