import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { call } from '../../api/client';
import { usersListUsers } from '../../client/sdk.gen';
import { ListFrame } from '../../components/ListFrame';
import { PageHeader } from '../../components/PageHeader';
import { StatusText } from '../../components/StatusText';
import { useCursorList } from '../../hooks/useCursorList';
import { useUrlFilters } from '../../hooks/useUrlFilters';
import { roleKey } from '../../lib/me';
import { useAuth } from '../auth/AuthProvider';
import { roleIn, useRoleOptions } from './roles';

const ACTIVE_FILTERS = ['true', 'false'] as const;

export function UsersPage() {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const { filters, setFilters, textInput } = useUrlFilters(
    { q: '', role: null, active: null },
    { allowed: { active: ACTIVE_FILTERS } },
  );
  const { q, role, active } = filters;
  const roles = (useRoleOptions().data ?? []).map((option) => option.role);
  // The roles offered come from the API: a role the URL names filters once it is among them.
  const roleFilter = roleIn(roles, role);
  const list = useCursorList(['users', 'list', q, roleFilter ?? null, active], (cursor) =>
    call(
      usersListUsers({
        query: {
          q: q || undefined,
          role: roleFilter,
          active: active === null ? undefined : active === 'true',
          cursor,
          limit: 50,
        },
      }),
    ),
  );
  const date = (value?: string | null) =>
    value
      ? new Date(value).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' })
      : t('users.never');

  return (
    <Stack gap="md">
      <PageHeader
        title={t('users.title')}
        description={t('users.intro')}
        actions={
          can('users:manage') && (
            <Button component={Link} to="/users/new">
              {t('users.new')}
            </Button>
          )
        }
      />
      <Group align="end" gap="sm" role="search" aria-label={t('app.filters')}>
        <TextInput
          label={t('users.search')}
          type="search"
          {...textInput('q')}
          w={{ base: '100%', sm: 320 }}
        />
        <Select
          label={t('users.role')}
          clearable
          placeholder={t('app.all')}
          value={role}
          onChange={(value) => setFilters({ role: value })}
          data={roles.map((value) => ({ value, label: t(`roles.${value}`) }))}
          w={{ base: '100%', sm: 200 }}
        />
        <Select
          label={t('users.status')}
          clearable
          placeholder={t('app.all')}
          value={active}
          onChange={(value) => setFilters({ active: value })}
          data={[
            { value: 'true', label: t('users.activeLabel') },
            { value: 'false', label: t('users.inactiveLabel') },
          ]}
          w={{ base: '100%', sm: 180 }}
        />
      </Group>
      <ListFrame
        caption={t('users.title')}
        columns={[
          t('users.fullName'),
          t('users.email'),
          t('users.role'),
          t('users.organisation'),
          t('users.lastLogin'),
          t('users.status'),
        ]}
        list={list}
        minWidth={760}
        rows={list.items.map((user) => ({
          key: user.id,
          cells: [
            <Link to={`/users/${user.id}`} className="row-link">
              {user.full_name}
            </Link>,
            user.email,
            t(roleKey(user)),
            user.organisation.name,
            <span className="mono">{date(user.last_login_at)}</span>,
            <StatusText active={user.active} label={user.active ? t('users.activeLabel') : t('users.inactiveLabel')} />,
          ],
        }))}
      />
    </Stack>
  );
}
