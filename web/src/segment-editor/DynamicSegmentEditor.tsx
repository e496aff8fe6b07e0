'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import type { ReactNode } from 'react';
import { useQuery } from 'urql';
import { useLocale, useTranslations } from 'use-intl';
import { ErrorState, LoadingState } from '@/layout/QueryState';
import { useIsClient } from '@/lib/useIsClient';
import { emptyQuery, toQuery } from './conversion';
import { EditorSegmentQuery, SegmentTemplatesQuery } from './editor.query';
import { SegmentEditorForm, type EditorStart } from './SegmentEditorForm';
import { TemplatePicker, type SegmentTemplate } from './TemplatePicker';

/**
 * The dynamic segment editor: a saved segment (`segmentId`), or a new one, blank or from a
 * ready-made filter (`/segments/new?template=<id>`; `?template=choose` shows the choice first).
 */
export function DynamicSegmentEditor({ segmentId }: { segmentId?: string }) {
  return segmentId ? <SavedSegmentEditor segmentId={segmentId} /> : <NewSegmentEditor />;
}

function SavedSegmentEditor({ segmentId }: { segmentId: string }) {
  const t = useTranslations('segmentEditor');
  const isClient = useIsClient();
  const [{ data, error }, reexecute] = useQuery({ query: EditorSegmentQuery, variables: { id: segmentId }, pause: !isClient, requestPolicy: 'network-only' });
  const reload = () => reexecute({ requestPolicy: 'network-only' });
  if (error && !data) return <ErrorState error={error} title={t('loadFailed')} onRetry={reload} />;
  const segment = data?.segment;
  if (!segment) return <LoadingState />;
  const start: EditorStart = {
    segmentId: segment.id,
    version: segment.version,
    details: { name: segment.name, description: segment.description ?? '', tags: [...segment.tags] },
    definition: { source: segment.source, clientType: segment.clientType, timeZone: segment.timeZone ?? null },
    query: segment.filter ? toQuery(segment.filter) : emptyQuery(),
  };
  // A new version (saved elsewhere, or restored) starts the form afresh.
  return <SegmentEditorForm key={`${segment.id}@${segment.version}`} start={start} onReload={reload} />;
}

function NewSegmentEditor() {
  const params = useSearchParams();
  const router = useRouter();
  const templateId = params.get('template');
  const isClient = useIsClient();
  if (!isClient) return <LoadingState />;
  if (templateId === 'choose') {
    return <TemplatePicker onPick={(template) => router.replace(template ? `/segments/new?template=${encodeURIComponent(template.id)}` : '/segments/new')} />;
  }
  return templateId ? <TemplateStart templateId={templateId} /> : <SegmentEditorForm start={blankStart()} />;
}

function TemplateStart({ templateId }: { templateId: string }) {
  return <TemplatePickerData templateId={templateId}>{(template) => <SegmentEditorForm key={template?.id ?? 'blank'} start={template ? templateStart(template) : blankStart()} />}</TemplatePickerData>;
}

function TemplatePickerData({ templateId, children }: { templateId: string; children: (template: SegmentTemplate | null) => ReactNode }) {
  const t = useTranslations('segmentEditor.templates');
  const locale = useLocale();
  const [{ data, error }, reexecute] = useQuery({ query: SegmentTemplatesQuery, variables: { locale } });
  if (error && !data) return <ErrorState error={error} title={t('failed')} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!data) return <LoadingState />;
  return <>{children(data.segmentTemplates.find((template) => template.id === templateId) ?? null)}</>;
}

function blankStart(): EditorStart {
  return { segmentId: null, version: 0, details: { name: '', description: '', tags: [] }, definition: { source: 'CLIENTS', clientType: 'ANY', timeZone: null }, query: emptyQuery() };
}

function templateStart(template: SegmentTemplate): EditorStart {
  return {
    segmentId: null,
    version: 0,
    details: { name: template.name, description: template.description ?? '', tags: [] },
    definition: { source: template.source, clientType: template.clientType, timeZone: null },
    query: toQuery(template.filter),
  };
}
