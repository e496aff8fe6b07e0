'use client';

import { Badge, Button, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useTranslations } from 'use-intl';
import type { AdminPipelinesQuery, StageSemantic } from '@/graphql/gql/graphql';
import { useUserErrorText } from '@/layout/useUserErrorText';
import { codeFromLabel, uniqueCode } from '../common/codes';
import { DeleteDialog, type DeleteTarget } from '../common/DeleteDialog';
import { errorAt } from '../common/in-use';
import { InlineRename } from '../common/InlineRename';
import { MoveButtons } from '../common/MoveButtons';
import { moveId } from '../common/order';
import { AddStageMutation, DeletePipelineMutation, DeleteStageMutation, ReorderStagesMutation, UpdatePipelineMutation, UpdateStageMutation } from './pipelines.query';
import { changes } from '../common/cache';

type Pipeline = AdminPipelinesQuery['pipelines'][number];

const CHANGES = changes('Pipeline', 'Stage');
export const STAGE_SEMANTICS: readonly StageSemantic[] = ['IN_PROGRESS', 'WON', 'LOST'];

/** One pipeline: rename, make default, delete; its stages with their result, in order. */
export function PipelineEditor({
  pipeline,
  pipelineCount,
  onStatus,
  onDeleted,
}: {
  pipeline: Pipeline;
  pipelineCount: number;
  onStatus: (message: string) => void;
  onDeleted: (name: string) => void;
}) {
  const t = useTranslations('pipelines');
  const ta = useTranslations('admin');
  const tc = useTranslations('app.common');
  const ts = useTranslations('app.stageSemantic');
  const errorText = useUserErrorText();
  const [, updatePipeline] = useMutation(UpdatePipelineMutation);
  const [, deletePipeline] = useMutation(DeletePipelineMutation);
  const [, updateStage] = useMutation(UpdateStageMutation);
  const [reorder, runReorder] = useMutation(ReorderStagesMutation);
  const [, deleteStage] = useMutation(DeleteStageMutation);
  const [deletingPipeline, setDeletingPipeline] = useState<DeleteTarget | null>(null);
  const [deletingStage, setDeletingStage] = useState<DeleteTarget | null>(null);
  const stages = pipeline.stages;
  const defaultLocked = pipeline.isDefault && pipelineCount > 1;

  const answer = (result: { error?: { message: string } | undefined }, errors: ReadonlyArray<{ code: string; message: string; path: readonly string[] }> | undefined, ok: string) =>
    result.error ? result.error.message : errors?.length ? errorText(errors[0]!) : ok;

  const renamePipeline = async (name: string) => {
    const result = await updatePipeline({ id: pipeline.id, input: { name } }, CHANGES);
    if (result.error) return result.error.message;
    const problem = result.data?.updatePipeline.errors[0];
    if (problem) return errorText(problem);
    onStatus(t('renamed', { name }));
    return null;
  };
  const makeDefault = async () => {
    const result = await updatePipeline({ id: pipeline.id, input: { isDefault: true } }, CHANGES);
    onStatus(answer(result, result.data?.updatePipeline.errors, t('madeDefault', { name: pipeline.name })));
  };
  const renameStage = async (id: string, name: string) => {
    const result = await updateStage({ id, input: { name } }, CHANGES);
    if (result.error) return result.error.message;
    const problem = result.data?.updateStage.errors[0];
    if (problem) return errorText(problem);
    onStatus(t('stages.renamed', { name }));
    return null;
  };
  const changeSemantic = async (id: string, name: string, semantic: StageSemantic) => {
    const result = await updateStage({ id, input: { semantic } }, CHANGES);
    onStatus(answer(result, result.data?.updateStage.errors, t('stages.semanticChanged', { name, semantic: ts(semantic) })));
  };
  const move = async (index: number, delta: -1 | 1) => {
    const ids = moveId(
      stages.map((s) => s.id),
      index,
      delta,
    );
    const result = await runReorder({ pipelineId: pipeline.id, ids }, CHANGES);
    onStatus(answer(result, result.data?.reorderStages.errors, t('stages.moved', { name: stages[index]!.name, position: index + delta + 1 })));
  };

  return (
    <Paper withBorder p="md" data-testid="pipeline-editor" data-name={pipeline.name}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={4} style={{ flex: 1, minWidth: '14rem' }}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t('editor.name')}
            </Text>
            <InlineRename value={pipeline.name} onSave={renamePipeline} testId="pipeline" />
          </Stack>
          <Group gap="xs">
            {pipeline.isDefault ? (
              <Badge variant="light" size="lg" title={t('defaultHint')}>
                {t('list.default')}
              </Badge>
            ) : (
              <Button variant="default" size="xs" onClick={() => void makeDefault()} data-testid="pipeline-make-default">
                {t('makeDefault')}
              </Button>
            )}
            <Button
              variant="subtle"
              color="red"
              size="xs"
              disabled={defaultLocked}
              aria-describedby={defaultLocked ? 'default-locked' : undefined}
              onClick={() => setDeletingPipeline({ id: pipeline.id, name: pipeline.name })}
              data-testid="pipeline-delete"
            >
              {t('deletePipeline')}
            </Button>
          </Group>
        </Group>
        {defaultLocked && (
          <Text size="xs" c="dimmed" id="default-locked">
            {t('cannotDeleteDefault')}
          </Text>
        )}

        <Title order={2} size="h4">
          {t('stages.heading')}
        </Title>
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" aria-busy={reorder.fetching} data-testid="stages">
            <Table.Caption>{t('stages.caption', { name: pipeline.name })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="3rem">{ta('position')}</Table.Th>
                <Table.Th>{t('stages.name')}</Table.Th>
                <Table.Th w="11rem">{t('stages.semantic')}</Table.Th>
                <Table.Th w="11rem">
                  <span className="sr-only">{ta('actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {stages.map((stage, index) => (
                <Table.Tr key={stage.id} data-testid="stage" data-name={stage.name} data-semantic={stage.semantic}>
                  <Table.Td c="dimmed">{index + 1}</Table.Td>
                  <Table.Td>
                    <InlineRename value={stage.name} onSave={(name) => renameStage(stage.id, name)} testId="stage" />
                  </Table.Td>
                  <Table.Td>
                    <NativeSelect
                      size="xs"
                      aria-label={t('stages.semanticLabel', { name: stage.name })}
                      value={stage.semantic}
                      onChange={(event) => void changeSemantic(stage.id, stage.name, event.currentTarget.value as StageSemantic)}
                      data={STAGE_SEMANTICS.map((s) => ({ value: s, label: ts(s) }))}
                      data-testid="stage-semantic"
                    />
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <MoveButtons name={stage.name} index={index} count={stages.length} busy={reorder.fetching} onMove={(delta) => void move(index, delta)} />
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        disabled={stages.length === 1}
                        onClick={() => setDeletingStage({ id: stage.id, name: stage.name })}
                        aria-label={ta('deleteLabel', { name: stage.name })}
                        data-testid="stage-delete"
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
        {stages.length === 1 && (
          <Text size="xs" c="dimmed">
            {t('stages.lastStage')}
          </Text>
        )}
        <AddStageForm pipelineId={pipeline.id} takenCodes={stages.map((s) => s.code)} onAdded={(name) => onStatus(t('stages.added', { name }))} />
      </Stack>

      <DeleteDialog
        target={deletingPipeline}
        onClose={() => setDeletingPipeline(null)}
        onDeleted={(target) => {
          setDeletingPipeline(null);
          onDeleted(target.name);
        }}
        remove={async (target) => {
          const result = await deletePipeline({ id: target.id }, CHANGES);
          if (result.error) throw result.error;
          return result.data?.deletePipeline.errors ?? [];
        }}
        usedByRecords={(count) => t('dealsInPipeline', { count })}
      >
        <Text size="sm">{t('deletePipelineText', { count: stages.length })}</Text>
      </DeleteDialog>
      <DeleteDialog
        target={deletingStage}
        onClose={() => setDeletingStage(null)}
        onDeleted={(target) => {
          setDeletingStage(null);
          onStatus(t('stages.deleted', { name: target.name }));
        }}
        remove={async (target, replacementId) => {
          const result = await deleteStage({ id: target.id, replacementId: replacementId ?? null }, CHANGES);
          if (result.error) throw result.error;
          return result.data?.deleteStage.errors ?? [];
        }}
        usedByRecords={(count) => t('stages.dealsInStage', { count })}
        replacements={stages.map((s) => ({ value: s.id, label: `${s.name} (${ts(s.semantic)})` }))}
      />
    </Paper>
  );
}

function AddStageForm({ pipelineId, takenCodes, onAdded }: { pipelineId: string; takenCodes: string[]; onAdded: (name: string) => void }) {
  const t = useTranslations('pipelines.stages');
  const ts = useTranslations('app.stageSemantic');
  const errorText = useUserErrorText();
  const [name, setName] = useState('');
  const [semantic, setSemantic] = useState<StageSemantic>('IN_PROGRESS');
  const [problem, setProblem] = useState<string | null>(null);
  const [{ fetching }, add] = useMutation(AddStageMutation);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setProblem(t('required'));
    const code = uniqueCode(codeFromLabel(name, 40, 'STAGE'), takenCodes);
    const result = await add({ pipelineId, input: { name: name.trim(), code, semantic } }, CHANGES);
    if (result.error) return setProblem(result.error.message);
    const payload = result.data!.addStage;
    if (payload.errors.length) return setProblem(errorText(errorAt(payload.errors, 'input', 'name') ?? payload.errors[0]!));
    setName('');
    setProblem(null);
    onAdded(payload.stage!.name);
  };
  return (
    <form onSubmit={submit} noValidate data-testid="stage-add-form">
      <Group align="flex-start" gap="sm" wrap="wrap">
        <TextInput
          label={t('newName')}
          value={name}
          onChange={(event) => {
            setName(event.currentTarget.value);
            setProblem(null);
          }}
          error={problem}
          maxLength={200}
          w="16rem"
          data-testid="stage-add-name"
        />
        <NativeSelect
          label={t('semantic')}
          value={semantic}
          onChange={(event) => setSemantic(event.currentTarget.value as StageSemantic)}
          data={STAGE_SEMANTICS.map((s) => ({ value: s, label: ts(s) }))}
          data-testid="stage-add-semantic"
        />
        <Button type="submit" loading={fetching} mt={22} data-testid="stage-add-submit">
          {t('add')}
        </Button>
      </Group>
    </form>
  );
}
