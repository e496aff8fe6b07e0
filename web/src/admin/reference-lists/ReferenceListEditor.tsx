'use client';

import { Button, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { useTranslations } from 'use-intl';
import type { LeadStatusSemantic, ReferenceList } from '@/graphql/gql/graphql';
import { EmptyState, ErrorState, LoadingState } from '@/layout/QueryState';
import { useUserErrorText } from '@/layout/useUserErrorText';
import { useIsClient } from '@/lib/useIsClient';
import { codeFromLabel, uniqueCode } from '../common/codes';
import { DeleteDialog, type DeleteTarget } from '../common/DeleteDialog';
import { errorAt } from '../common/in-use';
import { InlineRename } from '../common/InlineRename';
import { MoveButtons } from '../common/MoveButtons';
import { moveId } from '../common/order';
import { StatusLine, useStatus } from '../common/StatusLine';
import { useSuggestedCode } from '../common/useSuggestedCode';
import { LEAD_STATUS_SEMANTICS } from './model';
import { AddReferenceItemMutation, DeleteReferenceItemMutation, ReferenceItemsQuery, ReorderReferenceItemsMutation, UpdateReferenceItemMutation } from './reference-lists.query';
import { changes } from '../common/cache';

/** An empty list has no ReferenceItem in its answer to be invalidated by; name the type. */
const CONTEXT = { additionalTypenames: ['ReferenceItem'] };
const CHANGES = changes('ReferenceItem');

/** The values of one list, in order: rename inline, move up/down, delete (with a replacement), add. */
export function ReferenceListEditor({ list }: { list: ReferenceList }) {
  const t = useTranslations('referenceLists');
  const ta = useTranslations('admin');
  const tc = useTranslations('app.common');
  const errorText = useUserErrorText();
  const isClient = useIsClient();
  const context = useMemo(() => CONTEXT, []);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: ReferenceItemsQuery, variables: { list }, pause: !isClient, context, requestPolicy: 'cache-and-network' });
  const [, update] = useMutation(UpdateReferenceItemMutation);
  const [reorder, runReorder] = useMutation(ReorderReferenceItemsMutation);
  const [, remove] = useMutation(DeleteReferenceItemMutation);
  const [deleting, setDeleting] = useState<DeleteTarget | null>(null);
  const [status, setStatus] = useStatus();
  const items = data?.referenceItems ?? [];
  const listName = t(`lists.${list}`);

  if (error && !data) return <ErrorState error={error} title={t('loadError')} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!data) return <LoadingState />;

  const rename = async (id: string, label: string) => {
    const result = await update({ id, input: { label } }, CHANGES);
    if (result.error) return result.error.message;
    const problem = result.data?.updateReferenceItem.errors[0];
    if (problem) return errorText(problem);
    setStatus(t('renamed', { name: label }));
    return null;
  };
  const changeSemantic = async (id: string, name: string, semantic: LeadStatusSemantic) => {
    const result = await update({ id, input: { semantic } }, CHANGES);
    const problem = result.data?.updateReferenceItem.errors[0];
    setStatus(result.error ? result.error.message : problem ? errorText(problem) : t('semanticChanged', { name, semantic: t(`semantic.${semantic}`) }));
  };
  const move = async (index: number, delta: -1 | 1) => {
    const ids = moveId(
      items.map((i) => i.id),
      index,
      delta,
    );
    const result = await runReorder({ list, ids }, CHANGES);
    const problem = result.data?.reorderReferenceItems.errors[0];
    setStatus(result.error ? result.error.message : problem ? errorText(problem) : t('moved', { name: items[index]!.label, position: index + delta + 1 }));
  };

  return (
    <Stack gap="md" data-testid="reference-list" data-list={list}>
      <StatusLine message={status} />
      {items.length === 0 ? (
        <EmptyState title={t('empty')} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" aria-busy={fetching} data-testid="reference-items">
            <Table.Caption>{t('table.caption', { list: listName })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="3rem">{ta('position')}</Table.Th>
                <Table.Th>{t('table.label')}</Table.Th>
                <Table.Th>{ta('code.label')}</Table.Th>
                {list === 'LEAD_STATUS' && <Table.Th>{t('table.semantic')}</Table.Th>}
                <Table.Th w="11rem">
                  <span className="sr-only">{ta('actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item, index) => (
                <Table.Tr key={item.id} data-testid="reference-item" data-code={item.code} data-label={item.label}>
                  <Table.Td c="dimmed">{index + 1}</Table.Td>
                  <Table.Td>
                    <InlineRename value={item.label} onSave={(label) => rename(item.id, label)} testId="item" />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace" c="dimmed">
                      {item.code}
                    </Text>
                  </Table.Td>
                  {list === 'LEAD_STATUS' && (
                    <Table.Td>
                      <NativeSelect
                        size="xs"
                        aria-label={t('semanticLabel', { name: item.label })}
                        value={item.semantic ?? 'IN_PROGRESS'}
                        onChange={(event) => void changeSemantic(item.id, item.label, event.currentTarget.value as LeadStatusSemantic)}
                        data={LEAD_STATUS_SEMANTICS.map((s) => ({ value: s, label: t(`semantic.${s}`) }))}
                      />
                    </Table.Td>
                  )}
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <MoveButtons name={item.label} index={index} count={items.length} busy={reorder.fetching} onMove={(delta) => void move(index, delta)} />
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        onClick={() => setDeleting({ id: item.id, name: item.label })}
                        aria-label={ta('deleteLabel', { name: item.label })}
                        data-testid="item-delete"
                      >
                        {tc('delete')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <AddItemForm list={list} takenCodes={items.map((i) => i.code)} onAdded={(name) => setStatus(t('add.added', { name }))} />
      <DeleteDialog
        target={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={(item) => {
          setDeleting(null);
          setStatus(t('deleted', { name: item.name }));
        }}
        remove={async (item, replacementId) => {
          const result = await remove({ id: item.id, replacementId: replacementId ?? null }, CHANGES);
          if (result.error) throw result.error;
          return result.data?.deleteReferenceItem.errors ?? [];
        }}
        usedByRecords={(count) => t(`usedBy.${list}`, { count })}
        replacements={items.map((i) => ({ value: i.id, label: i.label }))}
      />
    </Stack>
  );
}

function AddItemForm({ list, takenCodes, onAdded }: { list: ReferenceList; takenCodes: string[]; onAdded: (name: string) => void }) {
  const t = useTranslations('referenceLists');
  const ta = useTranslations('admin');
  const errorText = useUserErrorText();
  const [label, setLabel] = useState('');
  const [semantic, setSemantic] = useState<LeadStatusSemantic>('IN_PROGRESS');
  const { code, setCode, reset } = useSuggestedCode(label, (l) => uniqueCode(codeFromLabel(l), takenCodes));
  const [errors, setErrors] = useState<{ label?: string; code?: string; form?: string }>({});
  const [{ fetching }, add] = useMutation(AddReferenceItemMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!label.trim()) return setErrors({ label: t('add.required') });
    const result = await add({ input: { list, label: label.trim(), code, semantic: list === 'LEAD_STATUS' ? semantic : null } }, CHANGES);
    if (result.error) return setErrors({ form: result.error.message });
    const payload = result.data!.addReferenceItem;
    if (payload.errors.length) {
      const onLabel = errorAt(payload.errors, 'input', 'label');
      const onCode = errorAt(payload.errors, 'input', 'code');
      const rest = payload.errors.filter((e) => e !== onLabel && e !== onCode);
      return setErrors({ label: onLabel && errorText(onLabel), code: onCode && errorText(onCode), form: rest.length ? rest.map(errorText).join(' ') : undefined });
    }
    setErrors({});
    setLabel('');
    reset();
    onAdded(payload.item!.label);
  };

  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate data-testid="reference-add-form">
      <Title order={2} size="h4" mb="sm">
        {t('add.title')}
      </Title>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <TextInput
          label={t('add.label')}
          value={label}
          onChange={(event) => {
            setLabel(event.currentTarget.value);
            setErrors({});
          }}
          error={errors.label}
          maxLength={200}
          w="18rem"
          data-testid="reference-add-label"
        />
        <TextInput
          label={ta('code.label')}
          value={code}
          onChange={(event) => {
            setCode(event.currentTarget.value);
            setErrors({});
          }}
          error={errors.code}
          maxLength={64}
          w="18rem"
          styles={{ input: { fontFamily: 'monospace' } }}
          data-testid="reference-add-code"
        />
        {list === 'LEAD_STATUS' && (
          <NativeSelect
            label={t('table.semantic')}
            value={semantic}
            onChange={(event) => setSemantic(event.currentTarget.value as LeadStatusSemantic)}
            data={LEAD_STATUS_SEMANTICS.map((s) => ({ value: s, label: t(`semantic.${s}`) }))}
          />
        )}
        <Button type="submit" loading={fetching} mt={22} data-testid="reference-add-submit">
          {t('add.submit')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed" mt="xs">
        {ta('code.description')}
      </Text>
      {errors.form && (
        <Text size="sm" c="red" role="alert" mt="xs">
          {errors.form}
        </Text>
      )}
    </Paper>
  );
}
