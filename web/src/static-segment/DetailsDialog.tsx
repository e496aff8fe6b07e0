'use client';

import { Alert, Button, Group, Modal, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useTranslations } from 'use-intl';
import type { StaticSegmentSummaryQuery } from '@/graphql/gql/graphql';
import { useUserErrorText, type UserErrorLike } from '@/layout/useUserErrorText';
import { UpdateStaticSegmentDetailsMutation } from './static-segment.query';

type Summary = NonNullable<StaticSegmentSummaryQuery['segment']>;

/** Errors of one input field (path ["input", field, …]), in words. */
const errorsAt = (errors: UserErrorLike[], field: string, text: (e: UserErrorLike) => string) =>
  errors
    .filter((e) => e.path[1] === field)
    .map(text)
    .join(' ') || undefined;

/** Name, description and tags of the segment (a new version of it, like in the builder). */
export function DetailsDialog({ segment, opened, onClose }: { segment: Summary; opened: boolean; onClose: () => void }) {
  const t = useTranslations('staticSegment.details');
  const tCommon = useTranslations('app.common');
  const errorText = useUserErrorText();
  const [{ fetching }, update] = useMutation(UpdateStaticSegmentDetailsMutation);
  const [name, setName] = useState(segment.name);
  const [description, setDescription] = useState(segment.description ?? '');
  const [tags, setTags] = useState<string[]>(segment.tags);
  const [errors, setErrors] = useState<UserErrorLike[]>([]);

  // Opening (or a new version of the segment while open) starts from the segment as it is, in the
  // same render: reset in an effect, the dialog would first show what was typed last time.
  const [shownFor, setShownFor] = useState(opened ? segment : null);
  const showing = opened ? segment : null;
  if (showing !== shownFor) {
    setShownFor(showing);
    if (showing) {
      setName(showing.name);
      setDescription(showing.description ?? '');
      setTags(showing.tags);
      setErrors([]);
    }
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await update({ input: { id: segment.id, version: segment.version, name, description: description.trim() || null, tags } });
    const payload = result.data?.updateSegment;
    if (!payload) return setErrors([{ code: 'WRITE_FAILED', message: result.error?.message ?? 'The segment could not be saved.', path: [] }]);
    if (payload.errors.length) return setErrors(payload.errors);
    onClose();
  };

  const other = errors.filter((e) => !['name', 'description', 'tags'].includes(e.path[1] ?? ''));
  return (
    <Modal opened={opened} onClose={onClose} title={t('heading')} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
            maxLength={200}
            error={errorsAt(errors, 'name', errorText)}
            data-autofocus
            data-testid="details-name"
          />
          <Textarea
            label={t('description')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            autosize
            minRows={2}
            maxRows={6}
            error={errorsAt(errors, 'description', errorText)}
          />
          <TagsInput label={t('tags')} description={t('tagsHint')} value={tags} onChange={setTags} clearable error={errorsAt(errors, 'tags', errorText)} />
          {other.length > 0 && (
            <Alert color="red" role="alert">
              {other.map(errorText).join(' ')}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {tCommon('cancel')}
            </Button>
            <Button type="submit" loading={fetching} data-testid="details-save">
              {tCommon('save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
