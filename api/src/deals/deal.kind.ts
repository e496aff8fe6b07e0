import { ref, type Ref } from '@mikro-orm/core';
import type { ChildWrites } from '../records/child-writes';
import type { RecordKind } from '../records/record-kind';
import { UserErrorCode } from '../common/user-error';
import type { Path, WriteContext } from '../records/write-context';
import { Company } from '../companies/company.entity';
import { Contact } from '../contacts/contact.entity';
import { CustomFieldEntity } from '../custom-fields/custom-field.enums';
import { deleteCustomValuesOf, prepareCustomValues, writeCustomValues } from '../custom-fields/custom-field.writer';
import { prepareProductRows, replaceProductRows } from '../products/product-row.writer';
import { ReferenceList } from '../reference-lists/reference-item.entity';
import { User } from '../users/user.entity';
import { Deal } from './deal.entity';
import type { DealInput } from './deal.inputs';
import { Pipeline } from './pipeline.entity';
import { Stage } from './stage.entity';

/** Stages of pipelines in order, batched per request. */
function stagesOf(ctx: WriteContext, pipelineKey: number): Promise<Stage[]> {
  return ctx.loaders
    .get<number, Stage[]>('stagesByPipeline', async (keys) => {
      const stages = await ctx.em.find(Stage, { pipeline: { $in: [...keys] } }, { orderBy: { sort: 'asc', key: 'asc' } });
      return keys.map((k) => stages.filter((s) => s.pipeline.key === k));
    })
    .load(pipelineKey);
}

function defaultPipeline(ctx: WriteContext): Promise<Pipeline | null> {
  return ctx.loaders
    .get<string, Pipeline | null>('defaultPipeline', async (keys) => {
      const [pipeline] = await ctx.em.find(Pipeline, {}, { orderBy: { isDefault: 'desc', sort: 'asc', key: 'asc' }, limit: 1 });
      return keys.map(() => pipeline ?? null);
    })
    .load('default');
}

/** Works out the deal's pipeline and stage from whichever of pipelineId / stageId / stageCode were given. */
async function placeDeal(input: DealInput, ctx: WriteContext, path: Path, existing: Deal | null): Promise<{ pipeline?: Ref<Pipeline>; stage?: Ref<Stage> }> {
  const givenPipeline = await ctx.byId(Pipeline, input.pipelineId ?? undefined, [...path, 'pipelineId']);
  if (input.pipelineId !== undefined && !givenPipeline) return {};
  if (input.stageId != null && input.stageCode != null) {
    ctx.problem([...path, 'stageCode'], UserErrorCode.INVALID, 'Give stageId or stageCode, not both.');
    return {};
  }
  let stage: Stage | null = null;
  if (input.stageId != null) {
    const found = await ctx.byId(Stage, input.stageId, [...path, 'stageId']);
    if (!found) return {};
    stage = found.getEntity();
    if (givenPipeline && stage.pipeline.key !== givenPipeline.key) {
      ctx.problem([...path, 'stageId'], UserErrorCode.INVALID, 'The stage belongs to another pipeline than pipelineId.');
      return {};
    }
    return { pipeline: ref(ctx.em.getReference(Pipeline, stage.pipeline.key)), stage: ref(stage) };
  }
  const pipelineKey = givenPipeline?.key ?? existing?.pipeline.key ?? (await defaultPipeline(ctx))?.key;
  if (pipelineKey === undefined) {
    ctx.problem([...path, 'pipelineId'], UserErrorCode.REQUIRED, 'There is no pipeline yet; create one first.');
    return {};
  }
  const stages = await stagesOf(ctx, pipelineKey);
  if (input.stageCode != null) {
    stage = stages.find((s) => s.code === input.stageCode) ?? null;
    if (!stage) {
      ctx.problem([...path, 'stageCode'], UserErrorCode.NOT_FOUND, `The pipeline has no stage with the code "${input.stageCode}".`);
      return {};
    }
  } else if (!existing || (givenPipeline && givenPipeline.key !== existing.pipeline.key)) {
    stage = stages[0] ?? null;
    if (!stage) {
      ctx.problem([...path, 'pipelineId'], UserErrorCode.INVALID, 'The pipeline has no stages.');
      return {};
    }
  }
  if (!stage) return {};
  return { pipeline: ref(ctx.em.getReference(Pipeline, pipelineKey)), stage: ref(stage) };
}

export const dealKind: RecordKind<Deal, DealInput> = {
  entity: Deal,
  noun: 'deal',
  async prepare(input: DealInput, ctx: WriteContext, path: Path, existing: Deal | null) {
    const title = ctx.text(existing && input.title === undefined ? undefined : (input.title ?? null), [...path, 'title'], 300, true);
    const { pipeline, stage } = await placeDeal(input, ctx, path, existing);
    const productRows = await prepareProductRows(input.productRows, ctx, [...path, 'productRows']);
    const customValues = await prepareCustomValues(CustomFieldEntity.DEAL, input.customFields, ctx, [...path, 'customFields']);
    const changes: Partial<Deal> = {
      externalId: ctx.text(input.externalId, [...path, 'externalId'], 100),
      title: title ?? undefined,
      pipeline,
      stage,
      // Copied from the stage so "has a won deal" needs no join (kept in step by stage edits too).
      stageSemantic: stage?.getEntity().semantic,
      amount: ctx.nonNegative(input.amount, [...path, 'amount']),
      currency: ctx.currency(input.currency, [...path, 'currency']),
      type: await ctx.referenceItem(ReferenceList.DEAL_TYPE, input.typeCode, [...path, 'typeCode']),
      responsible: await ctx.byId(User, input.responsibleId, [...path, 'responsibleId']),
      contact: await ctx.byIdOrExternalId(Contact, input.contactId, input.contactExternalId, path, 'contactId'),
      company: await ctx.byIdOrExternalId(Company, input.companyId, input.companyExternalId, path, 'companyId'),
      closedAt: input.closedAt,
      createdAt: input.createdAt ?? undefined,
    };
    return {
      changes,
      writeChildren(children: ChildWrites, deal: Deal) {
        if (productRows) replaceProductRows(children, 'deal', deal.key, productRows);
        if (customValues) writeCustomValues(children, deal.key, customValues);
      },
    };
  },
  afterDelete: (em, keys) => deleteCustomValuesOf(em, CustomFieldEntity.DEAL, keys),
};
