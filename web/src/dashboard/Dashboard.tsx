'use client';

import { useCallback } from 'react';
import { useQuery, type CombinedError } from 'urql';
import { DEFAULT_LOCALE, formatCount } from '@/lib/format';
import { useIsClient } from '@/lib/useIsClient';
import { DashboardQuery } from './dashboard.query';
import { orderPipelines, RECORD_TYPES, recordCounts, stageSemanticLabel, type DashboardData, type DashboardPipeline } from './model';
import styles from './Dashboard.module.css';

/** The home page: record counts per type and the deal pipelines with their stages. */
export function Dashboard({ locale = DEFAULT_LOCALE }: { locale?: string }) {
  // The query runs in the browser only (to the same-origin /graphql); server and hydration render
  // the loading state, so both sides agree.
  const isClient = useIsClient();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: DashboardQuery, pause: !isClient });
  const retry = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);

  if (error && !data) return <DashboardError error={error} onRetry={retry} />;
  if (!data || !isClient) return <DashboardLoading />;

  return (
    <div className={styles.dashboard} aria-busy={fetching}>
      <RecordCounts data={data} locale={locale} />
      <Pipelines pipelines={data.pipelines} />
    </div>
  );
}

function RecordCounts({ data, locale }: { data: DashboardData; locale: string }) {
  return (
    <section aria-labelledby="records-heading">
      <h2 id="records-heading" className={styles.sectionTitle}>
        Records
      </h2>
      <ul className={styles.counts}>
        {recordCounts(data).map(({ key, label, count }) => (
          <li key={key} className={styles.countCard}>
            <span className={styles.countLabel}>{label}</span>
            <span className={styles.countValue} data-testid={`count-${key}`} data-value={count}>
              {formatCount(count, locale)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Pipelines({ pipelines }: { pipelines: DashboardPipeline[] }) {
  const ordered = orderPipelines(pipelines);
  return (
    <section aria-labelledby="pipelines-heading">
      <h2 id="pipelines-heading" className={styles.sectionTitle}>
        Pipelines
      </h2>
      {ordered.length === 0 ? (
        <p className={styles.empty}>No pipelines yet.</p>
      ) : (
        <div className={styles.pipelines}>
          {ordered.map((pipeline) => (
            <article key={pipeline.id} className={styles.pipeline} data-testid="pipeline">
              <header className={styles.pipelineHeader}>
                <h3 className={styles.pipelineName}>{pipeline.name}</h3>
                {pipeline.isDefault && <span className={styles.defaultTag}>Default</span>}
              </header>
              {pipeline.stages.length === 0 ? (
                <p className={styles.empty}>No stages.</p>
              ) : (
                <ol className={styles.stages}>
                  {pipeline.stages.map((stage) => (
                    <li key={stage.id} className={styles.stage}>
                      <span className={styles.stageName}>{stage.name}</span>
                      <span className={`${styles.badge} ${styles[`badge_${stage.semantic}`] ?? ''}`} data-semantic={stage.semantic}>
                        {stageSemanticLabel(stage.semantic)}
                      </span>
                    </li>
                  ))}
                </ol>
              )}
            </article>
          ))}
        </div>
      )}
    </section>
  );
}

function DashboardLoading() {
  return (
    <div className={styles.dashboard} aria-busy="true">
      <p role="status" className={styles.srOnly}>
        Loading the dashboard…
      </p>
      <section aria-hidden="true">
        <div className={styles.sectionTitle}>Records</div>
        <ul className={styles.counts}>
          {RECORD_TYPES.map(({ key, label }) => (
            <li key={key} className={`${styles.countCard} ${styles.skeleton}`}>
              <span className={styles.countLabel}>{label}</span>
              <span className={styles.countValue}>&nbsp;</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function DashboardError({ error, onRetry }: { error: CombinedError; onRetry: () => void }) {
  // A network error: no GraphQL answer at all (API down, proxy failure); otherwise GraphQL errors.
  const unreachable = Boolean(error.networkError);
  return (
    <div role="alert" className={styles.error} data-testid="dashboard-error">
      <h2 className={styles.errorTitle}>The dashboard could not be loaded</h2>
      <p>
        {unreachable
          ? 'Segmenta could not reach its API. Check that the API is running, then try again.'
          : 'The API answered with an error. Try again in a moment; if it keeps happening, the details below help whoever runs Segmenta.'}
      </p>
      <button type="button" className={styles.retry} onClick={onRetry}>
        Try again
      </button>
      <details className={styles.errorDetails}>
        <summary>Details</summary>
        <code>{error.message}</code>
      </details>
    </div>
  );
}
