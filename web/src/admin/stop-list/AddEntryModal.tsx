'use client';

import { Button, Group, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useTranslations } from 'use-intl';
import type { Channel, StopListReason } from '@/graphql/gql/graphql';
import { useUserErrorText } from '@/layout/useUserErrorText';
import { errorAt } from '../common/in-use';
import { CHANNELS, REASONS } from './model';
import { AddStopListEntryMutation } from './stop-list.query';

const CONTEXT = { additionalTypenames: ['StopListEntry'] };

/** Adds one address; the API's objection (not an e-mail, not a phone) shows under the address. */
export function AddEntryModal({ opened, onClose, onAdded }: { opened: boolean; onClose: () => void; onAdded: (address: string) => void }) {
  const t = useTranslations('stopList');
  const tc = useTranslations('app.common');
  const errorText = useUserErrorText();
  const [channel, setChannel] = useState<Channel>('EMAIL');
  const [address, setAddress] = useState('');
  const [reason, setReason] = useState<StopListReason>('UNSUBSCRIBED');
  const [note, setNote] = useState('');
  const [addressError, setAddressError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [{ fetching }, add] = useMutation(AddStopListEntryMutation);

  const close = () => {
    setAddress('');
    setNote('');
    setAddressError(null);
    setFormError(null);
    onClose();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!address.trim()) {
      setAddressError(t('add.required'));
      return;
    }
    const result = await add({ input: { channel, address, reason, note: note.trim() || null } }, CONTEXT);
    const errors = result.data?.addStopListEntry.errors ?? [];
    if (result.error) {
      setFormError(result.error.message);
      return;
    }
    const onAddress = errorAt(errors, 'input', 'address');
    if (onAddress) setAddressError(errorText(onAddress));
    else if (errors.length) setFormError(errorText(errors[0]!));
    const entry = result.data?.addStopListEntry.entry;
    if (entry && !errors.length) {
      setAddress('');
      setNote('');
      onAdded(entry.address);
    }
  };

  return (
    <Modal opened={opened} onClose={close} title={t('add.title')} centered>
      <form onSubmit={submit} noValidate data-testid="stop-add-form">
        <Stack gap="sm">
          <NativeSelect
            label={t('channel.label')}
            value={channel}
            onChange={(event) => {
              setChannel(event.currentTarget.value as Channel);
              setAddressError(null);
            }}
            data={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
            data-testid="stop-add-channel"
          />
          <TextInput
            label={t('add.address')}
            placeholder={t(`add.addressHint.${channel}`)}
            value={address}
            onChange={(event) => {
              setAddress(event.currentTarget.value);
              setAddressError(null);
            }}
            error={addressError}
            required
            autoFocus
            data-testid="stop-add-address"
          />
          <NativeSelect
            label={t('reason.label')}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value as StopListReason)}
            data={REASONS.map((r) => ({ value: r, label: t(`reason.${r}`) }))}
            data-testid="stop-add-reason"
          />
          <TextInput label={t('add.note')} value={note} onChange={(event) => setNote(event.currentTarget.value)} maxLength={500} />
          {formError && (
            <Text size="sm" c="red" role="alert" data-testid="stop-add-error">
              {formError}
            </Text>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {tc('cancel')}
            </Button>
            <Button type="submit" loading={fetching} data-testid="stop-add-submit">
              {t('add.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
