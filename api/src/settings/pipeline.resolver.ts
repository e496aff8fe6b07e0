import { Requires } from '../request/guards';
import { Scope } from '../auth/actor';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../request/context';
import { keyOf } from '../common/global-id';
import { DeletePayload, payloadType } from '../common/payloads';
import { CreatePipelineInput, StageInput, UpdatePipelineInput, UpdateStageInput } from './pipeline.inputs';
import { Pipeline } from '../deals/pipeline.entity';
import * as service from './pipeline.service';
import { Stage } from '../deals/stage.entity';

const PipelinePayload = payloadType(Pipeline, 'Pipeline', 'pipeline');
const StagePayload = payloadType(Stage, 'Stage', 'stage');

const payload = <T>(result: { entity: T | null; errors: Array<import('../common/user-error').UserError> }) => ({ node: result.entity, errors: result.errors });
const deleted = (id: string, errors: Array<import('../common/user-error').UserError>): DeletePayload => ({ deletedId: errors.length ? null : id, errors });

@Resolver()
export class PipelineResolver {
  @Requires(Scope.CRM_READ, Scope.SEGMENTS_READ)
  @Query(() => [Pipeline], { description: 'Every deal pipeline, in order, each with its stages.' })
  pipelines(@Ctx() ctx: Context): Promise<Pipeline[]> {
    return ctx.em.find(Pipeline, {}, { orderBy: { sort: 'asc', key: 'asc' } });
  }

  @Requires(Scope.CRM_READ, Scope.SEGMENTS_READ)
  @Query(() => Pipeline, { nullable: true })
  pipeline(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Pipeline | null> | null {
    const key = keyOf(id, 'Pipeline');
    return key === null ? null : ctx.em.findOne(Pipeline, { key });
  }

  @Requires(Scope.SETTINGS_WRITE)
  @Mutation(() => PipelinePayload)
  async createPipeline(@Arg('input') input: CreatePipelineInput, @Ctx() ctx: Context) {
    return payload(await service.createPipeline(ctx, input));
  }

  @Requires(Scope.SETTINGS_WRITE)
  @Mutation(() => PipelinePayload)
  async updatePipeline(@Arg('id', () => ID) id: string, @Arg('input') input: UpdatePipelineInput, @Ctx() ctx: Context) {
    return payload(await service.updatePipeline(ctx, id, input));
  }

  @Requires(Scope.SETTINGS_WRITE)
  @Mutation(() => DeletePayload, { description: 'Fails with IN_USE while deals are in the pipeline.' })
  async deletePipeline(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<DeletePayload> {
    return deleted(id, await service.deletePipeline(ctx, id));
  }

  @Requires(Scope.SETTINGS_WRITE)
  @Mutation(() => StagePayload)
  async addStage(@Arg('pipelineId', () => ID) pipelineId: string, @Arg('input') input: StageInput, @Ctx() ctx: Context) {
    return payload(await service.addStage(ctx, pipelineId, input));
  }

  @Requires(Scope.SETTINGS_WRITE)
  @Mutation(() => StagePayload, { description: 'Rename, move or change the semantic (deals in the stage follow).' })
  async updateStage(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateStageInput, @Ctx() ctx: Context) {
    return payload(await service.updateStage(ctx, id, input));
  }

  @Requires(Scope.SETTINGS_WRITE)
  @Mutation(() => PipelinePayload, { description: 'Puts the stages in the order of `ids` (every stage once).' })
  async reorderStages(@Arg('pipelineId', () => ID) pipelineId: string, @Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: Context) {
    return payload(await service.reorderStages(ctx, pipelineId, ids));
  }

  @Requires(Scope.SETTINGS_WRITE)
  @Mutation(() => DeletePayload, { description: 'Fails with IN_USE while deals are in the stage, unless `replacementId` names a stage of the same pipeline to move them to.' })
  async deleteStage(@Arg('id', () => ID) id: string, @Arg('replacementId', () => ID, { nullable: true }) replacementId: string | null, @Ctx() ctx: Context): Promise<DeletePayload> {
    return deleted(id, await service.deleteStage(ctx, id, replacementId));
  }
}
