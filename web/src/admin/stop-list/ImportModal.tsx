'use client';

import { Alert, Button, Group, Modal, NativeSelect, ScrollArea, SimpleGrid, Stack, Table, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useLocale, useTranslations } from 'use-intl';
import type { AdminImportStopListMutation, StopListReason } from '@/graphql/gql/graphql';
import { useUserErrorText } from '@/layout/useUserErrorText';
import { formatCount } from '@/lib/format';
import { countLines, REASONS } from './model';
import { ImportStopListMutation } from './stop-list.query';

const CONTEXT = { additionalTypenames: ['StopListEntry'] };
/** Rejected lines listed in the report; the API sends up to 1,000 and counts them all. */
const SHOWN_INVALID = 200;

type Report = AdminImportStopListMutation['importStopList'];

/** Pasted lines in, a report out: added, already listed or repeated, and the lines not read, by number. */
export function ImportModal({ opened, onClose, onImported }: { opened: boolean; onClose: () => void; onImported: (count: number) => void }) {
  const t = useTranslations('stopList.import');
  const tr = useTranslations('stopList.reason');
  const tc = useTranslations('app.common');
  const locale = useLocale();
  const errorText = useUserErrorText();
  const [text, setText] = useState('');
  const [reason, setReason] = useState<StopListReason>('UNSUBSCRIBED');
  const [kind, setKind] = useState<'MIXED' | 'IM'>('MIXED');
  const [report, setReport] = useState<Report | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [{ fetching }, run] = useMutation(ImportStopListMutation);
  const lines = countLines(text);

  const close = () => {
    setReport(null);
    setProblem(null);
    onClose();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!lines) {
      setProblem(t('empty'));
      return;
    }
    setProblem(null);
    const result = await run({ text, reason, channel: kind === 'IM' ? 'IM' : null }, CONTEXT);
    if (result.error) {
      setProblem(result.error.message);
      return;
    }
    const answer = result.data!.importStopList;
    if (answer.errors.length) {
      setProblem(answer.errors.map(errorText).join(' '));
      return;
    }
    setReport(answer);
    setText('');
    onImported(answer.imported);
  };

  return (
    <Modal opened={opened} onClose={close} title={t('title')} centered size="xl">
      {report ? (
        <Stack gap="md" data-testid="stop-import-report">
          <SimpleGrid cols={3}>
            <Figure label={t('report.imported')} value={report.imported} locale={locale} testId="report-imported" />
            <Figure label={t('report.duplicates')} value={report.duplicates} locale={locale} testId="report-duplicates" />
            <Figure label={t('report.invalid')} value={report.invalidCount} locale={locale} testId="report-invalid" />
          </SimpleGrid>
          {report.invalid.length > 0 && (
            <>
              <ScrollArea.Autosize mah="16rem">
                <Table striped data-testid="report-invalid-lines">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('report.line')}</Table.Th>
                      <Table.Th>{t('report.text')}</Table.Th>
                      <Table.Th>{t('report.reason')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {report.invalid.slice(0, SHOWN_INVALID).map((line) => (
                      <Table.Tr key={line.line}>
                        <Table.Td>{formatCount(line.line, locale)}</Table.Td>
                        <Table.Td style={{ wordBreak: 'break-all' }}>{line.text}</Table.Td>
                        <Table.Td>{line.reason}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea.Autosize>
              {report.invalidCount > Math.min(report.invalid.length, SHOWN_INVALID) && (
                <Text size="sm" c="dimmed">
                  {t('report.more', { shown: Math.min(report.invalid.length, SHOWN_INVALID), count: report.invalidCount })}
                </Text>
              )}
            </>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setReport(null)}>
              {t('again')}
            </Button>
            <Button onClick={close} data-testid="stop-import-close">
              {tc('close')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate data-testid="stop-import-form">
          <Stack gap="sm">
            <Text size="sm">{t('text')}</Text>
            <Group grow gap="sm">
              <NativeSelect
                label={t('kind')}
                value={kind}
                onChange={(event) => setKind(event.currentTarget.value as 'MIXED' | 'IM')}
                data={[
                  { value: 'MIXED', label: t('kindMixed') },
                  { value: 'IM', label: t('kindIm') },
                ]}
              />
              <NativeSelect label={tr('label')} value={reason} onChange={(event) => setReason(event.currentTarget.value as StopListReason)} data={REASONS.map((r) => ({ value: r, label: tr(r) }))} />
            </Group>
            <Textarea
              label={t('lines')}
              description={t('lineCount', { count: lines })}
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
              autosize
              minRows={6}
              maxRows={14}
              spellCheck={false}
              data-testid="stop-import-text"
            />
            {problem && (
              <Alert color="red" role="alert" data-testid="stop-import-error">
                {problem}
              </Alert>
            )}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                {tc('cancel')}
              </Button>
              <Button type="submit" loading={fetching} data-testid="stop-import-submit">
                {t('submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

function Figure({ label, value, locale, testId }: { label: string; value: number; locale: string; testId: string }) {
  return (
    <Stack gap={2}>
      <Text size="xl" fw={700} data-testid={testId} data-value={value}>
        {formatCount(value, locale)}
      </Text>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
    </Stack>
  );
}
