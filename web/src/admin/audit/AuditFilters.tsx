'use client';

import { Button, MultiSelect, Select } from '@mantine/core';
import { DatePickerInput, type DatesRangeValue } from '@mantine/dates';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { ALL_ACTIONS, dateOfDay, dayOf, hasFilters, type AuditState } from './audit-state';
import styles from './AuditLog.module.css';

type FilterChange = Partial<Pick<AuditState, 'actions' | 'user' | 'from' | 'to'>>;

export interface UserOption {
  id: string;
  name: string;
  /** Null for a non-administrator (the API shows staff as id and name only); this page is for administrators. */
  active: boolean | null;
}

const rangeOf = (state: AuditState): DatesRangeValue => [state.from ? dateOfDay(state.from) : null, state.to ? dateOfDay(state.to) : null];

/** Action, user and date range; every change goes to the query string through `onChange`. */
export function AuditFilters({ state, users, onChange, onClear }: { state: AuditState; users: readonly UserOption[]; onChange: (change: FilterChange) => void; onClear: () => void }) {
  const t = useTranslations('audit');

  // The picker holds a half-chosen range (first day picked) until the second day is; a range
  // changed from outside (Back, "Clear filters") replaces it.
  // (State, not a ref, remembers the range last taken over: a render may be thrown away, and a ref
  // written in it would keep the new range as taken over without the picker ever showing it.)
  const [range, setRange] = useState<DatesRangeValue>(() => rangeOf(state));
  const rangeKey = `${state.from}|${state.to}`;
  const [applied, setApplied] = useState(rangeKey);
  if (rangeKey !== applied) {
    setApplied(rangeKey);
    setRange(rangeOf(state));
  }

  const userOptions = users.map((u) => ({ value: u.id, label: u.active === false ? t('filters.inactive', { name: u.name }) : u.name }));
  // A user from the address bar that is not listed (any more) still shows as chosen.
  if (state.user && !users.some((u) => u.id === state.user)) userOptions.unshift({ value: state.user, label: state.user });

  return (
    <div role="search" aria-label={t('filters.label')} className={styles.toolbar} data-testid="audit-filters">
      <MultiSelect
        className={styles.actions}
        label={t('filters.action')}
        placeholder={state.actions.length ? undefined : t('filters.anyAction')}
        data={ALL_ACTIONS.map((action) => ({ value: action, label: t(`action.${action}`) }))}
        value={state.actions}
        onChange={(values) => onChange({ actions: ALL_ACTIONS.filter((a) => values.includes(a)) })}
        clearable
        searchable
        comboboxProps={{ withinPortal: true }}
        data-testid="audit-action"
      />
      <Select
        className={styles.select}
        label={t('filters.user')}
        placeholder={t('filters.anyUser')}
        data={userOptions}
        value={state.user}
        onChange={(value) => onChange({ user: value })}
        searchable
        clearable
        clearButtonProps={{ 'aria-label': t('filters.clearUser') }}
        comboboxProps={{ withinPortal: true }}
        data-testid="audit-user"
      />
      <DatePickerInput
        className={styles.dates}
        type="range"
        label={t('filters.dates')}
        placeholder={t('filters.anyDate')}
        valueFormat="ll"
        allowSingleDateInRange
        clearable
        value={range}
        onChange={(next) => {
          setRange(next);
          const [from, to] = next;
          // Applied once the range is whole, or cleared.
          if ((from && to) || (!from && !to)) onChange({ from: from ? dayOf(from) : null, to: to ? dayOf(to) : null });
        }}
        popoverProps={{ withinPortal: true }}
        data-testid="audit-dates"
      />
      {hasFilters(state) && (
        <Button variant="subtle" onClick={onClear} data-testid="audit-clear">
          {t('filters.clear')}
        </Button>
      )}
    </div>
  );
}
