'use client';

import { Alert, Button, Group, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useTranslations } from 'use-intl';
import type { UserRole } from '@/graphql/gql/graphql';
import { useUserErrorText, type UserErrorLike } from '@/layout/useUserErrorText';
import { ROLES } from './model';
import type { IssuedPassword } from './OneTimePasswordModal';
import { CreateUserMutation, ResetUserPasswordMutation } from './users.query';

/**
 * A new user: name, e-mail (what they sign in with) and role. Once stored, the API gives them a
 * one-time password, which the caller shows this once.
 */
export function CreateUserModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (issued: IssuedPassword) => void }) {
  const t = useTranslations('users');
  const tc = useTranslations('app.common');
  const errorText = useUserErrorText();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<UserRole>('MARKETER');
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  const [{ fetching: creating }, createUser] = useMutation(CreateUserMutation);
  const [{ fetching: issuing }, resetPassword] = useMutation(ResetUserPasswordMutation);

  const close = () => {
    setName('');
    setEmail('');
    setRole('MARKETER');
    setErrors([]);
    onClose();
  };

  const fieldError = (field: string) => {
    const found = errors.filter((e) => e.path[e.path.length - 1] === field);
    return found.length ? found.map(errorText).join(' ') : undefined;
  };
  const general = errors.filter((e) => !['name', 'email', 'role'].includes(e.path[e.path.length - 1] ?? ''));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: UserErrorLike[] = [];
    if (!name.trim()) missing.push({ code: 'REQUIRED', message: t('create.nameRequired'), path: ['input', 'name'] });
    if (!email.trim()) missing.push({ code: 'REQUIRED', message: t('create.emailRequired'), path: ['input', 'email'] });
    setErrors(missing);
    if (missing.length) return;
    const created = await createUser({ input: { name: name.trim(), email: email.trim(), role } });
    const user = created.data?.createUser.user;
    if (!user) {
      // A malformed address fails the EmailAddress scalar before the resolver: a GraphQL error, not a UserError.
      const invalidEmail = created.error?.graphQLErrors.some((e) => /email/i.test(e.message));
      setErrors(
        created.data?.createUser.errors ?? [
          { code: invalidEmail ? 'INVALID_EMAIL' : 'WRITE_FAILED', message: invalidEmail ? t('create.emailInvalid') : (created.error?.message ?? ''), path: invalidEmail ? ['input', 'email'] : [] },
        ],
      );
      return;
    }
    const issued = await resetPassword({ id: user.id });
    const password = issued.data?.resetUserPassword.oneTimePassword;
    close();
    onCreated({ name: user.name, email: user.email ?? null, password: password ?? null, created: true });
  };

  return (
    <Modal opened={opened} onClose={close} title={t('create.title')} centered size="lg">
      <form onSubmit={submit} noValidate data-testid="create-user-form">
        <Stack gap="md">
          <TextInput label={t('create.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError('name')} required data-autofocus data-testid="create-user-name" />
          <TextInput
            label={t('create.email')}
            description={t('create.emailHint')}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={fieldError('email')}
            required
            data-testid="create-user-email"
          />
          <Radio.Group label={t('create.role')} value={role} onChange={(value) => setRole(value as UserRole)} error={fieldError('role')} data-testid="create-user-role">
            <Stack gap="xs" mt={6}>
              {ROLES.map((value) => (
                <Radio key={value} value={value} label={t(`roles.${value}.label`)} description={t(`roles.${value}.hint`)} data-testid={`create-user-role-${value}`} />
              ))}
            </Stack>
          </Radio.Group>
          {general.length > 0 && (
            <Alert color="red" role="alert">
              <Text size="sm">{general.map(errorText).join(' ')}</Text>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {tc('cancel')}
            </Button>
            <Button type="submit" loading={creating || issuing} data-testid="create-user-submit">
              {t('create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
