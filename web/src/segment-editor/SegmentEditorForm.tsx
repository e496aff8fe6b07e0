'use client';

import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import type { RuleGroupType } from 'react-querybuilder';
import { useMutation } from 'urql';
import { useTranslations } from 'use-intl';
import { useCan } from '@/auth/ViewerProvider';
import { RecipientsHidden } from '@/auth/RecipientsHidden';
import type { ClientType, SegmentDefinitionInput, SegmentSource } from '@/graphql/gql/graphql';
import { ErrorState, LoadingState } from '@/layout/QueryState';
import { useUserErrorText, type UserErrorLike } from '@/layout/useUserErrorText';
import { toFilter, toFilterWithPaths } from './conversion';
import { DefinitionControls } from './DefinitionControls';
import { CreateDynamicSegmentMutation, UpdateDynamicSegmentMutation } from './editor.query';
import { ExportLinks } from './ExportLinks';
import { LiveCounts } from './LiveCounts';
import { limitProblem } from '@/layout/limit-problem';
import { placeProblems } from './problems';
import { RecipientPreview } from './RecipientPreview';
import { SegmentBuilder } from './SegmentBuilder';
import { SegmentDetailsForm, type SegmentDetails } from './SegmentDetailsForm';
import { countRules } from './tree';
import { useBuilderFields } from './useBuilderFields';
import { useLivePreview } from './useLivePreview';
import { useUnsavedChangesWarning } from './useUnsavedChangesWarning';
import { VersionHistory } from './VersionHistory';

/** Where the form starts: a saved segment at a version, a template, or blank. */
export interface EditorStart {
  segmentId: string | null;
  version: number;
  details: SegmentDetails;
  definition: { source: SegmentSource; clientType: ClientType; timeZone: string | null };
  query: RuleGroupType;
}

/** What a save would write; equal snapshots mean nothing is unsaved. */
function snapshot(details: SegmentDetails, definition: EditorStart['definition'], filterJson: string): string {
  return JSON.stringify([details.name.trim(), details.description.trim(), [...details.tags].sort(), definition, filterJson]);
}

/**
 * The editor of one dynamic segment: who it is made of, the builder, live counts and a recipient
 * preview of the definition as it stands, and saving (create or update with the version read, so a
 * concurrent save is detected) with the API's problems shown next to the rules they are about.
 */
export function SegmentEditorForm({ start, onReload }: { start: EditorStart; onReload?: () => void }) {
  const t = useTranslations('segmentEditor');
  const router = useRouter();
  const errorText = useUserErrorText();
  const [details, setDetails] = useState(start.details);
  const [definition, setDefinition] = useState(start.definition);
  const [query, setQuery] = useState(start.query);
  const [segmentId, setSegmentId] = useState(start.segmentId);
  const [version, setVersion] = useState(start.version);
  const [saveErrors, setSaveErrors] = useState<UserErrorLike[]>([]);
  const [nameError, setNameError] = useState<string | undefined>();
  const [savedNotice, setSavedNotice] = useState(false);
  const [{ fetching: creating }, create] = useMutation(CreateDynamicSegmentMutation);
  const [{ fetching: updating }, update] = useMutation(UpdateDynamicSegmentMutation);
  // Without segments:write the editor is a read-only view (counts included); without
  // recipients:read there is no recipient preview and no export.
  const canWrite = useCan('SEGMENTS_WRITE');
  const canSeeRecipients = useCan('RECIPIENTS_READ');
  const readOnly = !canWrite;

  const { fields, error: fieldsError, retry: retryFields } = useBuilderFields(definition.source, false);
  const { filter, idsByPath } = useMemo(() => toFilterWithPaths(query), [query]);
  const filterJson = JSON.stringify(filter);
  const current = snapshot(details, definition, filterJson);
  // What was last saved (or loaded); ids react-querybuilder adds do not reach the filter, so they do not count.
  const [baseline, setBaseline] = useState(() => snapshot(start.details, start.definition, JSON.stringify(toFilter(start.query))));
  const dirty = segmentId === null ? true : current !== baseline;
  useUnsavedChangesWarning(canWrite && dirty && (segmentId !== null || countRules(query) > 0 || details.name.trim() !== ''), t('save.leave'));

  // The same input while the filter's JSON stays the same (a new filter object comes with every
  // change of the query, the builder's own ids included), so the live preview does not ask again.
  const [previewed, setPreviewed] = useState({ filter, filterJson });
  if (previewed.filterJson !== filterJson) setPreviewed({ filter, filterJson });
  const previewedFilter = previewed.filter;
  const input: SegmentDefinitionInput = useMemo(
    () => ({ source: definition.source, clientType: definition.clientType, timeZone: definition.timeZone, filter: previewedFilter }),
    [definition, previewedFilter],
  );
  const empty = query.rules.length === 0;
  // The saved definition, unchanged, is counted as the saved segment: a viewer without crm:read may
  // count a segment whose filter uses personal fields, but not compose that filter in a preview.
  const savedDefinition = segmentId !== null && JSON.stringify((JSON.parse(current) as unknown[]).slice(3)) === JSON.stringify((JSON.parse(baseline) as unknown[]).slice(3));
  const live = useLivePreview(input, empty || !fields, savedDefinition ? segmentId : null);
  const previewErrors = live.preview?.errors;
  const placed = useMemo(() => placeProblems([...(previewErrors ?? []), ...saveErrors], idsByPath, errorText), [previewErrors, saveErrors, idsByPath, errorText]);
  const settledValid = live.preview?.errors.length === 0 && !empty;
  const conflict = saveErrors.some((e) => e.code === 'VERSION_CONFLICT');

  const edit =
    <T,>(setter: (value: T) => void) =>
    (value: T) => {
      setter(value);
      setSaveErrors([]);
      setSavedNotice(false);
    };

  const save = async () => {
    if (!details.name.trim()) {
      setNameError(t('save.nameRequired'));
      return;
    }
    setNameError(undefined);
    const common = {
      name: details.name.trim(),
      description: details.description.trim() || null,
      tags: details.tags,
      source: definition.source,
      clientType: definition.clientType,
      timeZone: definition.timeZone,
      filter,
    };
    if (segmentId === null) {
      const result = await create({ input: { ...common, kind: 'DYNAMIC' } });
      const payload = result.data?.createSegment;
      if (payload?.segment) {
        setBaseline(current);
        setSegmentId(payload.segment.id);
        router.replace(`/segments/${encodeURIComponent(payload.segment.id)}`);
        return;
      }
      setSaveErrors(payload?.errors ?? [{ code: 'WRITE_FAILED', message: result.error?.message ?? '', path: [] }]);
      return;
    }
    const result = await update({ input: { ...common, id: segmentId, version } });
    const payload = result.data?.updateSegment;
    if (payload?.segment) {
      setVersion(payload.segment.version);
      setBaseline(current);
      setSavedNotice(true);
      return;
    }
    setSaveErrors(payload?.errors ?? [{ code: 'WRITE_FAILED', message: result.error?.message ?? '', path: [] }]);
  };

  if (fieldsError && !fields) return <ErrorState error={fieldsError} title={t('fieldsFailed')} onRetry={retryFields} />;
  if (!fields) return <LoadingState />;

  const saving = creating || updating;
  return (
    <div className="segment-editor" data-testid="dynamic-segment-editor" data-segment-id={segmentId ?? ''} data-version={version}>
      <div className="page-heading">
        <h1 className="page-title">{segmentId ? details.name || t('editTitle') : t('title')}</h1>
        <Group gap="xs" className="page-actions">
          {readOnly && (
            <Badge color="gray" variant="light" data-testid="read-only-badge">
              {t('readOnly')}
            </Badge>
          )}
          <span className="save-state" aria-live="polite">
            {canWrite && dirty && segmentId !== null && (
              <Badge color="orange" variant="light" data-testid="unsaved-badge">
                {t('save.unsaved')}
              </Badge>
            )}
            {!dirty && savedNotice && (
              <Badge color="green" variant="light" data-testid="saved-badge">
                {t('save.saved')}
              </Badge>
            )}
          </span>
          {canWrite && (
            <Button onClick={() => void save()} loading={saving} data-testid="save-segment">
              {segmentId ? t('save.save') : t('save.create')}
            </Button>
          )}
        </Group>
      </div>
      {conflict && (
        <Alert color="orange" mb="md" role="alert" data-testid="version-conflict">
          <Group justify="space-between">
            <Text size="sm">{t('save.conflict')}</Text>
            {onReload && (
              <Button size="xs" variant="light" color="orange" onClick={onReload}>
                {t('save.reload')}
              </Button>
            )}
          </Group>
        </Alert>
      )}
      {placed.general.length > 0 && !conflict && (
        <Alert color="red" mb="md" role="alert" data-testid="general-problems">
          {placed.general.join(' ')}
        </Alert>
      )}
      {saveErrors.length > 0 && placed.byId.size > 0 && (
        <Alert color="red" mb="md" role="alert">
          {t('save.fixErrors')}
        </Alert>
      )}
      <div className="editor-layout">
        <Stack className="editor-main" gap="md">
          <Paper withBorder p="md" radius="md">
            {/* A disabled fieldset turns every control inside read-only at once, keyboard included. */}
            <fieldset className="plain-fieldset" disabled={readOnly}>
              <Stack gap="md">
                <DefinitionControls
                  source={definition.source}
                  clientType={definition.clientType}
                  onChange={edit((next: { source: SegmentSource; clientType: ClientType }) => setDefinition((d) => ({ ...d, ...next })))}
                />
                {empty && (
                  <Text size="sm" c="dimmed" data-testid="builder-empty-hint">
                    {t('builder.emptyHint')}
                  </Text>
                )}
                <SegmentBuilder fields={fields} query={query} onQueryChange={edit(setQuery)} problemsById={placed.byId} readOnly={readOnly} />
              </Stack>
            </fieldset>
          </Paper>
          {canSeeRecipients ? <RecipientPreview definition={live.settled} valid={settledValid && !live.counting} /> : <RecipientsHidden />}
        </Stack>
        <Stack className="editor-side" gap="md">
          <LiveCounts preview={empty ? null : live.preview} counting={!empty && live.counting} failed={live.error ? (limitProblem(live.error) ?? 'other') : null} freshness={live.freshness} />
          <Paper withBorder p="md" radius="md">
            <Title order={2} size="h5" mb="xs">
              {t('save.name')}
            </Title>
            <fieldset className="plain-fieldset" disabled={readOnly}>
              <SegmentDetailsForm details={details} onChange={edit(setDetails)} nameError={nameError} />
            </fieldset>
          </Paper>
          {canSeeRecipients && <ExportLinks segmentId={segmentId} />}
          {segmentId && <VersionHistory segmentId={segmentId} currentVersion={version} onRestored={() => onReload?.()} disabled={dirty} canRestore={canWrite} />}
        </Stack>
      </div>
    </div>
  );
}
