import { Anchor, Button, Group, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { call } from '../../api/client';
import { auditListAuditEvents, usersGetUser, usersListUsers } from '../../client/sdk.gen';
import type { AuditEventRead } from '../../client/types.gen';
import { DateField } from '../../components/DateField';
import { ListFrame } from '../../components/ListFrame';
import { PageHeader } from '../../components/PageHeader';
import { useCursorList } from '../../hooks/useCursorList';
import { useNamedChoice } from '../../hooks/useNamedChoice';
import { useUrlFilters } from '../../hooks/useUrlFilters';
import { todayIso } from '../../lib/dates';
import {
  AUDIT_ACTIONS,
  AUDITED_TYPES,
  auditQuery,
  changedFields,
  periodProblems,
  recordName,
  recordPath,
  type AuditFilters,
} from './audit';

interface Choice {
  id: string;
  name: string;
}

/** The author of entries, searched among the accounts by name or e-mail. */
function ActorSelect({ value, onChange }: { value: Choice | null; onChange: (value: Choice | null) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(value?.name ?? '');
  const [q] = useDebouncedValue(search.trim(), 250);
  const query = value && q === value.name ? '' : q;
  const users = useQuery({
    queryKey: ['users', 'pick', query],
    queryFn: () => call(usersListUsers({ query: { q: query || undefined, limit: 20 } })),
  });
  const options = (users.data?.items ?? []).map((user) => ({ value: user.id, label: user.full_name }));
  if (value && !options.some((option) => option.value === value.id)) options.unshift({ value: value.id, label: value.name });
  return (
    <Select
      label={t('audit.actor')}
      placeholder={t('audit.anyone')}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={users.isFetching ? t('app.loading') : t('app.none')}
      data={options}
      value={value?.id ?? null}
      onChange={(id, option) => onChange(id && option ? { id, name: option.label } : null)}
      w={{ base: '100%', sm: 240 }}
    />
  );
}

/** The admin's audit log: who changed or read what, and when, newest first. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const url = useUrlFilters(
    { actor_id: null, entity_type: null, entity_id: null, action: null, since: '', until: '' },
    { allowed: { entity_type: AUDITED_TYPES, action: AUDIT_ACTIONS } },
  );
  const filters: AuditFilters = {
    entityType: url.filters.entity_type,
    entityId: url.filters.entity_id,
    action: url.filters.action,
    since: url.filters.since,
    until: url.filters.until,
  };
  const set = (changes: Partial<AuditFilters>) =>
    url.setFilters({
      entity_type: changes.entityType,
      entity_id: changes.entityId,
      action: changes.action,
      since: changes.since,
      until: changes.until,
    });
  // The URL names the author by its id: their name, for the select, comes from the API.
  const actorId = url.filters.actor_id;
  const { choice: actor, remember } = useNamedChoice(
    'users',
    actorId,
    async (id) => (await call(usersGetUser({ path: { user_id: id } }))).full_name,
  );
  const setActor = (choice: Choice | null) => {
    remember(choice);
    url.setFilters({ actor_id: choice?.id ?? null });
  };
  const today = todayIso();
  const query = auditQuery(filters, actorId, today);
  const list = useCursorList(['audit', 'log', query], (cursor) =>
    call(auditListAuditEvents({ query: { ...query, cursor, limit: 50 } })),
  );
  const typeLabel = (type: string) => t(`audit.types.${type}`, { defaultValue: type });
  const when = (value: string) =>
    new Date(value).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'short', timeStyle: 'short' });
  const fieldsOf = (event: AuditEventRead) => {
    const names = changedFields(event).map((field) => t(`history.fields.${field}`, { defaultValue: field }));
    return names.length ? names.join(', ') : '—';
  };
  // An unreadable date is said by its own field; these need both days, or today.
  const problems = periodProblems(filters, today);
  return (
    <Stack gap="md">
      <PageHeader title={t('audit.title')} description={t('audit.intro')} />
      <Group align="start" gap="sm" role="search" aria-label={t('app.filters')}>
        <ActorSelect value={actor} onChange={setActor} />
        <Select
          label={t('audit.entityType')}
          placeholder={t('app.all')}
          clearable
          data={AUDITED_TYPES.map((value) => ({ value, label: typeLabel(value) }))}
          value={filters.entityType}
          onChange={(value) => set({ entityType: value, entityId: null })}
          w={{ base: '100%', sm: 240 }}
        />
        <Select
          label={t('audit.action')}
          placeholder={t('audit.anyAction')}
          clearable
          data={AUDIT_ACTIONS.map((value) => ({ value, label: t(`history.actions.${value}`) }))}
          value={filters.action ?? null}
          onChange={(action) => set({ action })}
          w={{ base: '100%', sm: 240 }}
        />
        <DateField
          label={t('audit.since')}
          value={filters.since}
          onChange={(since) => set({ since })}
          error={problems.since && t(problems.since)}
          w={170}
        />
        <DateField
          label={t('audit.until')}
          value={filters.until}
          onChange={(until) => set({ until })}
          error={problems.until && t(problems.until)}
          w={170}
        />
      </Group>
      {filters.entityId && filters.entityType && (
        <Group gap="xs">
          <Text size="sm">
            {t('audit.oneRecord')} <strong>{typeLabel(filters.entityType)}</strong>
          </Text>
          <Button variant="light" size="xs" onClick={() => set({ entityId: null })}>
            {t('audit.allRecords')}
          </Button>
        </Group>
      )}
      <ListFrame
        caption={t('audit.title')}
        columns={[t('audit.at'), t('audit.actor'), t('audit.action'), t('audit.record'), t('audit.fields')]}
        list={list}
        minWidth={820}
        rows={list.items.map((event) => {
          const path = recordPath(event);
          const name = recordName(event);
          const label = name ? `${typeLabel(event.entity_type)} · ${name}` : typeLabel(event.entity_type);
          return {
            key: event.id,
            cells: [
              <span className="mono">{when(event.at)}</span>,
              event.actor?.full_name ?? t('history.system'),
              t(`history.actions.${event.action}`, { defaultValue: event.action }),
              <Stack gap={2} align="flex-start">
                {path ? (
                  <Anchor component={Link} to={path} size="sm">
                    {label}
                  </Anchor>
                ) : (
                  <Text size="sm">{label}</Text>
                )}
                {filters.entityId !== event.entity_id && (
                  <Button
                    variant="subtle"
                    size="compact-xs"
                    px={0}
                    // The record's whole history: the other filters (author, action, period) go.
                    onClick={() =>
                      url.setFilters({
                        entity_type: event.entity_type,
                        entity_id: event.entity_id,
                        actor_id: null,
                        action: null,
                        since: '',
                        until: '',
                      })
                    }
                  >
                    {t('audit.recordHistory')}
                  </Button>
                )}
              </Stack>,
              <Text size="sm">{fieldsOf(event)}</Text>,
            ],
          };
        })}
      />
    </Stack>
  );
}
