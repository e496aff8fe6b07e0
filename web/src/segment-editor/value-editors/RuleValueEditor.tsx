'use client';

import { Group, MultiSelect, NumberInput, Select, SegmentedControl, TagsInput, Text, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import type { ValueEditorProps } from 'react-querybuilder';
import { useTranslations } from 'use-intl';
import type { DateUnit, FilterValueInput } from '@/graphql/gql/graphql';
import { cleanValue } from '../conversion';
import { useEditorContext, useProblems } from '../EditorContext';
import type { BuilderField } from '../fields';
import { pipelinesBeside } from '../tree';
import { SearchableMultiSelect } from './SearchableMultiSelect';
import { valueKindOf } from './value-kind';

const DATE_FORMAT = 'YYYY-MM-DD';
const UNITS: DateUnit[] = ['DAY', 'WEEK', 'MONTH', 'YEAR'];
const NO_PIPELINES: string[] = [];

function toDate(day: string | null | undefined): Date | null {
  return day ? dayjs(day, DATE_FORMAT).toDate() : null;
}

function toDay(date: Date | null): string | null {
  return date ? dayjs(date).format(DATE_FORMAT) : null;
}

/**
 * The value part of a rule, chosen by the field's type and the operator (value-kind.ts), writing
 * exactly the one `FilterValueInput` slot the API expects. Problems the API found with the rule
 * show under it.
 */
export function RuleValueEditor(props: ValueEditorProps) {
  const t = useTranslations('segmentEditor.value');
  const field = props.fieldData as BuilderField;
  const problems = useProblems(props.rule?.id);
  const { query } = useEditorContext();
  const value: FilterValueInput = props.value && typeof props.value === 'object' && !Array.isArray(props.value) ? (props.value as FilterValueInput) : {};
  const set = (next: FilterValueInput) => props.handleOnChange(cleanValue(next));
  const catalog = field.catalog;
  const kind = catalog ? valueKindOf(catalog, props.operator) : 'none';
  const error = problems.length ? problems.join(' ') : undefined;
  const label = `${field.label}: ${props.title ?? ''}`.trim();
  const ruleId = props.rule?.id;
  const pipelines = useMemo(() => (kind === 'stages' && ruleId ? pipelinesBeside(query, ruleId) : NO_PIPELINES), [kind, query, ruleId]);

  const listed = useMemo(() => {
    const values = catalog?.values ?? [];
    if (kind !== 'stages') return values.map((v) => ({ value: v.value, label: v.label }));
    // Stages of the picked pipelines only (all of them, grouped by pipeline, until one is picked).
    const shown = pipelines.length ? values.filter((v) => v.groupId && pipelines.includes(v.groupId)) : values;
    const groups = new Map<string, Array<{ value: string; label: string }>>();
    for (const v of shown) groups.set(v.group ?? '', [...(groups.get(v.group ?? '') ?? []), { value: v.value, label: v.label }]);
    return [...groups].map(([group, items]) => ({ group, items }));
  }, [catalog, kind, pipelines]);

  let editor: React.ReactNode = null;
  switch (kind) {
    case 'none':
      return null;
    case 'text':
      editor = <TextInput aria-label={label} size="xs" value={value.string ?? ''} onChange={(e) => set({ string: e.currentTarget.value })} error={error} />;
      break;
    case 'texts':
      editor = <TagsInput aria-label={label} className="rule-value-wide" size="xs" value={value.strings ?? []} onChange={(strings) => set({ strings })} placeholder={t('typeValues')} error={error} />;
      break;
    case 'number':
      editor = <NumberInput aria-label={label} size="xs" value={value.number ?? ''} onChange={(n) => set({ number: typeof n === 'number' ? n : null })} error={error} w={140} />;
      break;
    case 'days':
      editor = (
        <Group gap={6} wrap="nowrap">
          <NumberInput aria-label={label} size="xs" min={0} allowDecimal={false} value={value.number ?? ''} onChange={(n) => set({ number: typeof n === 'number' ? n : null })} error={error} w={90} />
          <Text size="sm">{t('days')}</Text>
        </Group>
      );
      break;
    case 'numberRange':
      editor = (
        <Group gap={6} wrap="nowrap">
          <NumberInput
            aria-label={`${label} ${t('min')}`}
            placeholder={t('min')}
            size="xs"
            value={value.numberRange?.min ?? ''}
            onChange={(n) => set({ numberRange: { min: typeof n === 'number' ? n : null, max: value.numberRange?.max ?? null } })}
            error={error}
            w={110}
          />
          <Text size="sm">–</Text>
          <NumberInput
            aria-label={`${label} ${t('max')}`}
            placeholder={t('max')}
            size="xs"
            value={value.numberRange?.max ?? ''}
            onChange={(n) => set({ numberRange: { min: value.numberRange?.min ?? null, max: typeof n === 'number' ? n : null } })}
            w={110}
          />
        </Group>
      );
      break;
    case 'date':
      editor = (
        <DatePickerInput
          aria-label={label}
          size="xs"
          valueFormat="ll"
          value={toDate(value.date)}
          onChange={(d) => set({ date: toDay(d) })}
          error={error}
          w={160}
          popoverProps={{ withinPortal: true }}
        />
      );
      break;
    case 'dateRange':
      editor = (
        <DatePickerInput
          type="range"
          aria-label={label}
          size="xs"
          valueFormat="ll"
          allowSingleDateInRange
          value={[toDate(value.dateRange?.from), toDate(value.dateRange?.to)]}
          onChange={([from, to]) => set({ dateRange: from || to ? { from: toDay(from), to: toDay(to) } : null })}
          error={error}
          miw={220}
          popoverProps={{ withinPortal: true }}
        />
      );
      break;
    case 'relative':
      editor = (
        <Group gap={6} wrap="nowrap">
          <NumberInput
            aria-label={`${label} ${t('amount')}`}
            size="xs"
            min={0}
            allowDecimal={false}
            value={value.relative?.amount ?? ''}
            onChange={(n) => set({ relative: { amount: typeof n === 'number' ? n : 0, unit: value.relative?.unit ?? 'DAY' } })}
            error={error}
            w={80}
          />
          <Select
            aria-label={`${label} ${t('unit')}`}
            size="xs"
            w={110}
            allowDeselect={false}
            data={UNITS.map((unit) => ({ value: unit, label: t(`units.${unit}`) }))}
            value={value.relative?.unit ?? 'DAY'}
            onChange={(unit) => set({ relative: { amount: value.relative?.amount ?? 0, unit: (unit as DateUnit) ?? 'DAY' } })}
          />
          {props.operator === 'MORE_THAN_AGO' && <Text size="sm">{t('ago')}</Text>}
        </Group>
      );
      break;
    case 'boolean':
      editor = (
        <SegmentedControl
          aria-label={label}
          size="xs"
          data={[
            { value: 'true', label: t('yes') },
            { value: 'false', label: t('no') },
          ]}
          value={value.boolean === false ? 'false' : value.boolean === true ? 'true' : ''}
          onChange={(v) => set({ boolean: v === 'true' })}
        />
      );
      break;
    case 'codes':
    case 'ids':
    case 'stages':
      editor = (
        <MultiSelect
          aria-label={label}
          className="rule-value-wide"
          size="xs"
          data={listed}
          value={(kind === 'codes' ? value.strings : value.ids?.map(String)) ?? []}
          onChange={(picked) => set(kind === 'codes' ? { strings: picked } : { ids: picked })}
          searchable
          clearable
          placeholder={t('pick')}
          nothingFoundMessage={t('nothingFound')}
          description={kind === 'stages' && pipelines.length === 0 ? t('pickPipelineFirst') : undefined}
          error={error}
          comboboxProps={{ withinPortal: true }}
        />
      );
      break;
    case 'search':
      editor = <SearchableMultiSelect field={catalog!.id} ids={value.ids?.map(String) ?? []} onChange={(ids) => set({ ids })} label={label} error={error} />;
      break;
  }
  return (
    <div className="rule-value" data-testid="rule-value" data-kind={kind}>
      {editor}
    </div>
  );
}
