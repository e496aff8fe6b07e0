'use client';

import { ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useLocale, useTranslations } from 'use-intl';
import { formatCount } from '@/lib/format';
import type { ImportJob } from './useImportJob';
import { useRejectedReason } from './useRejectedReason';

type Report = NonNullable<ImportJob['report']>;

const FIGURES = [
  ['lines', 'lines'],
  ['imported', 'imported'],
  ['duplicates', 'duplicatesInInput'],
  ['alreadyPresent', 'alreadyPresent'],
  ['invalid', 'invalidCount'],
] as const satisfies ReadonlyArray<readonly [string, keyof Report]>;

/** What an import did: the counts, and every listed invalid line with its number and reason. */
export function ImportReport({ report }: { report: Report }) {
  const t = useTranslations('staticSegment.report');
  const locale = useLocale();
  const reasonOf = useRejectedReason();
  return (
    <Stack gap="sm" data-testid="import-report" aria-labelledby="import-report-heading">
      <Title order={3} size="h5" id="import-report-heading">
        {t('heading')}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="xs">
        {FIGURES.map(([label, field]) => (
          <Stack key={field} gap={0}>
            <Text size="xs" c="dimmed">
              {t(label)}
            </Text>
            <Text fw={650} size="lg" data-testid={`report-${field}`} data-value={report[field]}>
              {formatCount(report[field], locale)}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
      {report.invalidCount === 0 ? (
        <Text size="sm" c="teal">
          {t('allValid')}
        </Text>
      ) : (
        <Stack gap={4}>
          <Title order={4} size="h6">
            {t('invalidHeading')}
          </Title>
          {report.invalid.length < report.invalidCount && (
            <Text size="xs" c="dimmed">
              {t('listedOnly', { shown: report.invalid.length, total: report.invalidCount })}
            </Text>
          )}
          <ScrollArea.Autosize mah={280} type="auto">
            <Table striped withTableBorder fz="sm" data-testid="invalid-lines">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={80}>{t('line')}</Table.Th>
                  <Table.Th>{t('text')}</Table.Th>
                  <Table.Th>{t('reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.invalid.map((line) => (
                  <Table.Tr key={line.line} data-testid="invalid-line" data-line={line.line}>
                    <Table.Td>{formatCount(line.line, locale)}</Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                        {line.text}
                      </Text>
                    </Table.Td>
                    <Table.Td title={line.reason}>{reasonOf(line)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        </Stack>
      )}
    </Stack>
  );
}
