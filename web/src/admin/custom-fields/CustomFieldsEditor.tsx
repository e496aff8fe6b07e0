'use client';

import { Button, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import { Fragment, useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useTranslations } from 'use-intl';
import type { CustomFieldEntity } from '@/graphql/gql/graphql';
import { EmptyState, ErrorState, LoadingState } from '@/layout/QueryState';
import { useUserErrorText } from '@/layout/useUserErrorText';
import { useIsClient } from '@/lib/useIsClient';
import { DeleteDialog, type DeleteTarget } from '../common/DeleteDialog';
import { InlineRename } from '../common/InlineRename';
import { MoveButtons } from '../common/MoveButtons';
import { resequence } from '../common/order';
import { StatusLine, useStatus } from '../common/StatusLine';
import { CreateFieldForm } from './CreateFieldForm';
import { CustomFieldsQuery, DeleteCustomFieldMutation, UpdateCustomFieldMutation } from './custom-fields.query';
import { isListType } from './model';
import { OptionsEditor } from './OptionsEditor';
import { changes } from '../common/cache';

const FIELDS_CONTEXT = { additionalTypenames: ['CustomField', 'CustomFieldOption'] };
const CHANGES = changes('CustomField', 'CustomFieldOption');

/** The custom fields of one kind of record: rename, move, options of list fields, delete, create. */
export function CustomFieldsEditor({ entity }: { entity: CustomFieldEntity }) {
  const t = useTranslations('customFields');
  const ta = useTranslations('admin');
  const tc = useTranslations('app.common');
  const errorText = useUserErrorText();
  const isClient = useIsClient();
  const context = useMemo(() => FIELDS_CONTEXT, []);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: CustomFieldsQuery, variables: { entity }, pause: !isClient, context, requestPolicy: 'cache-and-network' });
  const [moving, update] = useMutation(UpdateCustomFieldMutation);
  const [, remove] = useMutation(DeleteCustomFieldMutation);
  const [openOptions, setOpenOptions] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<DeleteTarget | null>(null);
  const [status, setStatus] = useStatus();
  const [personalShown, setPersonalShown] = useState<Record<string, boolean>>({});
  const fields = data?.customFields ?? [];
  // A choice stays shown until the refetched list says the same (then the list is the truth again);
  // dropped in the render that brings the list, not in an effect after it.
  const [shownWith, setShownWith] = useState(data);
  if (data !== shownWith) {
    setShownWith(data);
    const left = Object.fromEntries(Object.entries(personalShown).filter(([id, value]) => data?.customFields.find((f) => f.id === id)?.personal !== value));
    if (Object.keys(left).length !== Object.keys(personalShown).length) setPersonalShown(left);
  }

  if (error && !data) return <ErrorState error={error} title={t('loadError')} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!data) return <LoadingState />;

  const rename = async (id: string, label: string) => {
    const result = await update({ id, input: { label } }, CHANGES);
    if (result.error) return result.error.message;
    const problem = result.data?.updateCustomField.errors[0];
    if (problem) return errorText(problem);
    setStatus(t('renamed', { name: label }));
    return null;
  };
  const markPersonal = async (id: string, name: string, personal: boolean) => {
    // The box shows the choice at once; it goes back to the stored value if the write fails.
    setPersonalShown((shown) => ({ ...shown, [id]: personal }));
    const result = await update({ id, input: { personal } }, CHANGES);
    const problem = result.error?.message ?? (result.data?.updateCustomField.errors[0] && errorText(result.data.updateCustomField.errors[0]));
    if (problem) setPersonalShown(({ [id]: _failed, ...rest }) => rest);
    setStatus(problem || t(personal ? 'personal.on' : 'personal.off', { name }));
  };
  const move = async (index: number, delta: -1 | 1) => {
    for (const change of resequence(fields, index, delta)) {
      const result = await update({ id: change.id, input: { sort: change.sort } }, CHANGES);
      const problem = result.error?.message ?? (result.data?.updateCustomField.errors[0] && errorText(result.data.updateCustomField.errors[0]));
      if (problem) return setStatus(problem);
    }
    setStatus(t('moved', { name: fields[index]!.label, position: index + delta + 1 }));
  };

  return (
    <Stack gap="md" data-testid="custom-fields" data-entity={entity}>
      <StatusLine message={status} />
      {fields.length === 0 ? (
        <EmptyState title={t('empty')} />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="xs" aria-busy={fetching} data-testid="custom-field-table">
            <Table.Caption>{t('table.caption', { entity: t(`entities.${entity}`) })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="3rem">{ta('position')}</Table.Th>
                <Table.Th>{t('table.label')}</Table.Th>
                <Table.Th>{ta('code.label')}</Table.Th>
                <Table.Th>{t('table.type')}</Table.Th>
                <Table.Th>{t('table.options')}</Table.Th>
                <Table.Th>{t('table.personal')}</Table.Th>
                <Table.Th w="11rem">
                  <span className="sr-only">{ta('actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fields.map((field, index) => {
                const optionsOpen = openOptions === field.id;
                return (
                  <Fragment key={field.id}>
                    <Table.Tr data-testid="custom-field" data-code={field.code} data-label={field.label} data-type={field.type}>
                      <Table.Td c="dimmed">{index + 1}</Table.Td>
                      <Table.Td>
                        <InlineRename value={field.label} onSave={(label) => rename(field.id, label)} testId="field" />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" ff="monospace" c="dimmed">
                          {field.code}
                        </Text>
                      </Table.Td>
                      <Table.Td>{t(`types.${field.type}`)}</Table.Td>
                      <Table.Td>
                        {isListType(field.type) ? (
                          <Button
                            size="compact-sm"
                            variant={optionsOpen ? 'light' : 'subtle'}
                            onClick={() => setOpenOptions(optionsOpen ? null : field.id)}
                            aria-expanded={optionsOpen}
                            aria-controls={`options-${field.id}`}
                            aria-label={t('options.toggle', { name: field.label, count: field.options.length })}
                            data-testid="field-options-toggle"
                          >
                            {t('options.count', { count: field.options.length })}
                          </Button>
                        ) : (
                          <Text size="sm" c="dimmed">
                            {tc('none')}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Checkbox
                          checked={personalShown[field.id] ?? field.personal}
                          onChange={(event) => void markPersonal(field.id, field.label, event.currentTarget.checked)}
                          disabled={moving.fetching}
                          aria-label={t('personal.toggle', { name: field.label })}
                          data-testid="field-personal"
                        />
                      </Table.Td>
                      <Table.Td>
                        <Group gap="xs" justify="flex-end" wrap="nowrap">
                          <MoveButtons name={field.label} index={index} count={fields.length} busy={moving.fetching} onMove={(delta) => void move(index, delta)} />
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            color="red"
                            onClick={() => setDeleting({ id: field.id, name: field.label })}
                            aria-label={ta('deleteLabel', { name: field.label })}
                            data-testid="field-delete"
                          >
                            {tc('delete')}
                          </Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                    {optionsOpen && (
                      <Table.Tr id={`options-${field.id}`}>
                        <Table.Td colSpan={7} bg="var(--mantine-color-gray-0)">
                          <OptionsEditor field={field} onStatus={setStatus} />
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <CreateFieldForm
        entity={entity}
        takenCodes={fields.map((f) => f.code)}
        onCreated={(id, name) => {
          setStatus(t('create.created', { name }));
          setOpenOptions(null);
          void id;
        }}
      />
      <DeleteDialog
        target={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={(target) => {
          setDeleting(null);
          setStatus(t('deleted', { name: target.name }));
        }}
        remove={async (target) => {
          const result = await remove({ id: target.id }, CHANGES);
          if (result.error) throw result.error;
          return result.data?.deleteCustomField.errors ?? [];
        }}
        usedByRecords={() => ''}
      >
        <Text size="sm">{t('deleteText')}</Text>
      </DeleteDialog>
    </Stack>
  );
}
