'use client';

import { Skeleton } from '@mantine/core';
import type { ReactNode } from 'react';
import { useQuery } from 'urql';
import { useFormatter, useLocale, useNow, useTranslations } from 'use-intl';
import { formatCount, formatReportedCount, reportedCountAttribute } from '@/lib/format';
import { useIsClient } from '@/lib/useIsClient';
import { countedBasis, segmentSizes, SIZE_KEYS, type SizeKey } from './model';
import { SegmentListSizesQuery } from './segments-list.query';
import styles from './SegmentsList.module.css';

const ICON_PATHS: Record<SizeKey, ReactNode> = {
  MEMBERS: (
    <>
      <circle cx="9" cy="7" r="4" />
      <path d="M3 21v-2a4 4 0 0 1 4-4h4a4 4 0 0 1 4 4v2M16 3.13a4 4 0 0 1 0 7.75M21 21v-2a4 4 0 0 0-3-3.85" />
    </>
  ),
  EMAIL: (
    <>
      <rect x="3" y="5" width="18" height="14" rx="2" />
      <path d="m3 7 9 6 9-6" />
    </>
  ),
  PHONE: (
    <path d="M22 16.92v3a2 2 0 0 1-2.18 2 19.79 19.79 0 0 1-8.63-3.07 19.5 19.5 0 0 1-6-6 19.79 19.79 0 0 1-3.07-8.67A2 2 0 0 1 4.11 2h3a2 2 0 0 1 2 1.72c.13.96.36 1.9.7 2.81a2 2 0 0 1-.45 2.11L8.09 9.91a16 16 0 0 0 6 6l1.27-1.27a2 2 0 0 1 2.11-.45c.91.34 1.85.57 2.81.7A2 2 0 0 1 22 16.92z" />
  ),
  IM: (
    <path d="M21 11.5a8.38 8.38 0 0 1-.9 3.8 8.5 8.5 0 0 1-7.6 4.7 8.38 8.38 0 0 1-3.8-.9L3 21l1.9-5.7a8.38 8.38 0 0 1-.9-3.8 8.5 8.5 0 0 1 4.7-7.6 8.38 8.38 0 0 1 3.8-.9h.5a8.48 8.48 0 0 1 8 8v.5z" />
  ),
};

function SizeIcon({ size }: { size: SizeKey }) {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      {ICON_PATHS[size]}
    </svg>
  );
}

/**
 * The size column's heading: an icon per count (words fit no language in a column this narrow),
 * named for screen readers and in a tooltip, aligned with the counts below.
 */
export function SegmentSizesHeading() {
  const t = useTranslations('segments');
  return (
    <>
      <span className={styles.srOnly}>{t('columns.size')}: </span>
      <span className={styles.sizeGrid}>
        {SIZE_KEYS.map((key) => (
          <span key={key} className={styles.sizeHead} title={t(`sizes.long.${key}`)} data-testid={`size-heading-${key}`}>
            <SizeIcon size={key} />
            <span className={styles.srOnly}>{t(`sizes.long.${key}`)}</span>
          </span>
        ))}
      </span>
    </>
  );
}

/**
 * One row's members and recipients per channel. Each row asks on its own once the list is on
 * screen, so the list never waits for a count; skeletons of the final size hold the place.
 */
export function SegmentSizes({ segmentId }: { segmentId: string }) {
  const t = useTranslations('segments.sizes');
  const app = useTranslations('app');
  const locale = useLocale();
  const format = useFormatter();
  const now = useNow({ updateInterval: 30_000 });
  const isClient = useIsClient();
  const [{ data, error, fetching, stale }, reexecute] = useQuery({
    query: SegmentListSizesQuery,
    variables: { id: segmentId },
    pause: !isClient,
    // Counts are live: show the last ones with their time while counting again.
    requestPolicy: 'cache-and-network',
  });
  const sizes = data?.segment ? segmentSizes(data.segment) : null;
  const counting = !isClient || fetching || stale;
  const failed = Boolean(error) && !counting;
  const state = sizes && !counting ? 'counted' : failed ? 'failed' : 'counting';

  return (
    <div data-testid="segment-sizes" data-state={state} aria-busy={counting}>
      <div className={styles.sizeGrid}>
        {SIZE_KEYS.map((key) => {
          const value = sizes?.values[key] ?? null;
          return (
            <div key={key} className={styles.size} title={t(`long.${key}`)} data-testid={`size-${key}`} data-value={sizes && value !== null ? reportedCountAttribute(value) : undefined}>
              <span className={styles.srOnly}>{t(`long.${key}`)}: </span>
              {sizes ? (
                <span className={styles.sizeValue}>{formatReportedCount(value, locale, (count) => app('common.fewerThan', { count }))}</span>
              ) : failed ? (
                <span className={styles.sizeValue}>{formatCount(null)}</span>
              ) : (
                <Skeleton height={12} width="3rem" radius="sm" aria-hidden="true" />
              )}
            </div>
          );
        })}
      </div>
      <div className={styles.counted}>
        {failed ? (
          <>
            <span title={error?.message}>{t('failed')}</span>
            <button type="button" className={styles.linkButton} onClick={() => reexecute({ requestPolicy: 'network-only' })} data-testid="sizes-retry">
              {t('retry')}
            </button>
          </>
        ) : counting ? (
          <span>{t('counting')}</span>
        ) : sizes?.computedAt ? (
          <CountedAt computedAt={sizes.computedAt} now={now} format={format} />
        ) : null}
      </div>
    </div>
  );
}

function CountedAt({ computedAt, now, format }: { computedAt: string; now: Date; format: ReturnType<typeof useFormatter> }) {
  const t = useTranslations('segments.sizes');
  const basis = countedBasis(computedAt, now);
  const at = new Date(computedAt);
  return (
    <time dateTime={computedAt} title={t('countedAt', { date: format.dateTime(at, { dateStyle: 'medium', timeStyle: 'medium' }) })} data-testid="sizes-counted">
      {basis ? t('counted', { when: format.relativeTime(basis, now) }) : t('countedJustNow')}
    </time>
  );
}
