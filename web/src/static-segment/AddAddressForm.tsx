'use client';

import { Button, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useTranslations } from 'use-intl';
import type { Channel } from '@/graphql/gql/graphql';
import { useUserErrorText } from '@/layout/useUserErrorText';
import { CHANNELS, guessChannel } from './model';
import { AddStaticMemberMutation } from './static-segment.query';
import { useRejectedReason } from './useRejectedReason';

const DETECT = 'DETECT';

/** One address typed by hand (Enter submits), its problem shown under the field. */
export function AddAddressForm({ segmentId, onAdded }: { segmentId: string; onAdded: () => void }) {
  const t = useTranslations('staticSegment.add');
  const tChannel = useTranslations('staticSegment.channel');
  const errorText = useUserErrorText();
  const reasonOf = useRejectedReason();
  const [{ fetching }, add] = useMutation(AddStaticMemberMutation);
  const [channel, setChannel] = useState<string>(DETECT);
  const [address, setAddress] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const addressInput = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    const typed = address.trim();
    if (!typed) {
      setError(t('required'));
      addressInput.current?.focus();
      return;
    }
    const chosen: Channel = channel === DETECT ? guessChannel(typed) : (channel as Channel);
    const result = await add({ id: segmentId, members: [{ channel: chosen, address: typed, name: name.trim() || null }] });
    const report = result.data?.addStaticSegmentMembers;
    if (!report) {
      setError(result.error?.message ?? errorText({ code: 'WRITE_FAILED', message: 'The address could not be added.', path: [] }));
      return;
    }
    if (report.errors.length) {
      setError(report.errors.map(errorText).join(' '));
      return;
    }
    if (report.invalid.length) {
      setError(report.invalid.map(reasonOf).join(' '));
      addressInput.current?.focus();
      return;
    }
    setError(null);
    setNotice(report.imported ? t('added', { address: typed }) : t('alreadyPresent', { address: typed }));
    setAddress('');
    setName('');
    addressInput.current?.focus();
    onAdded();
  };

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="add-heading" data-testid="static-add">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="add-heading">
            {t('heading')}
          </Title>
          <Select
            label={t('channel')}
            data={[{ value: DETECT, label: t('detect') }, ...CHANNELS.map((c) => ({ value: c, label: tChannel(c) }))]}
            value={channel}
            onChange={(value) => setChannel(value ?? DETECT)}
            allowDeselect={false}
            data-testid="add-channel"
          />
          <TextInput
            ref={addressInput}
            label={t('address')}
            placeholder={t('addressPlaceholder')}
            value={address}
            onChange={(event) => {
              setAddress(event.currentTarget.value);
              setError(null);
            }}
            error={error}
            autoComplete="off"
            data-testid="add-address"
          />
          <TextInput label={t('name')} value={name} onChange={(event) => setName(event.currentTarget.value)} autoComplete="off" data-testid="add-name" />
          <Button type="submit" loading={fetching} data-testid="add-submit">
            {t('submit')}
          </Button>
          {/* Reserved line: the notice appearing does not push the page. */}
          <Text size="sm" c="teal" role="status" aria-live="polite" mih={22} data-testid="add-notice">
            {notice}
          </Text>
        </Stack>
      </form>
    </Paper>
  );
}
