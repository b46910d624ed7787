import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

import { call } from '../../api/client';
import { authConfirmPasswordReset, authRequestPasswordReset } from '../../client/sdk.gen';
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
  const [done, setDone] = useState(false);
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
  return (
    <AuthCard title={t('reset.confirmTitle')}>
      {!token && (
        <Alert color="red" role="alert">
          {t('reset.missingToken')}
        </Alert>
      )}
      {done ? (
        <Alert color="green" role="status">
          {t('reset.done')}
        </Alert>
      ) : (
        token && (
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              <ProblemAlert {...alert} />
              <PasswordField
                label={t('reset.newPassword')}
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
