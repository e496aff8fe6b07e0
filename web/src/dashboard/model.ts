import type { DashboardQuery as DashboardQueryResult, StageSemantic } from '@/graphql/gql/graphql';

export type DashboardData = DashboardQueryResult;
export type DashboardPipeline = DashboardData['pipelines'][number];

/** The record types counted on the dashboard, in display order. */
/** The record types counted on the dashboard, in display order (labels: dashboard.records.*). */
export const RECORD_TYPES = ['contacts', 'companies', 'leads', 'deals', 'products', 'orders'] as const satisfies ReadonlyArray<keyof DashboardData>;

export type RecordTypeKey = (typeof RECORD_TYPES)[number];

export interface RecordCount {
  key: RecordTypeKey;
  count: number;
}

/** One tile per record type, in display order. */
export function recordCounts(data: Pick<DashboardData, RecordTypeKey>): RecordCount[] {
  return RECORD_TYPES.map((key) => ({ key, count: data[key].totalCount }));
}

/** The stage semantics the UI has words for (app.stageSemantic.*); a newer API's value is shown as is. */
export const STAGE_SEMANTICS: readonly StageSemantic[] = ['IN_PROGRESS', 'WON', 'LOST'];

export function isKnownStageSemantic(semantic: string): semantic is StageSemantic {
  return (STAGE_SEMANTICS as readonly string[]).includes(semantic);
}

function bySortThenName(a: { sort: number; name: string }, b: { sort: number; name: string }): number {
  return a.sort - b.sort || a.name.localeCompare(b.name);
}

/**
 * Pipelines in display order: the default pipeline first, then by `sort` and name; each pipeline's
 * stages by `sort`. Returns new arrays, never mutating the (cached) query result.
 */
export function orderPipelines<P extends { sort: number; name: string; isDefault: boolean; stages: ReadonlyArray<{ sort: number; name: string }> }>(pipelines: readonly P[]): P[] {
  return [...pipelines].sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || bySortThenName(a, b)).map((pipeline) => ({ ...pipeline, stages: [...pipeline.stages].sort(bySortThenName) }));
}
