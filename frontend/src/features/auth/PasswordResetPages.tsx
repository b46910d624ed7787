import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

import { call } from '../../api/client';
import { authCheckPasswordReset, authConfirmPasswordReset, authRequestPasswordReset } from '../../client/sdk.gen';
import { ProblemAlert } from '../../components/Feedback';
import { PasswordField } from '../../components/PasswordField';
import { useApiSubmit } from '../../hooks/useApiSubmit';
import { fieldMap } from '../../lib/problem';
import { useValidator } from '../../hooks/useValidator';
import { email, password, required } from '../../lib/validation';
import { AuthCard } from './AuthCard';

function BackToLogin() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/login" size="sm">
      {t('reset.backToLogin')}
    </Anchor>
  );
}

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const rule = useValidator();
  const [sent, setSent] = useState(false);
  const form = useForm({ initialValues: { email: '' }, validate: { email: rule(required, email) } });
  const { busy, run, alert } = useApiSubmit(form, fieldMap(['email']));
  const submit = form.onSubmit((values) =>
    run(async () => {
      await call(authRequestPasswordReset({ body: { email: values.email.trim() } }));
      setSent(true);
    }),
  );
  return (
    <AuthCard title={t('reset.requestTitle')}>
      {sent ? (
        <Alert color="green" role="status">
          {t('reset.requestSent')}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Text size="sm">{t('reset.requestHelp')}</Text>
            <ProblemAlert {...alert} />
            <TextInput
              label={t('login.email')}
              type="email"
              autoComplete="email"
              required
              {...form.getInputProps('email')}
            />
            <Button type="submit" loading={busy}>
              {t('reset.requestSubmit')}
            </Button>
          </Stack>
        </form>
      )}
      <BackToLogin />
    </AuthCard>
  );
}

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const rule = useValidator();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  // An invitation's link welcomes its person; a reset's speaks of a new password.
  const invitation = params.get('invitation') === '1';
  const [done, setDone] = useState(false);
  // Whether the link still works is said as the page opens, not after typing a password.
  const link = useQuery({
    queryKey: ['reset-link', token],
    queryFn: () => call(authCheckPasswordReset({ body: { token } })).then(() => true),
    enabled: token.length >= 10,
    retry: false,
    staleTime: Infinity,
  });
  const form = useForm({
    initialValues: { new_password: '' },
    validate: { new_password: rule(password) },
  });
  const { busy, run, alert } = useApiSubmit(form, fieldMap(['new_password'], { token: 'new_password' }));
  const submit = form.onSubmit((values) =>
    run(async () => {
      await call(authConfirmPasswordReset({ body: { token, new_password: values.new_password } }));
      setDone(true);
    }),
  );
  const broken = !token || token.length < 10 || Boolean(link.error);
  return (
    <AuthCard title={t(invitation ? 'reset.welcomeTitle' : 'reset.confirmTitle')}>
      {invitation && !broken && !done && <Text size="sm">{t('reset.welcomeHelp')}</Text>}
      {broken && (
        <Alert color="red" role="alert" data-testid="reset-link-broken">
          <Stack gap="xs" align="flex-start">
            <span>{t(!token ? 'reset.missingToken' : invitation ? 'reset.invitationExpired' : 'reset.linkExpired')}</span>
            {!invitation && (
              <Anchor component={Link} to="/forgot-password" size="sm">
                {t('reset.askAgain')}
              </Anchor>
            )}
          </Stack>
        </Alert>
      )}
      {done ? (
        <Alert color="green" role="status">
          {t('reset.done')}
        </Alert>
      ) : (
        !broken &&
        link.isSuccess && (
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              <ProblemAlert {...alert} />
              <PasswordField
                label={t(invitation ? 'reset.chosenPassword' : 'reset.newPassword')}
                description={t('validation.passwordLength')}
                autoComplete="new-password"
                required
                {...form.getInputProps('new_password')}
              />
              <Button type="submit" loading={busy}>
                {t('reset.confirmSubmit')}
              </Button>
            </Stack>
          </form>
        )
      )}
      <BackToLogin />
    </AuthCard>
  );
}
