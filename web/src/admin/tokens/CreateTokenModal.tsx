'use client';

import { Alert, Button, Checkbox, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useTranslations } from 'use-intl';
import type { Scope } from '@/graphql/gql/graphql';
import { useUserErrorText, type UserErrorLike } from '@/layout/useUserErrorText';
import { earliestExpiryDay, expiryFromDay, scopeCode, TOKEN_SCOPES } from './model';
import { CreateApiTokenMutation } from './tokens.query';

export interface IssuedToken {
  name: string;
  secret: string;
}

/** A new API token: what it is for, what it may do (scopes) and, optionally, the last day it works. */
export function CreateTokenModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (token: IssuedToken) => void }) {
  const t = useTranslations('tokens');
  const tc = useTranslations('app.common');
  const errorText = useUserErrorText();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Scope[]>(['SEGMENTS_READ']);
  const [expiresOn, setExpiresOn] = useState<Date | null>(null);
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  const [{ fetching }, create] = useMutation(CreateApiTokenMutation);

  const close = () => {
    setName('');
    setScopes(['SEGMENTS_READ']);
    setExpiresOn(null);
    setErrors([]);
    onClose();
  };

  const fieldError = (field: string) => {
    const found = errors.filter((e) => e.path[e.path.length - 1] === field);
    return found.length ? found.map(errorText).join(' ') : undefined;
  };
  const general = errors.filter((e) => !['name', 'scopes', 'expiresAt'].includes(e.path[e.path.length - 1] ?? ''));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: UserErrorLike[] = [];
    if (!name.trim()) missing.push({ code: 'REQUIRED', message: t('create.nameRequired'), path: ['input', 'name'] });
    if (!scopes.length) missing.push({ code: 'REQUIRED', message: t('create.scopesRequired'), path: ['input', 'scopes'] });
    setErrors(missing);
    if (missing.length) return;
    const result = await create({ input: { name: name.trim(), scopes: TOKEN_SCOPES.filter((s) => scopes.includes(s)), expiresAt: expiresOn ? expiryFromDay(expiresOn).toISOString() : null } });
    const payload = result.data?.createApiToken;
    if (payload?.token && payload.secret) {
      close();
      onCreated({ name: payload.token.name, secret: payload.secret });
      return;
    }
    setErrors(payload?.errors.length ? payload.errors : [{ code: 'WRITE_FAILED', message: result.error?.message ?? '', path: [] }]);
  };

  return (
    <Modal opened={opened} onClose={close} title={t('create.title')} centered size="lg">
      <form onSubmit={submit} noValidate data-testid="create-token-form">
        <Stack gap="md">
          <TextInput
            label={t('create.name')}
            description={t('create.nameHint')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldError('name')}
            required
            data-autofocus
            data-testid="create-token-name"
          />
          <Checkbox.Group label={t('create.scopes')} description={t('create.scopesHint')} value={scopes} onChange={(value) => setScopes(value as Scope[])} error={fieldError('scopes')}>
            <Stack gap={8} mt={8}>
              {TOKEN_SCOPES.map((scope) => (
                <Checkbox
                  key={scope}
                  value={scope}
                  label={
                    <>
                      <code>{scopeCode(scope)}</code> · {t(`scopes.${scope}`)}
                    </>
                  }
                  data-testid={`create-token-scope-${scope}`}
                />
              ))}
            </Stack>
          </Checkbox.Group>
          <DateInput
            label={t('create.expires')}
            description={t('create.expiresHint')}
            placeholder={t('create.never')}
            value={expiresOn}
            onChange={setExpiresOn}
            minDate={earliestExpiryDay()}
            clearable
            valueFormat="LL"
            error={fieldError('expiresAt')}
            data-testid="create-token-expires"
          />
          {general.length > 0 && (
            <Alert color="red" role="alert">
              <Text size="sm">{general.map(errorText).join(' ')}</Text>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {tc('cancel')}
            </Button>
            <Button type="submit" loading={fetching} data-testid="create-token-submit">
              {t('create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
