import { Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
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
          <Button type="submit" loading={busy} fullWidth mt="xs">
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
