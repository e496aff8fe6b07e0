'use client';

import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useRef, useState } from 'react';
import { useQuery } from 'urql';
import { useLocale, useTranslations } from 'use-intl';
import { FilterValuesQuery, NodeLabelsQuery } from '../editor.query';

/**
 * A multi-select over a long list (users, products, segments): the API searches as the marketer
 * types (`filterValues`), and picked ids keep their names (looked up once with `nodes`).
 */
export function SearchableMultiSelect({ field, ids, onChange, label, error }: { field: string; ids: string[]; onChange: (ids: string[]) => void; label: string; error?: string }) {
  const t = useTranslations('segmentEditor.value');
  const locale = useLocale();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [{ data, fetching }] = useQuery({ query: FilterValuesQuery, variables: { field, search: debounced || null, locale } });
  const known = useRef(new Map<string, string>());
  const unknownIds = ids.filter((id) => !known.current.has(id));
  const [{ data: labels }] = useQuery({ query: NodeLabelsQuery, variables: { ids: unknownIds }, pause: unknownIds.length === 0 });
  for (const node of labels?.nodes ?? []) if ('name' in node && typeof node.name === 'string') known.current.set(node.id, node.name);
  for (const edge of data?.filterValues.edges ?? []) known.current.set(edge.node.value, edge.node.label);

  const options = useMemo(() => {
    const found = (data?.filterValues.edges ?? []).map((edge) => ({ value: edge.node.value, label: edge.node.label }));
    const picked = ids.filter((id) => !found.some((o) => o.value === id)).map((id) => ({ value: id, label: known.current.get(id) ?? id }));
    return [...picked, ...found];
  }, [data, ids, labels]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <MultiSelect
      aria-label={label}
      className="rule-value-wide"
      data={options}
      value={ids}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      placeholder={ids.length ? undefined : t('search')}
      nothingFoundMessage={fetching ? '…' : t('nothingFound')}
      error={error}
      size="xs"
      clearable
      comboboxProps={{ withinPortal: true }}
    />
  );
}
