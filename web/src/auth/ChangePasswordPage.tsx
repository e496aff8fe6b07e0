'use client';

import { Alert, Button, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useTranslations } from 'use-intl';
import { useIsClient } from '@/lib/useIsClient';
import { useUserErrorText } from '@/layout/useUserErrorText';
import { ChangePasswordMutation } from './auth.query';
import { passwordFormProblems, PASSWORD_MIN_LENGTH, type PasswordFields } from './password-form';
import { loadWithinSite } from './navigate';
import { safeNextPath } from './paths';
import { useViewer } from './ViewerProvider';

/**
 * /account/password: current, new and repeated password. Forced after a one-time password (every
 * other page sends the user here until it is done); afterwards the user continues where they were
 * going (`?next=`). The API ends the user's other sessions; this one stays signed in.
 */
export function ChangePasswordPage({ next }: { next: string | null }) {
  const t = useTranslations('auth.password');
  const errorText = useUserErrorText();
  const { viewer } = useViewer();
  const forced = Boolean(viewer?.passwordChangeRequired);
  const [fields, setFields] = useState<PasswordFields>({ current: '', next: '', repeat: '' });
  const [problems, setProblems] = useState<Partial<Record<keyof PasswordFields, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [{ fetching }, changePassword] = useMutation(ChangePasswordMutation);
  // Until React has taken over the form, submitting would be the browser's own: keep it shut.
  const ready = useIsClient();

  const set = (key: keyof PasswordFields) => (value: string) => {
    setFields((f) => ({ ...f, [key]: value }));
    setProblems((p) => ({ ...p, [key]: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local = passwordFormProblems(fields);
    setProblems(Object.fromEntries(Object.entries(local).map(([key, code]) => [key, t(`problems.${code}`, { min: PASSWORD_MIN_LENGTH })])));
    setGeneral(null);
    if (Object.keys(local).length) return;
    const result = await changePassword({ input: { currentPassword: fields.current, newPassword: fields.next } });
    const payload = result.data?.changePassword;
    if (payload?.viewer) {
      setDone(true);
      // A full load: the header and every cached answer start again without the one-time restriction.
      loadWithinSite(safeNextPath(next, window.location.origin));
      return;
    }
    const byField: Partial<Record<keyof PasswordFields, string>> = {};
    const rest: string[] = [];
    for (const error of payload?.errors ?? []) {
      const field = error.path[error.path.length - 1];
      if (field === 'currentPassword') byField.current = error.code === 'SIGN_IN_FAILED' ? t('problems.wrongCurrent') : errorText(error);
      else if (field === 'newPassword') byField.next = errorText(error);
      else rest.push(errorText(error));
    }
    if (!payload) rest.push(t('problems.failed'));
    setProblems(byField);
    setGeneral(rest.length ? rest.join(' ') : null);
  };

  return (
    <div className="login-page">
      <Paper
        component="form"
        method="post"
        onSubmit={submit}
        withBorder
        shadow="sm"
        radius="md"
        p="xl"
        w="100%"
        maw={460}
        noValidate
        data-testid="password-form"
        data-ready={ready}
        aria-labelledby="password-title"
      >
        <Stack gap="md">
          <div>
            <Title order={1} size="h2" id="password-title">
              {t('title')}
            </Title>
            <Text size="sm" c="dimmed" mt={4}>
              {forced ? t('forcedIntro') : t('intro')}
            </Text>
          </div>
          {forced && (
            <Alert color="orange" data-testid="password-forced">
              {t('forced')}
            </Alert>
          )}
          {general && (
            <Alert color="red" role="alert" data-testid="password-error">
              {general}
            </Alert>
          )}
          {done && (
            <Alert color="teal" role="status" data-testid="password-done">
              {t('done')}
            </Alert>
          )}
          {/* The e-mail as a username field lets password managers file the new password under the right account. */}
          <input type="email" name="username" autoComplete="username" value={viewer?.user.email ?? ''} readOnly hidden />
          <PasswordInput
            label={forced ? t('oneTime') : t('current')}
            autoComplete="current-password"
            autoFocus
            required
            value={fields.current}
            onChange={(event) => set('current')(event.currentTarget.value)}
            error={problems.current}
            data-testid="password-current"
          />
          <PasswordInput
            label={t('new')}
            description={t('newHint', { min: PASSWORD_MIN_LENGTH })}
            autoComplete="new-password"
            required
            value={fields.next}
            onChange={(event) => set('next')(event.currentTarget.value)}
            error={problems.next}
            data-testid="password-new"
          />
          <PasswordInput
            label={t('repeat')}
            autoComplete="new-password"
            required
            value={fields.repeat}
            onChange={(event) => set('repeat')(event.currentTarget.value)}
            error={problems.repeat}
            data-testid="password-repeat"
          />
          <Group justify="flex-end">
            <Button type="submit" disabled={!ready} loading={fetching || done} data-testid="password-submit">
              {t('submit')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </div>
  );
}
