'use client';

import { ActionIcon, Button, Checkbox, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useTranslations } from 'use-intl';
import type { CustomFieldEntity, CustomFieldType } from '@/graphql/gql/graphql';
import { useUserErrorText } from '@/layout/useUserErrorText';
import { fieldCodeFromLabel } from '../common/codes';
import { errorAt, type AdminUserError } from '../common/in-use';
import { useSuggestedCode } from '../common/useSuggestedCode';
import { CreateCustomFieldMutation } from './custom-fields.query';
import { FIELD_TYPES, isListType, optionInputs } from './model';
import { changes } from '../common/cache';

const CHANGES = changes('CustomField', 'CustomFieldOption');

/** A new field: name, code (suggested), type, and for list types its options typed one per row. */
export function CreateFieldForm({ entity, takenCodes, onCreated }: { entity: CustomFieldEntity; takenCodes: string[]; onCreated: (id: string, name: string) => void }) {
  const t = useTranslations('customFields');
  const ta = useTranslations('admin');
  const errorText = useUserErrorText();
  const [label, setLabel] = useState('');
  const [type, setType] = useState<CustomFieldType>('STRING');
  const [options, setOptions] = useState<string[]>(['', '']);
  // Unset until the admin ticks or clears it: text fields start out personal, the rest not (as the API decides).
  const [personalChoice, setPersonalChoice] = useState<boolean | null>(null);
  const personal = personalChoice ?? type === 'STRING';
  const { code, setCode, reset } = useSuggestedCode(label, (l) => fieldCodeFromLabel(l, takenCodes));
  const [errors, setErrors] = useState<readonly AdminUserError[]>([]);
  const [localLabelError, setLocalLabelError] = useState<string | null>(null);
  const [{ fetching }, create] = useMutation(CreateCustomFieldMutation);
  const listType = isListType(type);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!label.trim()) return setLocalLabelError(t('create.required'));
    const result = await create({ input: { entity, label: label.trim(), code, type, personal, options: listType ? optionInputs(options) : null } }, CHANGES);
    if (result.error) return setErrors([{ code: 'WRITE_FAILED', message: result.error.message, path: [] }]);
    const payload = result.data!.createCustomField;
    if (payload.errors.length) return setErrors(payload.errors);
    setErrors([]);
    setLabel('');
    setOptions(['', '']);
    setPersonalChoice(null);
    reset();
    onCreated(payload.field!.id, payload.field!.label);
  };

  const at = (...path: string[]) => {
    const error = errorAt(errors, ...path);
    return error ? errorText(error) : undefined;
  };
  const shown = ['label', 'code', 'type', 'options'];
  const other = errors.filter((e) => !(e.path[0] === 'input' && shown.includes(e.path[1] ?? '')));
  // Option errors point at the options sent; blank rows were not sent, so map back by position.
  const sentRows = options.map((o, i) => (o.trim() ? i : -1)).filter((i) => i >= 0);
  const optionError = (row: number) => {
    const sent = sentRows.indexOf(row);
    return sent >= 0 ? at('input', 'options', String(sent)) : undefined;
  };

  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate data-testid="field-create-form">
      <Title order={2} size="h4" mb="sm">
        {t('create.title')}
      </Title>
      <Stack gap="sm">
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            label={t('create.label')}
            value={label}
            onChange={(event) => {
              setLabel(event.currentTarget.value);
              setErrors([]);
              setLocalLabelError(null);
            }}
            error={localLabelError ?? at('input', 'label')}
            maxLength={200}
            w="18rem"
            data-testid="field-create-label"
          />
          <TextInput
            label={ta('code.label')}
            value={code}
            onChange={(event) => {
              setCode(event.currentTarget.value.toUpperCase());
              setErrors([]);
            }}
            error={at('input', 'code')}
            maxLength={64}
            w="18rem"
            styles={{ input: { fontFamily: 'monospace' } }}
            data-testid="field-create-code"
          />
          <NativeSelect
            label={t('table.type')}
            value={type}
            onChange={(event) => setType(event.currentTarget.value as CustomFieldType)}
            data={FIELD_TYPES.map((ft) => ({ value: ft, label: t(`types.${ft}`) }))}
            error={at('input', 'type')}
            data-testid="field-create-type"
          />
        </Group>
        <Text size="xs" c="dimmed">
          {ta('code.description')}
        </Text>
        <Checkbox
          label={t('personal.label')}
          description={t('personal.description')}
          checked={personal}
          onChange={(event) => setPersonalChoice(event.currentTarget.checked)}
          data-testid="field-create-personal"
        />
        {listType && (
          <Stack gap="xs" data-testid="field-create-options">
            <Text size="sm" fw={500} id="new-field-options">
              {t('create.options')}
            </Text>
            {options.map((option, row) => (
              <Group key={row} gap="xs" align="flex-start" wrap="nowrap">
                <TextInput
                  aria-label={t('create.optionLabel', { n: row + 1 })}
                  placeholder={t('create.optionLabel', { n: row + 1 })}
                  value={option}
                  onChange={(event) => {
                    const value = event.currentTarget.value;
                    setOptions((current) => current.map((o, i) => (i === row ? value : o)));
                    setErrors([]);
                  }}
                  error={optionError(row)}
                  maxLength={200}
                  w="18rem"
                  data-testid="field-create-option"
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={t('create.removeOption', { n: row + 1 })}
                  onClick={() => setOptions((current) => current.filter((_, i) => i !== row))}
                  disabled={options.length === 1}
                >
                  <span aria-hidden="true">×</span>
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button variant="subtle" size="compact-sm" onClick={() => setOptions((current) => [...current, ''])} data-testid="field-create-add-option">
                {t('create.addOption')}
              </Button>
            </Group>
            {at('input', 'options') && !sentRows.some((row) => optionError(row)) && (
              <Text size="sm" c="red">
                {at('input', 'options')}
              </Text>
            )}
          </Stack>
        )}
        {other.length > 0 && (
          <Text size="sm" c="red" role="alert">
            {other.map(errorText).join(' ')}
          </Text>
        )}
        <Group>
          <Button type="submit" loading={fetching} data-testid="field-create-submit">
            {t('create.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
