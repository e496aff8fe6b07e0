import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/databases';
import { startTestApi, type TestApi } from '../../../test/api';
import { itemAt } from '../../lib/indexed';

describe.each(engines)('pipelines and stages on %s', (engine) => {
  let api: TestApi;
  let pipeline: { id: string; stages: Array<{ id: string; code: string; semantic: string }> };
  const dealStates = async () =>
    (await api.exec(`{ deals(first: 50) { edges { node { title stageSemantic stage { code } } } } }`)).deals.edges.map((e: any) => [e.node.title, e.node.stage.code, e.node.stageSemantic]);

  beforeAll(async () => {
    api = await startTestApi(engine);
    const created = await api.exec(`mutation { createPipeline(input: { name: "Gym memberships", stages: [
      { code: "TRIAL", name: "Trial" }, { code: "PAID", name: "Paid", semantic: WON }, { code: "CHURNED", name: "Churned", semantic: LOST }
    ] }) { pipeline { id name isDefault stages { id code semantic } } errors { code } } }`);
    pipeline = created.createPipeline.pipeline;
    await api.exec(`mutation { createContact(input: { externalId: "gym-1", firstName: "Ola" }) { errors { code } } }`);
  });
  afterAll(async () => api?.close());

  it('creates a pipeline with ordered stages; the first pipeline stays the default', async () => {
    expect(pipeline.stages.map((s) => [s.code, s.semantic])).toEqual([
      ['TRIAL', 'IN_PROGRESS'],
      ['PAID', 'WON'],
      ['CHURNED', 'LOST'],
    ]);
    const all = await api.exec(`{ pipelines { name isDefault } }`);
    expect(all.pipelines).toEqual([
      { name: 'General', isDefault: true },
      { name: 'Gym memberships', isDefault: false },
    ]);
  });

  it('places deals by pipeline and stage, and rejects a stage of another pipeline', async () => {
    const ok = await api.exec(
      `mutation($p: ID!, $s: ID!) { createDeal(input: { title: "Annual", pipelineId: $p, stageId: $s, contactExternalId: "gym-1" }) { deal { stageSemantic pipeline { name } } errors { code } } }`,
      { p: pipeline.id, s: itemAt(pipeline.stages, 1).id },
    );
    expect(ok.createDeal).toEqual({ deal: { stageSemantic: 'WON', pipeline: { name: 'Gym memberships' } }, errors: [] });
    const first = await api.exec(`mutation($p: ID!) { createDeal(input: { title: "Trial", pipelineId: $p }) { deal { stage { code } } } }`, { p: pipeline.id });
    expect(first.createDeal.deal.stage.code).toBe('TRIAL');
    const general = (await api.exec(`{ pipelines { id stages { id } } }`)).pipelines[0];
    const wrong = await api.exec(`mutation($p: ID!, $s: ID!) { createDeal(input: { title: "X", pipelineId: $p, stageId: $s }) { deal { title } errors { path code } } }`, {
      p: pipeline.id,
      s: general.stages[0].id,
    });
    expect(wrong.createDeal).toEqual({ deal: null, errors: [{ path: ['input', 'stageId'], code: 'INVALID' }] });
  });

  it('moves deals’ stage semantic when a stage changes semantic', async () => {
    await api.exec(`mutation($id: ID!) { updateStage(id: $id, input: { semantic: LOST, name: "Expired trial" }) { stage { name semantic } errors { code } } }`, { id: itemAt(pipeline.stages, 0).id });
    expect(await dealStates()).toEqual([
      ['Annual', 'PAID', 'WON'],
      ['Trial', 'TRIAL', 'LOST'],
    ]);
  });

  it('refuses to delete a stage with deals unless they move, then moves them with the new semantic', async () => {
    const refused = await api.exec(`mutation($id: ID!) { deleteStage(id: $id) { deletedId errors { code count } } }`, { id: itemAt(pipeline.stages, 1).id });
    expect(refused.deleteStage).toEqual({ deletedId: null, errors: [{ code: 'IN_USE', count: 1 }] });
    const moved = await api.exec(`mutation($id: ID!, $r: ID) { deleteStage(id: $id, replacementId: $r) { deletedId errors { code } } }`, {
      id: itemAt(pipeline.stages, 1).id,
      r: itemAt(pipeline.stages, 2).id,
    });
    expect(moved.deleteStage.errors).toEqual([]);
    expect(await dealStates()).toEqual([
      ['Annual', 'CHURNED', 'LOST'],
      ['Trial', 'TRIAL', 'LOST'],
    ]);
  });

  it('reorders stages, adds one, and refuses to delete a pipeline with deals', async () => {
    const added = await api.exec(`mutation($p: ID!) { addStage(pipelineId: $p, input: { code: "RENEWED", name: "Renewed", semantic: WON }) { stage { id code sort } errors { code } } }`, {
      p: pipeline.id,
    });
    expect(added.addStage.stage.code).toBe('RENEWED');
    const current = (await api.exec(`query($id: ID!) { pipeline(id: $id) { stages { id code } } }`, { id: pipeline.id })).pipeline.stages;
    const reversed = [...current].reverse();
    const reordered = await api.exec(`mutation($p: ID!, $ids: [ID!]!) { reorderStages(pipelineId: $p, ids: $ids) { pipeline { stages { code } } errors { code } } }`, {
      p: pipeline.id,
      ids: reversed.map((s: any) => s.id),
    });
    expect(reordered.reorderStages.pipeline.stages.map((s: any) => s.code)).toEqual(reversed.map((s: any) => s.code));
    const refused = await api.exec(`mutation($id: ID!) { deletePipeline(id: $id) { errors { code count } } }`, { id: pipeline.id });
    expect(refused.deletePipeline.errors).toEqual([{ code: 'IN_USE', count: 2 }]);
  });
});
