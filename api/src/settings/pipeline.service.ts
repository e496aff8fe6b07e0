import { names, segmentsInTheWay } from '../segments/usage';
import { ref } from '@mikro-orm/core';
import type { Context } from '../request/context';
import { inTransaction, type WriteResult } from '../records/crud.service';
import { keyOf } from '../common/global-id';
import { UserError, UserErrorCode } from '../common/user-error';
import { Deal } from '../deals/deal.entity';
import { Pipeline } from '../deals/pipeline.entity';
import type { CreatePipelineInput, StageInput, UpdatePipelineInput, UpdateStageInput } from './pipeline.inputs';
import { Stage, StageSemantic } from '../deals/stage.entity';
import { make } from '../common/make';

const STAGE_CODE = /^[A-Za-z0-9_]{1,64}$/;

const DEFAULT_STAGES: StageInput[] = [
  { code: 'NEW', name: 'New', semantic: StageSemantic.IN_PROGRESS },
  { code: 'WON', name: 'Won', semantic: StageSemantic.WON },
  { code: 'LOSE', name: 'Lost', semantic: StageSemantic.LOST },
];

function checkName(name: string | undefined, path: string[], errors: UserError[]): string | undefined {
  if (name === undefined) return undefined;
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 200) errors.push(UserError.of(path, UserErrorCode.INVALID, 'A name is 1 to 200 characters.'));
  return trimmed;
}

async function find<T extends Pipeline | Stage>(ctx: Context, entity: new () => T, id: string): Promise<T | null> {
  const key = keyOf(id, entity.name);
  return key === null ? null : (ctx.em.findOne(entity, { key }) as Promise<T | null>);
}

const notFound = (noun: string, id: string, path = 'id') => UserError.of([path], UserErrorCode.NOT_FOUND, `No ${noun} has the id "${id}".`);

/** Only one pipeline is the default: setting it on one clears it on the others. */
async function makeDefault(ctx: Context, pipeline: Pipeline): Promise<void> {
  await ctx.em.nativeUpdate(Pipeline, { key: { $ne: pipeline.key ?? 0 }, isDefault: true }, { isDefault: false });
  pipeline.isDefault = true;
}

export async function createPipeline(ctx: Context, input: CreatePipelineInput): Promise<WriteResult<Pipeline>> {
  const errors: UserError[] = [];
  const name = checkName(input.name, ['input', 'name'], errors);
  const stages = input.stages?.length ? input.stages : DEFAULT_STAGES;
  const codes = new Set<string>();
  stages.forEach((stage, index) => {
    if (!STAGE_CODE.test(stage.code)) errors.push(UserError.of(['input', 'stages', String(index), 'code'], UserErrorCode.INVALID, 'A stage code is 1 to 64 letters, digits or _.'));
    else if (codes.has(stage.code)) errors.push(UserError.of(['input', 'stages', String(index), 'code'], UserErrorCode.DUPLICATE, `Stage code ${stage.code} is used twice.`));
    codes.add(stage.code);
    checkName(stage.name, ['input', 'stages', String(index), 'name'], errors);
  });
  if (errors.length) return { entity: null, errors };
  const [last] = await ctx.em.find(Pipeline, {}, { orderBy: { sort: 'desc' }, limit: 1 });
  const pipeline = make(ctx.em, Pipeline, { name: name!, sort: input.sort ?? (last ? last.sort + 10 : 10), isDefault: false });
  await inTransaction(ctx.em, async () => {
    if (input.isDefault || !last) await makeDefault(ctx, pipeline);
    stages.forEach((stage, index) => {
      make(ctx.em, Stage, { pipeline: ref(pipeline), code: stage.code, name: stage.name.trim(), semantic: stage.semantic, sort: stage.sort ?? (index + 1) * 10 });
    });
    await ctx.em.flush();
  });
  return { entity: pipeline, errors: [] };
}

export async function updatePipeline(ctx: Context, id: string, input: UpdatePipelineInput): Promise<WriteResult<Pipeline>> {
  const pipeline = await find(ctx, Pipeline, id);
  if (!pipeline) return { entity: null, errors: [notFound('pipeline', id)] };
  const errors: UserError[] = [];
  const name = checkName(input.name, ['input', 'name'], errors);
  if (input.isDefault === false && pipeline.isDefault) {
    errors.push(UserError.of(['input', 'isDefault'], UserErrorCode.INVALID, 'Make another pipeline the default instead.'));
  }
  if (errors.length) return { entity: null, errors };
  await inTransaction(ctx.em, async () => {
    if (name !== undefined) pipeline.name = name;
    if (input.sort != null) pipeline.sort = input.sort;
    if (input.isDefault) await makeDefault(ctx, pipeline);
    await ctx.em.flush();
  });
  return { entity: pipeline, errors: [] };
}

export async function deletePipeline(ctx: Context, id: string): Promise<UserError[]> {
  const pipeline = await find(ctx, Pipeline, id);
  if (!pipeline) return [notFound('pipeline', id)];
  const inSegments = await segmentsInTheWay(ctx, (rule, def) => def?.values?.kind === 'pipelines' && names(rule, [pipeline.id]), `the pipeline "${pipeline.name}"`);
  if (inSegments.length) return inSegments;
  const used = await ctx.em.count(Deal, { pipeline: pipeline.key });
  if (used) return [UserError.of(['id'], UserErrorCode.IN_USE, `${used} deal(s) are in this pipeline; move or delete them first.`, used)];
  if (pipeline.isDefault && (await ctx.em.count(Pipeline, {})) > 1) {
    return [UserError.of(['id'], UserErrorCode.IN_USE, 'This is the default pipeline; make another one the default first.')];
  }
  await ctx.em.nativeDelete(Pipeline, { key: pipeline.key });
  return [];
}

export async function addStage(ctx: Context, pipelineId: string, input: StageInput): Promise<WriteResult<Stage>> {
  const pipeline = await find(ctx, Pipeline, pipelineId);
  if (!pipeline) return { entity: null, errors: [notFound('pipeline', pipelineId, 'pipelineId')] };
  const errors: UserError[] = [];
  checkName(input.name, ['input', 'name'], errors);
  if (!STAGE_CODE.test(input.code)) errors.push(UserError.of(['input', 'code'], UserErrorCode.INVALID, 'A stage code is 1 to 64 letters, digits or _.'));
  else if (await ctx.em.count(Stage, { pipeline: pipeline.key, code: input.code })) {
    errors.push(UserError.of(['input', 'code'], UserErrorCode.DUPLICATE, `The pipeline already has a stage ${input.code}.`));
  }
  if (errors.length) return { entity: null, errors };
  const last = await ctx.em.findOne(Stage, { pipeline: pipeline.key }, { orderBy: { sort: 'desc' } });
  const stage = make(ctx.em, Stage, { pipeline: ref(pipeline), code: input.code, name: input.name.trim(), semantic: input.semantic, sort: input.sort ?? (last ? last.sort + 10 : 10) });
  await ctx.em.flush();
  return { entity: stage, errors: [] };
}

export async function updateStage(ctx: Context, id: string, input: UpdateStageInput): Promise<WriteResult<Stage>> {
  const stage = await find(ctx, Stage, id);
  if (!stage) return { entity: null, errors: [notFound('stage', id)] };
  const errors: UserError[] = [];
  const name = checkName(input.name, ['input', 'name'], errors);
  if (errors.length) return { entity: null, errors };
  await inTransaction(ctx.em, async () => {
    if (name !== undefined) stage.name = name;
    if (input.sort != null) stage.sort = input.sort;
    if (input.semantic && input.semantic !== stage.semantic) {
      stage.semantic = input.semantic;
      // Deals carry their stage's semantic for indexed filtering; keep them in step.
      await ctx.em.nativeUpdate(Deal, { stage: stage.key }, { stageSemantic: input.semantic });
    }
    await ctx.em.flush();
  });
  return { entity: stage, errors: [] };
}

export async function reorderStages(ctx: Context, pipelineId: string, ids: string[]): Promise<WriteResult<Pipeline>> {
  const pipeline = await find(ctx, Pipeline, pipelineId);
  if (!pipeline) return { entity: null, errors: [notFound('pipeline', pipelineId, 'pipelineId')] };
  const stages = await ctx.em.find(Stage, { pipeline: pipeline.key });
  const byKey = new Map(stages.map((s) => [s.key, s]));
  const keys = ids.map((id) => keyOf(id, 'Stage'));
  if (keys.length !== stages.length || new Set(keys).size !== keys.length || !keys.every((k) => k !== null && byKey.has(k))) {
    return { entity: null, errors: [UserError.of(['ids'], UserErrorCode.INVALID, 'Give every stage of the pipeline exactly once, in the new order.')] };
  }
  keys.forEach((key, index) => {
    byKey.get(key!)!.sort = (index + 1) * 10;
  });
  await ctx.em.flush();
  await pipeline.stages.init({ refresh: true });
  return { entity: pipeline, errors: [] };
}

export async function deleteStage(ctx: Context, id: string, replacementId: string | null): Promise<UserError[]> {
  const stage = await find(ctx, Stage, id);
  if (!stage) return [notFound('stage', id)];
  let replacement: Stage | null = null;
  if (replacementId) {
    replacement = await find(ctx, Stage, replacementId);
    if (replacement?.pipeline.key !== stage.pipeline.key || replacement.key === stage.key) {
      return [UserError.of(['replacementId'], UserErrorCode.INVALID, 'The replacement must be another stage of the same pipeline.')];
    }
  }
  const inSegments = await segmentsInTheWay(ctx, (rule, def) => def?.values?.kind === 'stages' && names(rule, [stage.id]), `the stage "${stage.name}"`);
  if (inSegments.length) return inSegments;
  const used = await ctx.em.count(Deal, { stage: stage.key });
  if (used && !replacement) {
    return [UserError.of(['id'], UserErrorCode.IN_USE, `${used} deal(s) are in the stage "${stage.name}"; choose a stage to move them to, then delete.`, used)];
  }
  if ((await ctx.em.count(Stage, { pipeline: stage.pipeline.key })) === 1) {
    return [UserError.of(['id'], UserErrorCode.INVALID, 'A pipeline keeps at least one stage.')];
  }
  await inTransaction(ctx.em, async () => {
    if (replacement && used) {
      await ctx.em.nativeUpdate(Deal, { stage: stage.key }, { stage: replacement.key, stageSemantic: replacement.semantic });
    }
    await ctx.em.nativeDelete(Stage, { key: stage.key });
  });
  return [];
}
