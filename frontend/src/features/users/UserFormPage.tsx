import { Alert, Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';

import { call, callWithETag } from '../../api/client';
import { usersCreateUser, usersGetUser, usersResendInvitation, usersUpdateUser } from '../../client/sdk.gen';
import type { Role, UserRead, UserUpdate } from '../../client/types.gen';
import { Loading, ProblemAlert } from '../../components/Feedback';
import { LoadError } from '../../components/NotFound';
import { HistoryPanel } from '../../components/HistoryPanel';
import { PageHeader } from '../../components/PageHeader';
import { PasswordField } from '../../components/PasswordField';
import { StatusText } from '../../components/StatusText';
import { useApiSubmit } from '../../hooks/useApiSubmit';
import { fieldMap } from '../../lib/problem';
import { useValidator } from '../../hooks/useValidator';
import { isLanguage, type Language } from '../../i18n';
import { email, maxLength, NAME_MAX_LENGTH, optionalPassword, required, TEXT_MAX_LENGTH } from '../../lib/validation';
import { useAuth } from '../auth/AuthProvider';
import { type OrganisationChoice, OrganisationSelect } from './OrganisationSelect';
import { roleIn, useRoleOptions } from './roles';

interface Values {
  email: string;
  full_name: string;
  role: Role;
  organisation: OrganisationChoice | null;
  language: Language;
  password: string;
}

const FIELDS = fieldMap(['email', 'full_name', 'role', 'language', 'password'], { organisation_id: 'organisation' });

function valuesOf(user?: UserRead): Values {
  return {
    email: user?.email ?? '',
    full_name: user?.full_name ?? '',
    role: user?.role ?? 'buyer',
    organisation: user ? { id: user.organisation.id, name: user.organisation.name } : null,
    language: isLanguage(user?.language) ? user.language : 'fr',
    password: '',
  };
}

interface Loaded {
  data: UserRead;
  etag: string;
}

function UserForm({ record, onReload }: { record?: Loaded; onReload?: () => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const rule = useValidator();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // An account's read says whether it may be changed; a new one is offered to managers only.
  const actions = record?.data.actions;
  const readOnly = record ? !actions?.edit : !can('users:manage');
  const roleOptions = useRoleOptions(!readOnly);
  const form = useForm<Values>({
    initialValues: valuesOf(record?.data),
    validate: {
      // The server's bounds (users/schemas.py), so every error shows at once.
      email: record ? undefined : rule(required, email, maxLength(TEXT_MAX_LENGTH.email)),
      full_name: rule(required, maxLength(NAME_MAX_LENGTH)),
      organisation: (value) => (value ? null : t('validation.required')),
      password: rule(optionalPassword, maxLength(TEXT_MAX_LENGTH.password)),
    },
  });
  const { busy, run, alert } = useApiSubmit(form, FIELDS);

  const update = (body: UserUpdate) =>
    run(async () => {
      if (!record) return;
      const saved = await callWithETag(
        usersUpdateUser({ path: { user_id: record.data.id }, headers: { 'If-Match': record.etag }, body }),
      );
      queryClient.setQueryData(['user', record.data.id], saved);
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      await queryClient.invalidateQueries({ queryKey: ['audit'] });
      notifications.show({ color: 'green', message: t('app.saved') });
    });

  const resendInvitation = () =>
    run(async () => {
      if (!record) return;
      await call(usersResendInvitation({ path: { user_id: record.data.id } }));
      await queryClient.invalidateQueries({ queryKey: ['audit'] });
      notifications.show({ color: 'green', message: t('users.invitationSent', { email: record.data.email }) });
    });

  const submit = form.onSubmit((values) => {
    const common = {
      full_name: values.full_name.trim(),
      role: values.role,
      organisation_id: values.organisation?.id ?? '',
      language: values.language,
      ...(values.password ? { password: values.password } : {}),
    };
    if (record) return update(common);
    return run(async () => {
      const created = await call(usersCreateUser({ body: { ...common, email: values.email.trim() } }));
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      notifications.show({ color: 'green', message: t('users.created') });
      navigate(`/users/${created.id}`, { replace: true });
    });
  });

  const active = record?.data.active ?? true;
  const roles = readOnly || !roleOptions.data ? [form.values.role] : roleOptions.data.map((option) => option.role);
  const kinds = roleOptions.data?.find((option) => option.role === form.values.role)?.organisation_kinds ?? [];
  return (
    <Card withBorder padding="lg" component="section" aria-label={t('users.formLabel')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ProblemAlert {...alert} onReload={onReload} />
          <ProblemAlert error={roleOptions.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('users.email')}
              type="email"
              required={!readOnly}
              autoComplete="off"
              readOnly={Boolean(record) || readOnly}
              variant={record || readOnly ? 'filled' : 'default'}
              {...form.getInputProps('email')}
            />
            <TextInput label={t('users.fullName')} required={!readOnly} readOnly={readOnly} {...form.getInputProps('full_name')} />
            <Select
              label={t('users.role')}
              // How the network's coordination is made: there is no role of its own.
              description={!readOnly && form.values.role === 'referent' ? t('users.coordinatorHelp') : undefined}
              required={!readOnly}
              readOnly={readOnly}
              rightSection={readOnly ? null : undefined}
              variant={readOnly ? 'filled' : 'default'}
              allowDeselect={false}
              data={roles.map((value) => ({ value, label: t(`roles.${value}`) }))}
              {...form.getInputProps('role')}
              onChange={(value) => {
                const chosen = roleIn(roles, value);
                if (chosen) form.setFieldValue('role', chosen);
              }}
            />
            <OrganisationSelect
              label={t('users.organisation')}
              value={form.values.organisation}
              kinds={kinds}
              error={form.errors.organisation}
              readOnly={readOnly}
              onChange={(organisation) => {
                form.setFieldValue('organisation', organisation);
              }}
            />
            <Select
              label={t('users.language')}
              allowDeselect={false}
              readOnly={readOnly}
              variant={readOnly ? 'filled' : 'default'}
              rightSection={readOnly ? null : undefined}
              data={[
                { value: 'fr', label: t('languages.fr') },
                { value: 'en', label: t('languages.en') },
              ]}
              {...form.getInputProps('language')}
              onChange={(value) => isLanguage(value) && form.setFieldValue('language', value)}
            />
            {!readOnly && (
              <PasswordField
                label={record ? t('users.newPassword') : t('users.password')}
                description={record ? t('users.newPasswordHelp') : t('users.passwordHelp')}
                autoComplete="new-password"
                {...form.getInputProps('password')}
              />
            )}
          </SimpleGrid>
          {record?.data.coordinates_network && (
            <Text size="sm" data-testid="network-coordinator">
              <strong>{t('roles.networkCoordinator')}</strong> · {t('users.isCoordinator')}
            </Text>
          )}
          {record && (
            <StatusText active={active} label={active ? t('users.activeLabel') : t('users.inactiveLabel')} />
          )}
          {actions?.resend_invitation && (
            <Alert color="blue" variant="light" p="xs">
              {t('users.invitationPending')}
            </Alert>
          )}
          <Group mt="xs">
            {!readOnly && (
              <Button type="submit" loading={busy}>
                {record ? t('app.save') : t('app.create')}
              </Button>
            )}
            {actions?.deactivate && (
              <Button variant="outline" color="red.9" onClick={() => void update({ active: false })}>
                {t('users.deactivate')}
              </Button>
            )}
            {actions?.resend_invitation && (
              <Button variant="outline" loading={busy} onClick={() => void resendInvitation()}>
                {t('users.resendInvitation')}
              </Button>
            )}
            {actions?.reactivate && (
              <Button variant="outline" onClick={() => void update({ active: true })}>
                {t('users.reactivate')}
              </Button>
            )}
            <Button variant="subtle" onClick={() => navigate('/users')}>
              {t('app.backToList')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

export function UserFormPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { can } = useAuth();
  const record = useQuery({
    queryKey: ['user', id],
    queryFn: () => callWithETag(usersGetUser({ path: { user_id: id ?? '' } })),
    enabled: Boolean(id),
  });
  if (!id) {
    return (
      <Stack gap="md" maw={860}>
        <PageHeader title={t('users.new')} />
        <UserForm />
      </Stack>
    );
  }
  if (record.isPending) return <Loading />;
  if (record.error) return <LoadError error={record.error} />;
  const user = record.data.data;
  return (
    <Stack gap="md" maw={860}>
      <PageHeader
        title={user.actions?.edit ? t('users.editTitle') : t('users.viewTitle')}
        description={`${user.full_name} · ${user.email}`}
      />
      <UserForm key={user.version} record={record.data} onReload={() => void record.refetch()} />
      {can('audit:read') && <HistoryPanel entityType="user" entityId={id} />}
    </Stack>
  );
}
