'use client';

import { useMemo } from 'react';
import { useQuery } from 'urql';
import { useLocale, useTranslations } from 'use-intl';
import type { SegmentSource } from '@/graphql/gql/graphql';
import { useCan } from '@/auth/ViewerProvider';
import { SegmentFieldsQuery } from './editor.query';
import { buildFields, indexFields } from './fields';

/**
 * The builder's fields for a source, fetched from the API each time the editor opens (so a list
 * value or custom field an admin just added is there) and labelled in the UI language.
 */
export function useBuilderFields(source: SegmentSource, pause: boolean) {
  const t = useTranslations('segmentEditor');
  const locale = useLocale();
  const mayUsePersonal = useCan('CRM_READ');
  const [{ data, error, fetching }, reexecute] = useQuery({ query: SegmentFieldsQuery, variables: { source, locale }, pause, requestPolicy: 'cache-and-network' });
  const fields = useMemo(
    () =>
      data
        ? buildFields(
            data,
            {
              related: t('relatedRecords'),
              operator: (operator) => (t.has(`operators.${operator}` as 'operators.EQ') ? t(`operators.${operator}` as 'operators.EQ') : operator),
              matchMode: (mode) => t(`matchModes.${mode}`),
            },
            { mayUsePersonal },
          )
        : null,
    [data, t, mayUsePersonal],
  );
  const index = useMemo(() => (fields ? indexFields(fields) : null), [fields]);
  return { fields, index, error, fetching, retry: () => reexecute({ requestPolicy: 'network-only' }) };
}
