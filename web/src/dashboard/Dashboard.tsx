'use client';

import { useCallback } from 'react';
import { useQuery, type CombinedError } from 'urql';
import { useLocale, useTranslations } from 'use-intl';
import { formatCount } from '@/lib/format';
import { useIsClient } from '@/lib/useIsClient';
import { DashboardQuery } from './dashboard.query';
import { isKnownStageSemantic, orderPipelines, RECORD_TYPES, recordCounts, type DashboardData, type DashboardPipeline } from './model';
import styles from './Dashboard.module.css';

/** The home page: record counts per type and the deal pipelines with their stages. */
export function Dashboard() {
  const locale = useLocale();
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
  const t = useTranslations('dashboard.records');
  return (
    <section aria-labelledby="records-heading">
      <h2 id="records-heading" className={styles.sectionTitle}>
        {t('heading')}
      </h2>
      <ul className={styles.counts}>
        {recordCounts(data).map(({ key, count }) => (
          <li key={key} className={styles.countCard}>
            <span className={styles.countLabel}>{t(key)}</span>
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
  const t = useTranslations('dashboard.pipelines');
  const tApp = useTranslations('app');
  const ordered = orderPipelines(pipelines);
  return (
    <section aria-labelledby="pipelines-heading">
      <h2 id="pipelines-heading" className={styles.sectionTitle}>
        {t('heading')}
      </h2>
      {ordered.length === 0 ? (
        <p className={styles.empty}>{t('empty')}</p>
      ) : (
        <div className={styles.pipelines}>
          {ordered.map((pipeline) => (
            <article key={pipeline.id} className={styles.pipeline} data-testid="pipeline">
              <header className={styles.pipelineHeader}>
                <h3 className={styles.pipelineName}>{pipeline.name}</h3>
                {pipeline.isDefault && <span className={styles.defaultTag}>{t('default')}</span>}
              </header>
              {pipeline.stages.length === 0 ? (
                <p className={styles.empty}>{t('noStages')}</p>
              ) : (
                <ol className={styles.stages}>
                  {pipeline.stages.map((stage) => (
                    <li key={stage.id} className={styles.stage}>
                      <span className={styles.stageName}>{stage.name}</span>
                      <span className={`${styles.badge} ${styles[`badge_${stage.semantic}`] ?? ''}`} data-semantic={stage.semantic}>
                        {isKnownStageSemantic(stage.semantic) ? tApp(`stageSemantic.${stage.semantic}`) : stage.semantic}
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
  const t = useTranslations('dashboard');
  return (
    <div className={styles.dashboard} aria-busy="true">
      <p role="status" className={styles.srOnly}>
        {t('loading')}
      </p>
      <section aria-hidden="true">
        <div className={styles.sectionTitle}>{t('records.heading')}</div>
        <ul className={styles.counts}>
          {RECORD_TYPES.map((key) => (
            <li key={key} className={`${styles.countCard} ${styles.skeleton}`}>
              <span className={styles.countLabel}>{t(`records.${key}`)}</span>
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
  const t = useTranslations('dashboard');
  const tCommon = useTranslations('app.common');
  return (
    <div role="alert" className={styles.error} data-testid="dashboard-error">
      <h2 className={styles.errorTitle}>{t('errorTitle')}</h2>
      <p>{unreachable ? tCommon('unreachable') : tCommon('apiError')}</p>
      <button type="button" className={styles.retry} onClick={onRetry}>
        {tCommon('retry')}
      </button>
      <details className={styles.errorDetails}>
        <summary>{tCommon('details')}</summary>
        <code>{error.message}</code>
      </details>
    </div>
  );
}
