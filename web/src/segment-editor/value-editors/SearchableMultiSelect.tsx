'use client';

import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
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
  // Every name seen so far (search results, looked-up picks), so a pick keeps its name when the
  // search moves on. State, added to during render when an answer brings new names.
  const [known, setKnown] = useState<ReadonlyMap<string, string>>(() => new Map());
  const unknownIds = ids.filter((id) => !known.has(id));
  const [{ data: labels }] = useQuery({ query: NodeLabelsQuery, variables: { ids: unknownIds }, pause: unknownIds.length === 0 });
  // One name per id (the search's latest), so taking them over settles after one more render.
  const named = new Map<string, string>([
    ...(labels?.nodes ?? []).flatMap((node): Array<[string, string]> => ('name' in node && typeof node.name === 'string' ? [[node.id, node.name]] : [])),
    ...(data?.filterValues.edges ?? []).map((edge): [string, string] => [edge.node.value, edge.node.label]),
  ]);
  if ([...named].some(([id, name]) => known.get(id) !== name)) setKnown(new Map([...known, ...named]));

  const options = useMemo(() => {
    const found = (data?.filterValues.edges ?? []).map((edge) => ({ value: edge.node.value, label: edge.node.label }));
    const picked = ids.filter((id) => !found.some((o) => o.value === id)).map((id) => ({ value: id, label: known.get(id) ?? id }));
    return [...picked, ...found];
  }, [data, ids, known]);

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
