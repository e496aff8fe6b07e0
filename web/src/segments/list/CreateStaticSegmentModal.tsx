'use client';

import { Alert, Button, Group, Modal, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { useTranslations } from 'use-intl';
import { useUserErrorText, type UserErrorLike } from '@/layout/useUserErrorText';
import { errorsByInput } from './model';
import { SegmentListCreateStaticMutation, SegmentListTagsQuery } from './segments-list.query';

const INPUTS = ['name', 'description', 'tags'] as const;

/** Names a new static segment (optionally describes and tags it), creates it, then hands over its id. */
export function CreateStaticSegmentModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const t = useTranslations('segments.createStatic');
  return (
    <Modal opened={opened} onClose={onClose} title={t('title')} centered size="lg" data-testid="create-static-modal">
      {/* Mounted only while open: every opening starts with an empty form. */}
      {opened && <CreateStaticForm onCancel={onClose} onCreated={onCreated} />}
    </Modal>
  );
}

function CreateStaticForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (id: string) => void }) {
  const t = useTranslations('segments.createStatic');
  const tCommon = useTranslations('app.common');
  const userErrorText = useUserErrorText();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [tags, setTags] = useState<string[]>([]);
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [created, setCreated] = useState(false);
  const [{ fetching }, create] = useMutation(SegmentListCreateStaticMutation);
  const [{ data: tagData }] = useQuery({ query: SegmentListTagsQuery });

  const byInput = errorsByInput(errors, INPUTS);
  const textOf = (input: string) => byInput[input]?.map(userErrorText).join(' ') || undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const result = await create({ input: { kind: 'STATIC', name, description: description.trim() || null, tags } });
    const payload = result.data?.createSegment;
    if (result.error || !payload) {
      setErrors([]);
      setFailure(result.error?.message ?? t('failed'));
    } else if (payload.errors.length || !payload.segment) {
      setErrors(payload.errors);
    } else {
      setErrors([]);
      setCreated(true);
      onCreated(payload.segment.id);
    }
  }

  return (
    <form onSubmit={submit} noValidate data-testid="create-static-form">
      <Stack gap="md">
        <TextInput
          label={t('name')}
          withAsterisk
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={textOf('name')}
          maxLength={200}
          data-autofocus
          data-testid="create-static-name"
        />
        <Textarea
          label={t('description')}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          error={textOf('description')}
          autosize
          minRows={2}
          maxRows={5}
          data-testid="create-static-description"
        />
        <TagsInput
          label={t('tags')}
          placeholder={t('tagsPlaceholder')}
          value={tags}
          onChange={setTags}
          data={tagData?.segmentTags.map((tag) => tag.tag) ?? []}
          error={textOf('tags')}
          clearable
          data-testid="create-static-tags"
        />
        {(failure || byInput['']) && (
          <Alert color="red" role="alert" title={t('failed')} data-testid="create-static-error">
            {failure ?? byInput['']?.map(userErrorText).join(' ')}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {tCommon('cancel')}
          </Button>
          <Button type="submit" loading={fetching || created} data-testid="create-static-submit">
            {t('submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
