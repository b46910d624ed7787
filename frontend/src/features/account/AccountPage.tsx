import { Button, Card, Group, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

import { call } from '../../api/client';
import { authChangePassword, authUpdateMe } from '../../client/sdk.gen';
import type { Me } from '../../client/types.gen';
import { ProblemAlert } from '../../components/Feedback';
import { PageHeader } from '../../components/PageHeader';
import { PasswordField } from '../../components/PasswordField';
import { useApiSubmit } from '../../hooks/useApiSubmit';
import { fieldMap } from '../../lib/problem';
import { useValidator } from '../../hooks/useValidator';
import { changeLanguage, isLanguage, type Language } from '../../i18n';
import { password, required } from '../../lib/validation';
import { useAuth } from '../auth/AuthProvider';
import { roleKey } from '../../lib/me';

function ProfileForm({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { refreshMe } = useAuth();
  const rule = useValidator();
  const form = useForm<{ full_name: string; language: Language }>({
    initialValues: { full_name: me.full_name, language: me.language },
    validate: { full_name: rule(required) },
  });
  const { busy, run, alert } = useApiSubmit(form, fieldMap(['full_name', 'language']));
  useEffect(() => {
    form.setValues({ full_name: me.full_name, language: me.language });
    form.resetDirty({ full_name: me.full_name, language: me.language });
    // Only a new profile from the server should reset what is typed.
  }, [me.full_name, me.language]);

  const submit = form.onSubmit((values) =>
    run(async () => {
      await call(authUpdateMe({ body: values }));
      await changeLanguage(values.language);
      await refreshMe();
      notifications.show({ color: 'green', message: t('app.saved') });
    }),
  );

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="profile-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="profile-title">
            {t('account.profile')}
          </Title>
          <ProblemAlert {...alert} />
          <TextInput label={t('account.fullName')} required autoComplete="name" {...form.getInputProps('full_name')} />
          <TextInput label={t('account.email')} value={me.email} readOnly variant="filled" />
          <TextInput label={t('account.role')} value={t(roleKey(me))} readOnly variant="filled" />
          <TextInput label={t('account.organisation')} value={me.organisation.name} readOnly variant="filled" />
          <Select
            label={t('account.language')}
            allowDeselect={false}
            data={[
              { value: 'fr', label: t('languages.fr') },
              { value: 'en', label: t('languages.en') },
            ]}
            {...form.getInputProps('language')}
            onChange={(value) => isLanguage(value) && form.setFieldValue('language', value)}
          />
          <Group>
            <Button type="submit" loading={busy}>
              {t('app.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function PasswordForm() {
  const { t } = useTranslation();
  const rule = useValidator();
  const form = useForm({
    initialValues: { current_password: '', new_password: '' },
    validate: {
      current_password: rule(required),
      new_password: (value, values) =>
        rule(password)(value) ?? (value === values.current_password ? t('validation.passwordUnchanged') : null),
    },
  });
  const { busy, run, alert } = useApiSubmit(form, fieldMap(['current_password', 'new_password']));
  const submit = form.onSubmit((values) =>
    run(async () => {
      await call(authChangePassword({ body: values }));
      form.reset();
      notifications.show({ color: 'green', message: t('account.passwordChanged') });
    }),
  );
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="password-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="password-title">
            {t('account.passwordTitle')}
          </Title>
          <ProblemAlert {...alert} />
          <PasswordField
            label={t('account.currentPassword')}
            autoComplete="current-password"
            required
            {...form.getInputProps('current_password')}
          />
          <PasswordField
            label={t('account.newPassword')}
            description={t('validation.passwordLength')}
            autoComplete="new-password"
            required
            {...form.getInputProps('new_password')}
          />
          <Group>
            <Button type="submit" loading={busy}>
              {t('account.changePassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

export function AccountPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  if (!me) return null;
  return (
    <Stack gap="lg" maw={1100}>
      <PageHeader title={t('account.title')} description={me.email} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <ProfileForm me={me} />
        <PasswordForm />
      </SimpleGrid>
    </Stack>
  );
}
