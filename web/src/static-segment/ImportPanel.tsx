'use client';

import { Alert, Button, FileInput, Group, Paper, Progress, Stack, Tabs, Text, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import { useUserErrorText } from '@/layout/useUserErrorText';
import { ImportReport } from './ImportReport';
import { countLines, progressPercent } from './model';
import { useImportJob } from './useImportJob';

type Source = 'paste' | 'file';

/** Pasted lines or a CSV/TXT file (read in the browser) into the segment, with progress and the report. */
export function ImportPanel({ segmentId, onImported }: { segmentId: string; onImported: () => void }) {
  const t = useTranslations('staticSegment.import');
  const errorText = useUserErrorText();
  const [source, setSource] = useState<Source>('paste');
  const [pasted, setPasted] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fileText, setFileText] = useState<string | null>(null);
  const [fileError, setFileError] = useState(false);
  const [nothing, setNothing] = useState(false);
  const { job, errors, starting, lost, pollFailing, start } = useImportJob(segmentId, onImported);
  const running = starting || (job?.state === 'RUNNING' && !lost);

  const chooseFile = async (chosen: File | null) => {
    setFile(chosen);
    setFileText(null);
    setFileError(false);
    if (!chosen) return;
    try {
      setFileText(await chosen.text());
    } catch {
      setFileError(true);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const text = source === 'paste' ? pasted : (fileText ?? '');
    if (countLines(text) === 0) {
      setNothing(true);
      return;
    }
    setNothing(false);
    await start(text);
  };

  const textErrors = errors.map(errorText);
  const inputError = nothing ? t('nothing') : textErrors.length ? textErrors.join(' ') : undefined;

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="import-heading" data-testid="static-import">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="import-heading">
            {t('heading')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('help')}
          </Text>
          <Tabs value={source} onChange={(value) => setSource((value as Source) ?? 'paste')} keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="paste" data-testid="import-tab-paste">
                {t('pasteTab')}
              </Tabs.Tab>
              <Tabs.Tab value="file" data-testid="import-tab-file">
                {t('fileTab')}
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="paste" pt="sm">
              <Textarea
                label={t('textLabel')}
                placeholder={'anna@example.com;Anna Nowak\n+48 601 234 567;Jan'}
                autosize
                minRows={6}
                maxRows={14}
                value={pasted}
                onChange={(event) => setPasted(event.currentTarget.value)}
                error={inputError}
                disabled={running}
                styles={{ input: { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: 13 } }}
                data-testid="import-text"
              />
            </Tabs.Panel>
            <Tabs.Panel value="file" pt="sm">
              <FileInput
                label={t('fileLabel')}
                placeholder={t('filePlaceholder')}
                accept=".csv,.txt,text/csv,text/plain"
                value={file}
                onChange={chooseFile}
                clearable
                disabled={running}
                error={fileError ? t('fileError') : inputError}
                description={file && fileText !== null ? t('fileSummary', { name: file.name, lines: countLines(fileText) }) : undefined}
                data-testid="import-file"
              />
            </Tabs.Panel>
          </Tabs>
          <Group>
            <Button type="submit" loading={running} data-testid="import-start">
              {t('start')}
            </Button>
          </Group>
          <ImportStatus job={job} lost={lost} pollFailing={pollFailing} />
        </Stack>
      </form>
    </Paper>
  );
}

function ImportStatus({ job, lost, pollFailing }: Pick<ReturnType<typeof useImportJob>, 'job' | 'lost' | 'pollFailing'>) {
  const t = useTranslations('staticSegment.import');
  if (!job) return null;
  if (lost)
    return (
      <Alert color="yellow" data-testid="import-lost">
        {t('lost')}
      </Alert>
    );
  if (job.state === 'FAILED')
    return (
      <Alert color="red" title={t('failed')} role="alert" data-testid="import-failed">
        {job.error}
      </Alert>
    );
  if (job.state === 'DONE' && job.report) return <ImportReport report={job.report} />;
  const percent = progressPercent(job.processedLines, job.totalLines);
  return (
    <Stack gap={4} data-testid="import-progress" data-processed={job.processedLines} data-total={job.totalLines}>
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          {t('running')}
        </Text>
        <Text size="sm" c="dimmed" role="status" aria-live="polite">
          {t('progress', { processed: job.processedLines, total: job.totalLines })}
        </Text>
      </Group>
      <Progress value={percent} size="lg" animated aria-label={t('progressLabel')} />
      {pollFailing && (
        <Text size="xs" c="orange">
          {t('pollError')}
        </Text>
      )}
    </Stack>
  );
}
