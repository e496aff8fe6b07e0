'use client';

import { Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useTranslations } from 'use-intl';

export interface SegmentDetails {
  name: string;
  description: string;
  tags: string[];
}

/** Name, description and tags of the segment being edited. */
export function SegmentDetailsForm({ details, onChange, nameError }: { details: SegmentDetails; onChange: (next: SegmentDetails) => void; nameError?: string }) {
  const t = useTranslations('segmentEditor.save');
  return (
    <Stack gap="xs">
      <TextInput label={t('name')} required value={details.name} onChange={(e) => onChange({ ...details, name: e.currentTarget.value })} error={nameError} data-testid="segment-name" maxLength={200} />
      <Textarea
        label={t('description')}
        autosize
        minRows={2}
        maxRows={5}
        value={details.description}
        onChange={(e) => onChange({ ...details, description: e.currentTarget.value })}
        data-testid="segment-description"
      />
      <TagsInput label={t('tags')} description={t('tagsHint')} value={details.tags} onChange={(tags) => onChange({ ...details, tags })} data-testid="segment-tags" clearable />
    </Stack>
  );
}
