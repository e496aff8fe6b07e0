'use client';

import { Alert, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useTranslations } from 'use-intl';
import { useIsClient } from '@/lib/useIsClient';
import { LogInMutation } from './auth.query';
import { signInProblem, type SignInProblem } from './sign-in-problem';
import { loadWithinSite } from './navigate';
import { changePasswordHref, safeNextPath } from './paths';
import { useViewer } from './ViewerProvider';

/** Where to go once signed in: judged against this page's own origin, and again when leaving (loadWithinSite). */
function destination(next: string | null, passwordChangeRequired: boolean): string {
  const target = safeNextPath(next, window.location.origin);
  return passwordChangeRequired ? changePasswordHref(target) : target;
}

/**
 * /login: e-mail and password (Enter submits: it is a real form). On success the browser loads the
 * page it was going to (`?next=`, same-origin paths only), or the password form first after a
 * one-time password; a full load, so nothing of a previous session stays cached.
 */
export function LoginPage({ next }: { next: string | null }) {
  const t = useTranslations('auth.login');
  const { status, viewer } = useViewer();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ email?: boolean; password?: boolean }>({});
  const [problem, setProblem] = useState<SignInProblem | null>(null);
  const [{ fetching }, logIn] = useMutation(LogInMutation);
  const [leaving, setLeaving] = useState(false);
  // Until React has taken over the form, submitting would be the browser's own: keep it shut.
  const ready = useIsClient();

  // Already signed in (a second tab, the Back button): carry on where they were going.
  useEffect(() => {
    if (status === 'signedIn') loadWithinSite(destination(next, viewer.passwordChangeRequired), { replace: true });
  }, [status, viewer, next]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const gaps = { email: !email.trim(), password: !password };
    setMissing(gaps);
    if (gaps.email || gaps.password) return;
    setProblem(null);
    const result = await logIn({ input: { email: email.trim(), password } });
    const payload = result.data?.logIn;
    if (payload?.viewer) {
      setLeaving(true);
      loadWithinSite(destination(next, payload.viewer.passwordChangeRequired));
      return;
    }
    setProblem(signInProblem(payload?.errors ?? [], result.error));
    setPassword('');
  };

  return (
    <div className="login-page">
      {/* method="post": should the browser ever submit it natively, the password never lands in the address. */}
      <Paper
        component="form"
        method="post"
        onSubmit={submit}
        withBorder
        shadow="sm"
        radius="md"
        p="xl"
        w="100%"
        maw={420}
        noValidate
        data-testid="login-form"
        data-ready={ready}
        aria-labelledby="login-title"
      >
        <Stack gap="md">
          <div>
            <Title order={1} size="h2" id="login-title">
              {t('title')}
            </Title>
            <Text size="sm" c="dimmed" mt={4}>
              {t('intro')}
            </Text>
          </div>
          {problem && (
            <Alert color={problem.kind === 'unreachable' ? 'orange' : 'red'} role="alert" data-testid="login-error" data-kind={problem.kind}>
              {problem.kind === 'tooMany' ? t('tooMany', { minutes: problem.minutes }) : problem.kind === 'tooManySeconds' ? t('tooManySeconds', { seconds: problem.seconds }) : t(problem.kind)}
            </Alert>
          )}
          <TextInput
            label={t('email')}
            type="email"
            name="email"
            autoComplete="username"
            autoFocus
            required
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={missing.email ? t('emailRequired') : undefined}
            data-testid="login-email"
          />
          <PasswordInput
            label={t('password')}
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={missing.password ? t('passwordRequired') : undefined}
            data-testid="login-password"
          />
          <Button type="submit" disabled={!ready} loading={fetching || leaving} fullWidth data-testid="login-submit">
            {t('submit')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('firstStart')}
          </Text>
        </Stack>
      </Paper>
    </div>
  );
}
