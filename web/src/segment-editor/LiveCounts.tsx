'use client';

import { Alert, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useFormatter, useLocale, useTranslations } from 'use-intl';
import type { Channel, EditorPreviewCountsQuery } from '@/graphql/gql/graphql';
import type { LimitProblem } from '@/layout/limit-problem';
import { formatReportedCount, reportedCountAttribute, type ReportedCount } from '@/lib/format';
import type { Freshness } from './useLivePreview';

type Preview = EditorPreviewCountsQuery['previewSegment'];

const CHANNELS: Channel[] = ['EMAIL', 'PHONE', 'IM'];

/**
 * Members and recipients per channel of the definition as it is now. The boxes keep their size
 * whatever they show (a number, the last number dimmed while counting, a dash), so nothing moves.
 */
/** `failed`: why the last count failed (a time limit, the rate limit, or anything else), or null. */
/** `freshness`: for a saved segment, whether the figures come from its maintained membership and how fresh they are. */
export function LiveCounts({ preview, counting, failed, freshness = null }: { preview: Preview | null; counting: boolean; failed: LimitProblem | 'other' | null; freshness?: Freshness | null }) {
  const t = useTranslations('segmentEditor.counts');
  const app = useTranslations('app');
  const locale = useLocale();
  const format = useFormatter();
  const invalid = Boolean(preview && preview.errors.length > 0);
  const computedAt = preview?.memberCount?.computedAt;
  // A count may be withheld as "fewer than k" (callers without crm:read): shown in words, never as a number.
  const counts: Array<{ key: string; label: string; count: ReportedCount | null }> = [
    { key: 'members', label: t('members'), count: preview?.memberCount ?? null },
    ...CHANNELS.map((channel) => ({ key: channel, label: t(channel), count: preview?.recipientCounts?.find((c) => c.channel === channel) ?? null })),
  ];
  return (
    <Paper withBorder p="md" radius="md" aria-busy={counting} data-testid="live-counts" data-counting={counting}>
      <Stack gap="xs">
        <div className="counts-heading">
          <Title order={2} size="h5">
            {t('heading')}
          </Title>
          <span className="counts-state" role="status" aria-live="polite">
            {counting ? (
              <>
                <Loader size={12} aria-hidden="true" /> {t('counting')}
              </>
            ) : computedAt ? (
              t('computedAt', { time: format.dateTime(new Date(computedAt), { timeStyle: 'medium' }) })
            ) : (
              ''
            )}
          </span>
        </div>
        {freshness && !counting && (
          <Text size="xs" c="dimmed" data-testid="counts-freshness" data-source={freshness.source} data-exact={freshness.exact}>
            {freshness.source === 'MEMBERSHIP'
              ? freshness.exact
                ? t('membershipLive')
                : t('membershipPending', { time: format.dateTime(new Date(freshness.asOf), { timeStyle: 'medium' }) })
              : freshness.state === 'FAILED'
                ? t('membershipFailed')
                : t('membershipBuilding')}
          </Text>
        )}
        <SimpleGrid cols={2} spacing="xs">
          {counts.map(({ key, label, count }) => (
            <div key={key} className="count-box" data-testid={`live-count-${key}`} data-value={reportedCountAttribute(count)}>
              <Text size="xs" c="dimmed">
                {label}
              </Text>
              <Text className="count-value" fw={700} size="xl" c={counting ? 'dimmed' : undefined}>
                {formatReportedCount(count, locale, (k) => app('common.fewerThan', { count: k }))}
              </Text>
            </div>
          ))}
        </SimpleGrid>
        <div className="counts-note">
          {invalid && (
            <Text size="xs" c="red" data-testid="counts-invalid">
              {t('invalid')}
            </Text>
          )}
          {failed && !invalid && (
            <Alert color="red" p="xs" role="alert">
              <Text size="xs">{t(failed === 'other' ? 'failed' : failed)}</Text>
            </Alert>
          )}
        </div>
      </Stack>
    </Paper>
  );
}
