import { Badge, Button, Checkbox, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { call } from '../../api/client';
import { participantsListParticipants } from '../../client/sdk.gen';
import { ListFrame } from '../../components/ListFrame';
import { PageHeader } from '../../components/PageHeader';
import { useCursorList } from '../../hooks/useCursorList';
import { useUrlFilters } from '../../hooks/useUrlFilters';
import { isOneOf } from '../tenders/vocabularies';
import { day } from '../tenders/format';
import { useAuth } from '../auth/AuthProvider';
import { ageOn, CRITERIA, EXIT_CATEGORIES, SENSITIVE_CRITERIA } from './vocabularies';

const PATHWAY_FILTERS = ['open', 'exited', 'none'] as const;
const OPEN_CRITERIA = CRITERIA.filter((c) => !SENSITIVE_CRITERIA.includes(c));

export function ParticipantsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  // The retention warning e-mail links here with ?retention_due=1.
  const { filters, setFilters, textInput } = useUrlFilters(
    { q: '', pathway: null, criterion: null, exit_category: null, retention_due: false },
    { allowed: { pathway: PATHWAY_FILTERS, criterion: OPEN_CRITERIA, exit_category: EXIT_CATEGORIES } },
  );
  const { q, pathway, criterion, exit_category: exit, retention_due: retentionDue } = filters;
  const list = useCursorList(['participants', 'list', q, pathway, criterion, exit, retentionDue], (cursor) =>
    call(
      participantsListParticipants({
        query: {
          q: q || undefined,
          pathway: isOneOf(PATHWAY_FILTERS, pathway) ? pathway : undefined,
          criterion: isOneOf(OPEN_CRITERIA, criterion) ? criterion : undefined,
          exit_category: isOneOf(EXIT_CATEGORIES, exit) ? exit : undefined,
          retention_due: retentionDue || undefined,
          cursor,
          limit: 50,
        },
      }),
    ),
  );
  return (
    <Stack gap="md">
      <PageHeader
        title={t('participants.title')}
        description={t('participants.intro')}
        actions={
          can('participants:write') && (
            <>
              <Button variant="light" component={Link} to="/participants/import">
                {t('participants.import')}
              </Button>
              <Button component={Link} to="/participants/new">
                {t('participants.new')}
              </Button>
            </>
          )
        }
      />
      <Group align="end" gap="sm" role="search" aria-label={t('app.filters')}>
        <TextInput label={t('participants.search')} type="search" {...textInput('q')} w={{ base: '100%', sm: 240 }} />
        <Select label={t('participants.pathway')} clearable placeholder={t('app.all')} value={pathway} onChange={(value) => setFilters({ pathway: value })}
          data={PATHWAY_FILTERS.map((value) => ({ value, label: t(`pathwayStatus.${value}`) }))} w={{ base: '100%', sm: 190 }} />
        <Select label={t('participants.criterion')} clearable placeholder={t('app.all')} value={criterion} onChange={(value) => setFilters({ criterion: value })}
          data={OPEN_CRITERIA.map((value) => ({ value, label: t(`criteria.${value}`) }))} w={{ base: '100%', sm: 280 }} />
        <Select label={t('participants.exitCategory')} clearable placeholder={t('app.all')} value={exit} onChange={(value) => setFilters({ exit_category: value })}
          data={EXIT_CATEGORIES.map((value) => ({ value, label: t(`exitCategories.${value}`) }))} w={{ base: '100%', sm: 220 }} />
        <Checkbox label={t('participants.retentionDue')} checked={retentionDue} onChange={(e) => setFilters({ retention_due: e.currentTarget.checked })} mb={8} />
      </Group>
      <ListFrame
        caption={t('participants.title')}
        columns={[t('participants.name'), t('participants.birthDate'), t('participants.commune'), t('participants.referent'), t('participants.pathway'), t('participants.eligibleUntil')]}
        list={list}
        minWidth={760}
        rows={list.items.map((p) => ({
          key: p.id,
          cells: [
            <Link to={`/participants/${p.id}`} className="row-link">
              {p.last_name.toUpperCase()} {p.first_names}
            </Link>,
            p.birth_date ? `${day(p.birth_date)} (${t('participants.age', { age: ageOn(p.birth_date) })})` : '—',
            <>
              {p.commune_name ?? '—'} {p.qpv && <Badge size="xs" variant="light" color="grape">{t('participants.qpv')}</Badge>}
            </>,
            p.referent.full_name,
            <>
              {p.pathway_status ? t(`pathwayStatus.${p.pathway_status}`) : t('pathwayStatus.none')}
              {p.exit_category && ` — ${t(`exitCategories.${p.exit_category}`)}`}
              {p.retention_due_on && (
                <Text size="xs" fw={600} c="orange.9">
                  {t('participants.retentionDueOn', { date: day(p.retention_due_on) })}
                </Text>
              )}
            </>,
            day(p.eligible_until),
          ],
        }))}
      />
    </Stack>
  );
}
