import type { DashboardQuery as DashboardQueryResult, StageSemantic } from '@/graphql/gql/graphql';

export type DashboardData = DashboardQueryResult;
export type DashboardPipeline = DashboardData['pipelines'][number];
export type DashboardStage = DashboardPipeline['stages'][number];

/** The record types counted on the dashboard, in display order. */
export const RECORD_TYPES = [
  { key: 'contacts', label: 'Contacts' },
  { key: 'companies', label: 'Companies' },
  { key: 'leads', label: 'Leads' },
  { key: 'deals', label: 'Deals' },
  { key: 'products', label: 'Products' },
  { key: 'orders', label: 'Orders' },
] as const satisfies ReadonlyArray<{ key: keyof DashboardData; label: string }>;

export type RecordTypeKey = (typeof RECORD_TYPES)[number]['key'];

export interface RecordCount {
  key: RecordTypeKey;
  label: string;
  count: number;
}

/** One tile per record type, in display order. */
export function recordCounts(data: Pick<DashboardData, RecordTypeKey>): RecordCount[] {
  return RECORD_TYPES.map(({ key, label }) => ({ key, label, count: data[key].totalCount }));
}

export const STAGE_SEMANTIC_LABELS: Record<StageSemantic, string> = {
  IN_PROGRESS: 'In progress',
  WON: 'Won',
  LOST: 'Lost',
};

/** Human label for a stage semantic; an unknown value (a newer API) is shown as is. */
export function stageSemanticLabel(semantic: StageSemantic | string): string {
  return (STAGE_SEMANTIC_LABELS as Record<string, string>)[semantic] ?? semantic;
}

function bySortThenName(a: { sort: number; name: string }, b: { sort: number; name: string }): number {
  return a.sort - b.sort || a.name.localeCompare(b.name);
}

/**
 * Pipelines in display order: the default pipeline first, then by `sort` and name; each pipeline's
 * stages by `sort`. Returns new arrays, never mutating the (cached) query result.
 */
export function orderPipelines<P extends { sort: number; name: string; isDefault: boolean; stages: ReadonlyArray<{ sort: number; name: string }> }>(
  pipelines: ReadonlyArray<P>,
): P[] {
  return [...pipelines]
    .sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || bySortThenName(a, b))
    .map((pipeline) => ({ ...pipeline, stages: [...pipeline.stages].sort(bySortThenName) }));
}
