import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';

import { ProblemAlert } from '../../components/Feedback';
import { PasswordField } from '../../components/PasswordField';
import { useApiSubmit } from '../../hooks/useApiSubmit';
import { fieldMap } from '../../lib/problem';
import { useValidator } from '../../hooks/useValidator';
import { email, required } from '../../lib/validation';
import { AuthCard } from './AuthCard';
import { useAuth } from './AuthProvider';

export function LoginPage() {
  const { t } = useTranslation();
  const { login } = useAuth();
  const rule = useValidator();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: { email: rule(required, email), password: rule(required) },
  });
  const { busy, run, alert } = useApiSubmit(form, fieldMap(['email', 'password'], { username: 'email' }));
  // A throttled sign-in counts the wait down and offers the button again when it is over.
  const [wait, setWait] = useState(0);
  useEffect(() => {
    setWait(alert.error?.status === 429 ? (alert.error.problem.retry_after ?? 0) : 0);
  }, [alert.error]);
  useEffect(() => {
    if (wait <= 0) return undefined;
    const timer = window.setTimeout(() => setWait((seconds) => seconds - 1), 1000);
    return () => window.clearTimeout(timer);
  }, [wait]);

  const submit = form.onSubmit((values) =>
    run(async () => {
      await login(values.email.trim(), values.password);
      navigate(from, { replace: true });
    }),
  );

  return (
    <AuthCard title={t('login.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ProblemAlert {...alert} />
          <TextInput
            label={t('login.email')}
            type="email"
            autoComplete="username"
            required
            {...form.getInputProps('email')}
          />
          <PasswordField
            label={t('login.password')}
            autoComplete="current-password"
            required
            {...form.getInputProps('password')}
          />
          {wait > 0 && (
            <Text size="sm" role="status" data-testid="login-wait">
              {t('login.wait', { count: wait })}
            </Text>
          )}
          <Button type="submit" loading={busy} disabled={wait > 0} fullWidth mt="xs">
            {t('login.submit')}
          </Button>
          <Anchor component={Link} to="/forgot-password" size="sm">
            {t('login.forgot')}
          </Anchor>
        </Stack>
      </form>
    </AuthCard>
  );
}
