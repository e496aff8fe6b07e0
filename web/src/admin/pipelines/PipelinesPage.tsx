'use client';

import { Badge, Button, Grid, Group, NavLink, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { useTranslations } from 'use-intl';
import { PageTitle } from '@/layout/PageTitle';
import { EmptyState, ErrorState, LoadingState } from '@/layout/QueryState';
import { useUserErrorText } from '@/layout/useUserErrorText';
import { useIsClient } from '@/lib/useIsClient';
import { errorAt } from '../common/in-use';
import { StatusLine, useStatus } from '../common/StatusLine';
import { PipelineEditor } from './PipelineEditor';
import { CreatePipelineMutation, PipelinesQuery } from './pipelines.query';
import { changes } from '../common/cache';

const CONTEXT = { additionalTypenames: ['Pipeline', 'Stage'] };
const CHANGES = changes('Pipeline', 'Stage');

/** Pipelines on the left (pick one, add one), the chosen pipeline and its stages on the right. */
export function PipelinesPage() {
  const t = useTranslations('pipelines');
  const isClient = useIsClient();
  const context = useMemo(() => CONTEXT, []);
  const [{ data, error }, reexecute] = useQuery({ query: PipelinesQuery, pause: !isClient, context, requestPolicy: 'cache-and-network' });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [status, setStatus] = useStatus();
  const pipelines = data?.pipelines ?? [];
  const selected = pipelines.find((p) => p.id === selectedId) ?? pipelines[0] ?? null;

  return (
    <>
      <PageTitle namespace="pipelines" />
      <Stack gap="md">
        <Text c="dimmed" size="sm" maw="48rem">
          {t('intro')}
        </Text>
        <StatusLine message={status} />
        {error && !data ? (
          <ErrorState error={error} title={t('loadError')} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
        ) : !data ? (
          <LoadingState />
        ) : (
          <Grid gutter="lg">
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <Paper withBorder p="sm">
                <Stack gap="sm">
                  <Title order={2} size="h4" id="pipelines-list-heading">
                    {t('list.heading')}
                  </Title>
                  {pipelines.length === 0 ? (
                    <EmptyState title={t('empty')} />
                  ) : (
                    <nav aria-labelledby="pipelines-list-heading">
                      {pipelines.map((pipeline) => (
                        <NavLink
                          key={pipeline.id}
                          component="button"
                          type="button"
                          active={pipeline.id === selected?.id}
                          aria-current={pipeline.id === selected?.id ? 'true' : undefined}
                          onClick={() => setSelectedId(pipeline.id)}
                          label={pipeline.name}
                          description={t('list.stagesCount', { count: pipeline.stages.length })}
                          rightSection={
                            pipeline.isDefault ? (
                              <Badge size="xs" variant="light">
                                {t('list.default')}
                              </Badge>
                            ) : null
                          }
                          data-testid="pipeline-link"
                          data-name={pipeline.name}
                        />
                      ))}
                    </nav>
                  )}
                  <AddPipelineForm
                    onAdded={(id, name) => {
                      setSelectedId(id);
                      setStatus(t('add.added', { name }));
                    }}
                  />
                </Stack>
              </Paper>
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 8 }}>
              {selected && (
                <PipelineEditor
                  key={selected.id}
                  pipeline={selected}
                  pipelineCount={pipelines.length}
                  onStatus={setStatus}
                  onDeleted={(name) => {
                    setSelectedId(null);
                    setStatus(t('deleted', { name }));
                  }}
                />
              )}
            </Grid.Col>
          </Grid>
        )}
      </Stack>
    </>
  );
}

function AddPipelineForm({ onAdded }: { onAdded: (id: string, name: string) => void }) {
  const t = useTranslations('pipelines.add');
  const errorText = useUserErrorText();
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [{ fetching }, create] = useMutation(CreatePipelineMutation);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setProblem(t('required'));
    const result = await create({ input: { name: name.trim() } }, CHANGES);
    if (result.error) return setProblem(result.error.message);
    const payload = result.data!.createPipeline;
    if (payload.errors.length) return setProblem(errorText(errorAt(payload.errors, 'input', 'name') ?? payload.errors[0]!));
    setName('');
    setProblem(null);
    onAdded(payload.pipeline!.id, payload.pipeline!.name);
  };
  return (
    <form onSubmit={submit} noValidate data-testid="pipeline-add-form">
      <Group align="flex-start" gap="xs" wrap="nowrap">
        <TextInput
          label={t('label')}
          value={name}
          onChange={(event) => {
            setName(event.currentTarget.value);
            setProblem(null);
          }}
          error={problem}
          maxLength={200}
          style={{ flex: 1 }}
          data-testid="pipeline-add-name"
        />
        <Button type="submit" loading={fetching} mt={22} data-testid="pipeline-add-submit">
          {t('submit')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed" mt={4}>
        {t('hint')}
      </Text>
    </form>
  );
}
