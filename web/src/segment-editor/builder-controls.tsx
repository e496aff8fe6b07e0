'use client';

import { Group, NumberInput, Select, Text } from '@mantine/core';
import type { ActionWithRulesAndAddersProps, FullOption, MatchModeEditorProps, OptionGroup, ValueSelectorProps } from 'react-querybuilder';
import { useTranslations } from 'use-intl';
import { ActionControl } from './ActionControl';
import { useProblems } from './EditorContext';

const THRESHOLD_MODES = new Set(['atLeast', 'atMost', 'exactly']);

/**
 * "has at least [3] … where": the match mode of a related-records rule, and its threshold when the
 * mode needs one (a new threshold starts at 1, so the rule is complete at once).
 */
export function MatchModeControl(props: MatchModeEditorProps) {
  const t = useTranslations('segmentEditor');
  const problems = useProblems(props.rule?.id);
  const needsThreshold = THRESHOLD_MODES.has(props.match.mode);
  return (
    <Group gap={6} wrap="nowrap" className="rule-match">
      <Select
        aria-label={t('builder.matchMode')}
        size="xs"
        w={160}
        allowDeselect={false}
        data={(props.options as readonly FullOption[]).map((option) => ({ value: option.name, label: option.label }))}
        value={props.match.mode}
        disabled={props.disabled}
        onChange={(mode) => {
          if (!mode) return;
          const threshold = THRESHOLD_MODES.has(mode) ? (props.match.threshold ?? 1) : undefined;
          props.handleOnChange(threshold === undefined ? { mode: mode as typeof props.match.mode } : { mode: mode as typeof props.match.mode, threshold });
        }}
        data-testid="match-mode"
      />
      {needsThreshold && (
        <NumberInput
          aria-label={t('builder.threshold')}
          size="xs"
          w={80}
          min={0}
          allowDecimal={false}
          value={props.match.threshold ?? 1}
          disabled={props.disabled}
          onChange={(n) => props.handleOnChange({ mode: props.match.mode, threshold: typeof n === 'number' ? n : 0 })}
          data-testid="match-threshold"
        />
      )}
      <Text size="sm" c="dimmed">
        {t('matchWhere')}
      </Text>
      {problems.length > 0 && (
        <Text size="xs" c="red" role="alert">
          {problems.join(' ')}
        </Text>
      )}
    </Group>
  );
}

function isOptionGroup(entry: FullOption | OptionGroup<FullOption>): entry is OptionGroup<FullOption> {
  return Array.isArray((entry as OptionGroup<FullOption>).options);
}

/** The field picker: searchable, grouped by family (40+ fields are too many to scroll). */
export function FieldSelectorControl(props: ValueSelectorProps) {
  const t = useTranslations('segmentEditor.builder');
  const data = (props.options as ReadonlyArray<FullOption | OptionGroup<FullOption>>).map((entry) =>
    isOptionGroup(entry) ? { group: entry.label, items: entry.options.map((o) => ({ value: o.name, label: o.label })) } : { value: entry.name, label: entry.label },
  );
  return (
    <Select
      aria-label={t('field')}
      title={props.title}
      size="xs"
      w={220}
      searchable
      allowDeselect={false}
      placeholder={t('chooseField')}
      data={data}
      value={props.value ?? null}
      disabled={props.disabled}
      onChange={(value) => value && props.handleOnChange(value)}
      comboboxProps={{ withinPortal: true }}
      data-testid="field-selector"
    />
  );
}

/** "+ Condition", with the API's problems about the group (an empty group, say) beside it, where the fix is. */
export function AddRuleControl(props: ActionWithRulesAndAddersProps) {
  const problems = useProblems(props.ruleOrGroup?.id);
  return (
    <>
      <ActionControl {...props} />
      {problems.length > 0 && (
        <Text size="xs" c="red" role="alert" component="span">
          {problems.join(' ')}
        </Text>
      )}
    </>
  );
}
