'use client';

import { Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useTranslations } from 'use-intl';
import type { AdminCustomFieldsQuery } from '@/graphql/gql/graphql';
import { useUserErrorText } from '@/layout/useUserErrorText';
import { DeleteDialog, type DeleteTarget } from '../common/DeleteDialog';
import { InlineRename } from '../common/InlineRename';
import { MoveButtons } from '../common/MoveButtons';
import { resequence } from '../common/order';
import { EditCustomFieldOptionsMutation } from './custom-fields.query';
import { optionInputs } from './model';
import { changes } from '../common/cache';

type Field = AdminCustomFieldsQuery['customFields'][number];
const CHANGES = changes('CustomField', 'CustomFieldOption');

/** The choices of a list field: add, rename, move, remove (records lose a removed option). */
export function OptionsEditor({ field, onStatus }: { field: Field; onStatus: (message: string) => void }) {
  const t = useTranslations('customFields.options');
  const ta = useTranslations('admin');
  const tc = useTranslations('app.common');
  const errorText = useUserErrorText();
  const [editing, edit] = useMutation(EditCustomFieldOptionsMutation);
  const [removing, setRemoving] = useState<DeleteTarget | null>(null);
  const [label, setLabel] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const options = field.options;

  const run = async (variables: Parameters<typeof edit>[0]) => {
    const result = await edit(variables, CHANGES);
    if (result.error) return [{ code: 'WRITE_FAILED', message: result.error.message, path: [] as string[] }];
    return result.data?.editCustomFieldOptions.errors ?? [];
  };
  const rename = async (id: string, name: string) => {
    const errors = await run({ id: field.id, update: [{ id, label: name }] });
    if (errors.length) return errorText(errors[0]!);
    onStatus(t('renamed', { name }));
    return null;
  };
  const move = async (index: number, delta: -1 | 1) => {
    const errors = await run({ id: field.id, update: resequence(options, index, delta) });
    onStatus(errors.length ? errorText(errors[0]!) : t('moved', { name: options[index]!.label, position: index + delta + 1 }));
  };
  const add = async (event: FormEvent) => {
    event.preventDefault();
    const [option] = optionInputs(
      [label],
      options.map((o) => o.code),
    );
    if (!option) return setProblem(t('required'));
    const errors = await run({ id: field.id, add: [option] });
    if (errors.length) return setProblem(errors.map(errorText).join(' '));
    setLabel('');
    setProblem(null);
    onStatus(t('added', { name: option.label }));
  };

  return (
    <Stack gap="sm" data-testid="options-editor" data-field={field.code}>
      <Title order={3} size="h5">
        {t('title', { name: field.label })}
      </Title>
      {options.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('empty')}
        </Text>
      ) : (
        <Table verticalSpacing={4} withRowBorders={false}>
          <Table.Caption className="sr-only">{t('title', { name: field.label })}</Table.Caption>
          <Table.Tbody>
            {options.map((option, index) => (
              <Table.Tr key={option.id} data-testid="field-option" data-code={option.code} data-label={option.label}>
                <Table.Td w="3rem" c="dimmed">
                  {index + 1}
                </Table.Td>
                <Table.Td>
                  <InlineRename value={option.label} onSave={(name) => rename(option.id, name)} testId="option" />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace" c="dimmed">
                    {option.code}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <MoveButtons name={option.label} index={index} count={options.length} busy={editing.fetching} onMove={(delta) => void move(index, delta)} />
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      onClick={() => setRemoving({ id: option.id, name: option.label })}
                      aria-label={ta('deleteLabel', { name: option.label })}
                      data-testid="option-remove"
                    >
                      {tc('delete')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <form onSubmit={add} noValidate>
        <Group align="flex-start" gap="sm">
          <TextInput
            label={t('new')}
            value={label}
            onChange={(event) => {
              setLabel(event.currentTarget.value);
              setProblem(null);
            }}
            error={problem}
            maxLength={200}
            w="18rem"
            data-testid="option-add-label"
          />
          <Button type="submit" variant="light" mt={22} loading={editing.fetching} data-testid="option-add-submit">
            {t('add')}
          </Button>
        </Group>
      </form>
      <DeleteDialog
        target={removing}
        title={removing ? t('removeTitle', { name: removing.name }) : undefined}
        onClose={() => setRemoving(null)}
        onDeleted={(target) => {
          setRemoving(null);
          onStatus(t('removed', { name: target.name }));
        }}
        remove={(target) => run({ id: field.id, removeIds: [target.id] })}
        usedByRecords={() => ''}
      >
        <Text size="sm">{t('removeText')}</Text>
      </DeleteDialog>
    </Stack>
  );
}
