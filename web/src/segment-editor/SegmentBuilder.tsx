'use client';

import { QueryBuilderDnD } from '@react-querybuilder/dnd';
import { QueryBuilderMantine } from '@react-querybuilder/mantine';
import { useMemo } from 'react';
import * as ReactDnD from 'react-dnd';
import * as ReactDndHtml5Backend from 'react-dnd-html5-backend';
import { QueryBuilder, type RuleGroupType, type Translations } from 'react-querybuilder';
import { useTranslations } from 'use-intl';
import { ActionControl } from './ActionControl';
import { AddRuleControl, FieldSelectorControl, MatchModeControl } from './builder-controls';
import { EditorContext } from './EditorContext';
import type { BuilderField } from './fields';
import type { OptionGroup } from 'react-querybuilder';
import { RuleValueEditor } from './value-editors/RuleValueEditor';

const DND = { ...ReactDnD, ...ReactDndHtml5Backend };

/**
 * react-querybuilder with the Mantine controls, drag and drop (plus move up / down buttons for the
 * keyboard), the catalog's fields, our value editors, and every label in the UI language.
 */
export function SegmentBuilder({
  fields,
  query,
  onQueryChange,
  problemsById,
  readOnly = false,
}: {
  fields: Array<OptionGroup<BuilderField>>;
  query: RuleGroupType;
  onQueryChange: (query: RuleGroupType) => void;
  problemsById: ReadonlyMap<string, readonly string[]>;
  /** Shown, not editable (no segments:write): no adding, removing, dragging or typing. */
  readOnly?: boolean;
}) {
  const t = useTranslations('segmentEditor');
  const translations = useMemo(
    (): Partial<Translations> => ({
      fields: { title: t('builder.field'), placeholderName: '~', placeholderLabel: t('builder.chooseField'), placeholderGroupLabel: t('builder.chooseField') },
      operators: { title: t('builder.operator'), placeholderName: '~', placeholderLabel: '…', placeholderGroupLabel: '…' },
      value: { title: t('builder.value') },
      matchMode: { title: t('builder.matchMode') },
      matchThreshold: { title: t('builder.threshold') },
      addRule: { label: t('builder.addRule'), title: t('builder.addRuleTitle') },
      addGroup: { label: t('builder.addGroup'), title: t('builder.addGroupTitle') },
      removeRule: { label: '⨯', title: t('builder.removeRule') },
      removeGroup: { label: '⨯', title: t('builder.removeGroup') },
      cloneRule: { label: '⧉', title: t('builder.cloneRule') },
      cloneRuleGroup: { label: '⧉', title: t('builder.cloneGroup') },
      combinators: { title: t('builder.combinator') },
      notToggle: { label: t('builder.not'), title: t('builder.notTitle') },
      shiftActionUp: { label: '˄', title: t('builder.shiftUp') },
      shiftActionDown: { label: '˅', title: t('builder.shiftDown') },
      dragHandle: { label: '⁞⁞', title: t('builder.dragHandle') },
    }),
    [t],
  );
  const combinators = useMemo(
    () => [
      { name: 'AND', value: 'AND', label: t('combinators.AND') },
      { name: 'OR', value: 'OR', label: t('combinators.OR') },
    ],
    [t],
  );
  // The nested query of a related-records rule ("deals where …"): same words; no NOT on its root,
  // whose negation is the match mode "has no".
  const subQueryProps = useMemo(() => ({ combinators, translations, showNotToggle: false }), [combinators, translations]);
  const context = useMemo(() => ({ query, problemsById }), [query, problemsById]);

  return (
    <EditorContext.Provider value={context}>
      <QueryBuilderDnD dnd={DND}>
        <QueryBuilderMantine>
          <QueryBuilder
            fields={fields}
            query={query}
            onQueryChange={onQueryChange}
            disabled={readOnly}
            combinators={combinators}
            translations={translations}
            controlElements={{ actionElement: ActionControl, valueEditor: RuleValueEditor, matchModeEditor: MatchModeControl, fieldSelector: FieldSelectorControl, addRuleAction: AddRuleControl }}
            getSubQueryBuilderProps={() => subQueryProps}
            getDefaultValue={() => null}
            showNotToggle
            showCloneButtons
            showShiftActions
            enableDragAndDrop
            resetOnOperatorChange
            addRuleToNewGroups
            controlClassnames={{ queryBuilder: 'segment-builder queryBuilder-branches' }}
          />
        </QueryBuilderMantine>
      </QueryBuilderDnD>
    </EditorContext.Provider>
  );
}
