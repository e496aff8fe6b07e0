'use client';

import { CloseButton, NativeSelect, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import type { SegmentKind } from '@/graphql/gql/graphql';
import type { ListOrder, ListState } from './list-state';
import styles from './SegmentsList.module.css';

/** Typing pauses this long before the list is searched. */
export const SEARCH_DEBOUNCE_MS = 300;

const ALL = 'all';

type FilterChange = Partial<Pick<ListState, 'search' | 'kind' | 'tag' | 'order'>>;

/** Search by name, kind, tag and order; every change goes to the query string through `onChange`. */
export function ListFilters({ state, tags, onChange }: { state: ListState; tags: ReadonlyArray<{ tag: string; count: number }>; onChange: (change: FilterChange) => void }) {
  const t = useTranslations('segments.filters');
  const tKind = useTranslations('segments.kind');

  // The input shows what is typed at once; the list follows after a pause. A search changed from
  // outside (Back, "Clear filters") replaces what the input shows; the one the input sent itself
  // does not (typing may have gone on since). Both are state, not refs: a render may be thrown
  // away, and a ref written in it would leave the input showing the old search.
  const [draft, setDraft] = useState(state.search);
  const [seen, setSeen] = useState(state.search);
  const [sent, setSent] = useState<string | null>(null);
  if (state.search !== seen) {
    setSeen(state.search);
    if (state.search !== sent && draft.trim() !== state.search) setDraft(state.search);
  }
  const applySearch = useDebouncedCallback((value: string) => {
    setSent(value.trim());
    onChange({ search: value.trim() });
  }, SEARCH_DEBOUNCE_MS);

  const tagOptions = tags.map(({ tag, count }) => ({ value: tag, label: `${tag} (${count})` }));
  // A tag from the address bar that no segment carries any more still shows as chosen.
  if (state.tag && !tags.some(({ tag }) => tag === state.tag)) tagOptions.unshift({ value: state.tag, label: state.tag });

  return (
    <div role="search" className={styles.toolbar} aria-label={t('label')} data-testid="segments-filters">
      <TextInput
        className={styles.search}
        label={t('search')}
        placeholder={t('searchPlaceholder')}
        type="search"
        value={draft}
        onChange={(event) => {
          setDraft(event.currentTarget.value);
          applySearch(event.currentTarget.value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') applySearch.flush();
        }}
        rightSection={
          draft ? (
            <CloseButton
              size="sm"
              aria-label={t('clearSearch')}
              onClick={() => {
                setDraft('');
                applySearch('');
                applySearch.flush();
              }}
            />
          ) : null
        }
        data-testid="segments-search"
      />
      <NativeSelect
        className={styles.select}
        label={t('kind')}
        value={state.kind ?? ALL}
        onChange={(event) => {
          const value = event.currentTarget.value;
          onChange({ kind: value === ALL ? null : (value as SegmentKind) });
        }}
        data={[
          { value: ALL, label: t('anyKind') },
          { value: 'DYNAMIC', label: tKind('DYNAMIC') },
          { value: 'STATIC', label: tKind('STATIC') },
        ]}
        data-testid="segments-kind"
      />
      <Select
        className={styles.select}
        label={t('tag')}
        placeholder={t('anyTag')}
        value={state.tag}
        onChange={(value) => onChange({ tag: value })}
        data={tagOptions}
        searchable
        clearable
        clearButtonProps={{ 'aria-label': t('clearTag') }}
        nothingFoundMessage={t('noTags')}
        comboboxProps={{ withinPortal: true }}
        data-testid="segments-tag"
      />
      <NativeSelect
        className={styles.select}
        label={t('order')}
        value={state.order}
        onChange={(event) => onChange({ order: event.currentTarget.value as ListOrder })}
        data={[
          { value: 'updated', label: t('orderUpdated') },
          { value: 'name', label: t('orderName') },
        ]}
        data-testid="segments-order"
      />
    </div>
  );
}
