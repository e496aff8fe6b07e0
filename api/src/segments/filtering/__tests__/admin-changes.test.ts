import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../../test/api';
import { engines } from '../../../../test/databases';

const rule = (field: string, operator: string, value?: unknown) => ({ rule: { field, operator, value } });
const and = (...rules: unknown[]) => ({ combinator: 'AND', rules });

interface Value {
  value: string;
  label: string;
  groupId?: string | null;
}

/**
 * What the admin pages change, the segment builder sees on its next request: reference items,
 * pipelines, stages, custom fields and their options (segmentFields and filterValues), and an
 * IN_USE refusal names the saved segments in the way as data, not only in its message.
 */
describe.each(engines)('admin changes reach the builder on %s', (engine) => {
  let api: TestApi;
  const fields = async (source = 'CLIENTS') =>
    (await api.exec(`query($s: SegmentSource!) { segmentFields(source: $s) { id label values { value label groupId } } }`, { s: source })).segmentFields as Array<{
      id: string;
      label: string;
      values: Value[] | null;
    }>;
  const valuesOf = async (field: string, source = 'CLIENTS') => (await fields(source)).find((f) => f.id === field)?.values ?? null;
  const searched = async (field: string, search: string | null = null) =>
    (await api.exec(`query($f: String!, $s: String) { filterValues(field: $f, search: $s, first: 100) { edges { node { value label groupId } } } }`, { f: field, s: search })).filterValues.edges.map(
      (e: { node: Value }) => e.node,
    ) as Value[];
  const createSegment = async (name: string, filter: unknown) => {
    const { createSegment: created } = await api.exec(`mutation($i: CreateSegmentInput!) { createSegment(input: $i) { segment { id name } errors { code message } } }`, { i: { name, filter } });
    expect(created.errors).toEqual([]);
    return created.segment as { id: string; name: string };
  };

  beforeAll(async () => {
    api = await startTestApi(engine);
    // Prime the field catalog cache, so the checks below prove it does not hide the changes.
    await fields();
  });
  afterAll(async () => api?.close());

  it('shows a reference item added, renamed and moved at once', async () => {
    const { addReferenceItem } = await api.exec(`mutation { addReferenceItem(input: { list: SOURCE, code: "PODCAST", label: "Podcast" }) { item { id } errors { code } } }`);
    expect(addReferenceItem.errors).toEqual([]);
    expect(await valuesOf('client.source')).toContainEqual(expect.objectContaining({ value: 'PODCAST', label: 'Podcast' }));
    expect(await valuesOf('lead.source', 'LEADS')).toContainEqual(expect.objectContaining({ value: 'PODCAST' }));
    expect(await searched('client.source', 'podc')).toEqual([expect.objectContaining({ value: 'PODCAST', label: 'Podcast' })]);

    await api.exec(`mutation($id: ID!) { updateReferenceItem(id: $id, input: { label: "Podcasts" }) { errors { code } } }`, { id: addReferenceItem.item.id });
    expect(await searched('client.source', 'podc')).toEqual([expect.objectContaining({ value: 'PODCAST', label: 'Podcasts' })]);

    const ids = (await api.exec(`{ referenceItems(list: SOURCE) { id code } }`)).referenceItems as Array<{ id: string; code: string }>;
    const podcastFirst = [ids.find((i) => i.code === 'PODCAST')!, ...ids.filter((i) => i.code !== 'PODCAST')];
    await api.exec(`mutation($ids: [ID!]!) { reorderReferenceItems(list: SOURCE, ids: $ids) { errors { code } } }`, { ids: podcastFirst.map((i) => i.id) });
    expect((await valuesOf('client.source'))?.map((v) => v.value)).toEqual(podcastFirst.map((i) => i.code));
    expect((await searched('client.source')).map((v) => v.value)).toEqual(podcastFirst.map((i) => i.code));
  });

  it('shows a new pipeline and its stages at once, with stage changes', async () => {
    const { createPipeline } = await api.exec(`mutation { createPipeline(input: { name: "Partners" }) { pipeline { id stages { id code } } errors { code } } }`);
    const pipeline = createPipeline.pipeline;
    expect(await valuesOf('deal.pipeline')).toContainEqual({ value: pipeline.id, label: 'Partners', groupId: null });
    const { addStage } = await api.exec(`mutation($p: ID!) { addStage(pipelineId: $p, input: { code: "TALKS", name: "Talks" }) { stage { id } errors { code } } }`, { p: pipeline.id });
    expect(addStage.errors).toEqual([]);
    expect(await searched('deal.stage', 'talks')).toEqual([{ value: addStage.stage.id, label: 'Talks', groupId: pipeline.id }]);
    await api.exec(`mutation($id: ID!) { updateStage(id: $id, input: { name: "Negotiation" }) { errors { code } } }`, { id: addStage.stage.id });
    expect((await valuesOf('deal.stage'))?.filter((v) => v.groupId === pipeline.id).map((v) => v.label)).toEqual(['New', 'Won', 'Lost', 'Negotiation']);
    await api.exec(`mutation($id: ID!) { updatePipeline(id: $id, input: { name: "Partner deals" }) { errors { code } } }`, { id: pipeline.id });
    expect(await searched('deal.pipeline', 'partner')).toEqual([expect.objectContaining({ value: pipeline.id, label: 'Partner deals' })]);
  });

  it('shows a new custom field, its new options and a new label at once', async () => {
    const { createCustomField } = await api.exec(
      `mutation { createCustomField(input: { entity: COMPANY, code: "UF_SIZE", label: "Size", type: LIST, options: [{ code: "S", label: "Small" }] }) { field { id } errors { code } } }`,
    );
    expect(createCustomField.errors).toEqual([]);
    const id = createCustomField.field.id;
    expect(await valuesOf('custom.company.UF_SIZE')).toEqual([{ value: 'S', label: 'Small', groupId: null }]);
    await api.exec(`mutation($id: ID!) { editCustomFieldOptions(id: $id, add: [{ code: "L", label: "Large" }]) { errors { code } } }`, { id });
    expect((await searched('custom.company.UF_SIZE')).map((v) => v.label)).toEqual(['Small', 'Large']);
    await api.exec(`mutation($id: ID!) { updateCustomField(id: $id, input: { label: "Company size" }) { errors { code } } }`, { id });
    expect((await fields()).find((f) => f.id === 'custom.company.UF_SIZE')?.label).toBe('Company size');
    await api.exec(`mutation($id: ID!) { deleteCustomField(id: $id) { errors { code } } }`, { id });
    expect((await fields()).find((f) => f.id === 'custom.company.UF_SIZE')).toBeUndefined();
  });

  it('names the saved segments in the way of a delete, as data', async () => {
    const items = (await api.exec(`{ referenceItems(list: INDUSTRY) { id code } }`)).referenceItems as Array<{ id: string; code: string }>;
    const [it1, it2] = items;
    if (!it1 || !it2) throw new Error('The fixture has two industries.');
    const [pipeline] = (await api.exec(`{ pipelines { id stages { id } } }`)).pipelines;
    const field = (
      await api.exec(
        `mutation { createCustomField(input: { entity: CONTACT, code: "UF_TIER", label: "Tier", type: LIST, options: [{ code: "GOLD", label: "Gold" }] }) { field { id options { id } } } }`,
      )
    ).createCustomField.field;
    const b = await createSegment('B industries', and(rule('company.industry', 'IN', { strings: [it1.code] })));
    const a = await createSegment(
      'A mixed',
      and(
        rule('company.industry', 'IN', { strings: [it1.code] }),
        rule('deal.pipeline', 'IN', { ids: [pipeline.id] }),
        rule('deal.stage', 'IN', { ids: [pipeline.stages[0].id] }),
        rule('custom.contact.UF_TIER', 'IN', { strings: ['GOLD'] }),
      ),
    );
    const deleteItem = (
      await api.exec(`mutation($id: ID!, $r: ID) { deleteReferenceItem(id: $id, replacementId: $r) { deletedId errors { path code count segments { id name } } } }`, { id: it1.id, r: it2.id })
    ).deleteReferenceItem;
    // A replacement moves records, never saved filters: the marketer changes those segments.
    expect(deleteItem).toEqual({
      deletedId: null,
      errors: [
        {
          path: ['id'],
          code: 'IN_USE',
          count: 2,
          segments: [
            { id: a.id, name: 'A mixed' },
            { id: b.id, name: 'B industries' },
          ],
        },
      ],
    });

    const only = [{ id: a.id, name: 'A mixed' }];
    const calls: Array<[string, string, Record<string, unknown>]> = [
      ['deletePipeline', 'deletePipeline(id: $id)', { id: pipeline.id }],
      ['deleteStage', 'deleteStage(id: $id)', { id: pipeline.stages[0].id }],
      ['deleteCustomField', 'deleteCustomField(id: $id)', { id: field.id }],
    ];
    for (const [name, call, variables] of calls) {
      const result = (await api.exec(`mutation($id: ID!) { ${call} { deletedId errors { path code count segments { id name } } } }`, variables))[name];
      expect(result, name).toEqual({ deletedId: null, errors: [{ path: ['id'], code: 'IN_USE', count: 1, segments: only }] });
    }
    const option = (
      await api.exec(`mutation($id: ID!, $o: ID!) { editCustomFieldOptions(id: $id, removeIds: [$o]) { errors { path code count segments { name } } } }`, { id: field.id, o: field.options[0].id })
    ).editCustomFieldOptions;
    expect(option.errors).toEqual([{ path: ['removeIds'], code: 'IN_USE', count: 1, segments: [{ name: 'A mixed' }] }]);

    // Records in the way are counted; the error names no segment.
    await api.exec(`mutation { upsertCompanies(rows: [{ externalId: "in-use-1", title: "Uses it", industryCode: "${it2.code}" }]) { failed } }`);
    const byRecords = (await api.exec(`mutation($id: ID!) { deleteReferenceItem(id: $id) { errors { code count segments { id } } } }`, { id: it2.id })).deleteReferenceItem;
    expect(byRecords.errors).toEqual([{ code: 'IN_USE', count: 1, segments: null }]);
  });
});
