import { Requires } from '../request/guards';
import { Scope } from '../auth/actor';
import { DateTimeResolver } from 'graphql-scalars';
import { Arg, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, registerEnumType, Resolver, Root } from 'type-graphql';
import type { Context } from '../request/context';
import { UserError, UserErrorCode } from '../common/user-error';
import { findSegment } from './segment.service';
import { StaticImportReport } from './static-import.payloads';
import { StaticImportJobState, staticImportJobs, type StaticImportJobRecord } from './static-import-jobs';

registerEnumType(StaticImportJobState, {
  name: 'StaticImportJobState',
  description: 'RUNNING: lines are being stored. DONE: the report is ready. FAILED: nothing was stored (see error).',
});

@ObjectType({
  description:
    'An import into a static segment running in the background (startStaticSegmentImport); poll it with staticImportJob. Kept in the API process memory: readable until 1 hour after it finished, forgotten on restart.',
})
class StaticImportJob {
  @Field(() => ID, { description: 'Opaque id to poll with.' }) id!: string;
  @Field(() => ID) segmentId!: string;
  @Field(() => StaticImportJobState) state!: StaticImportJobState;
  @Field(() => Int, { description: "Non-blank lines read (the report's `lines`)." }) totalLines!: number;
  @Field(() => Int, {
    description: 'Lines settled so far: rejected and repeated ones once the text is read, valid ones as each chunk of 2,000 is stored. Equals totalLines when DONE.',
  })
  processedLines!: number;
  @Field(() => StaticImportReport, { nullable: true, description: 'What the import did, once DONE (the same report importStaticSegment gives).' }) report!: StaticImportReport | null;
  @Field(() => String, { nullable: true, description: 'Why the job FAILED.' }) error!: string | null;
  @Field(() => UserErrorCode, {
    nullable: true,
    description:
      'Why the job FAILED, for clients to branch on: WRITE_FAILED when the database failed while storing (the connection dropped, the disk filled); nothing was stored and the same import can simply be started again.',
  })
  errorCode!: UserErrorCode | null;
  @Field(() => DateTimeResolver) startedAt!: Date;
  @Field(() => DateTimeResolver, { nullable: true }) finishedAt!: Date | null;
}

@ObjectType()
class StartStaticImportPayload {
  @Field(() => StaticImportJob, { nullable: true, description: 'The started job; null when errors stopped the import before it began.' }) job!: StaticImportJobRecord | null;
  @Field(() => [UserError], { description: 'No such segment (NOT_FOUND), not a static one (INVALID), text too large (TOO_MANY).' }) errors!: UserError[];
}

@Resolver(() => StaticImportJob)
export class StaticImportJobResolver {
  @Requires(Scope.SEGMENTS_WRITE)
  @Mutation(() => StartStaticImportPayload, {
    description:
      'Starts importing pasted text or a CSV file into a static segment (same format, limits and report as importStaticSegment) and answers at once with a job to poll; for large imports, so a client can show progress. The lines land in one transaction, whole or not at all.',
  })
  async startStaticSegmentImport(@Arg('id', () => ID) id: string, @Arg('text') text: string, @Ctx() ctx: Context): Promise<StartStaticImportPayload> {
    const found = await findSegment(ctx, id);
    if (!found.segment) return { job: null, errors: found.errors };
    return staticImportJobs.start(ctx, found.segment, text);
  }

  @Requires(Scope.SEGMENTS_WRITE)
  @Query(() => StaticImportJob, { nullable: true, description: 'An import job by id; null when there is none (unknown id, or finished over 1 hour ago, or the API restarted).' })
  staticImportJob(@Arg('id', () => ID) id: string): StaticImportJobRecord | null {
    return staticImportJobs.get(id);
  }

  @FieldResolver(() => DateTimeResolver, { nullable: true, description: 'When a finished job stops being readable; null while it runs.' })
  expiresAt(@Root() job: StaticImportJobRecord): Date | null {
    return staticImportJobs.expiresAt(job);
  }
}
