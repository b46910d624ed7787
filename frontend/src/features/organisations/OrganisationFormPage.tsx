import { Button, Card, Checkbox, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';

import { call, callWithETag } from '../../api/client';
import {
  organisationsCreateOrganisation,
  organisationsGetOrganisation,
  organisationsUpdateOrganisation,
} from '../../client/sdk.gen';
import type { EnterpriseKind, OrganisationKind, OrganisationRead } from '../../client/types.gen';
import { Loading, ProblemAlert } from '../../components/Feedback';
import { LoadError } from '../../components/NotFound';
import { HistoryPanel } from '../../components/HistoryPanel';
import { PageHeader } from '../../components/PageHeader';
import { StatusText } from '../../components/StatusText';
import { TerritoryPicker, type TerritoryValue } from '../../components/TerritoryPicker';
import { useApiSubmit } from '../../hooks/useApiSubmit';
import { fieldMap } from '../../lib/problem';
import { formatSiret } from '../../lib/siret';
import { useValidator } from '../../hooks/useValidator';
import { maxLength, NAME_MAX_LENGTH, normaliseSiret, required, siret, wholeNumber } from '../../lib/validation';
import { useAuth } from '../auth/AuthProvider';
import { type OrganisationChoice, OrganisationSelect } from '../users/OrganisationSelect';
import { ENTERPRISE_KINDS, isOrganisationKind, ORGANISATION_KINDS } from './kinds';

interface Values {
  name: string;
  kind: OrganisationKind;
  siret: string;
  territory: TerritoryValue[];
  enterprise_kind: EnterpriseKind;
  ess: boolean;
  coordinator: OrganisationChoice | null;
  retention_months: string;
}

const FIELDS = fieldMap(['name', 'kind', 'siret', 'territory', 'enterprise_kind', 'ess', 'retention_months'], {
  coordinator_id: 'coordinator',
});
/** Kinds whose referents can belong to a coordinated network (a PLIE's). */
const COORDINATED_KINDS: readonly OrganisationKind[] = ['prescriber', 'facilitation_structure'];
const COORDINATOR_KINDS: readonly OrganisationKind[] = ['facilitation_structure', 'network'];
/** Kinds owning participants' records (controllers): they may set their own retention period. */
const PORTFOLIO_KINDS: readonly OrganisationKind[] = ['facilitation_structure', 'prescriber', 'network'];
/** The retention periods the server takes (organisations/schemas.py `RetentionMonths`). */
const RETENTION = { min: 12, max: 36 } as const;

function valuesOf(organisation?: OrganisationRead): Values {
  return {
    name: organisation?.name ?? '',
    kind: organisation?.kind ?? 'buyer',
    // Shown as printed; spaces are taken out again when sent (normaliseSiret).
    siret: organisation?.siret ? formatSiret(organisation.siret) : '',
    territory: (organisation?.territory ?? []).map(({ level, code, name }) => ({ level, code, name })),
    enterprise_kind: organisation?.enterprise_kind ?? 'ordinary',
    ess: organisation?.ess ?? false,
    coordinator: organisation?.coordinator ? { id: organisation.coordinator.id, name: organisation.coordinator.name } : null,
    retention_months: organisation?.retention_months == null ? '' : String(organisation.retention_months),
  };
}

function bodyOf(values: Values) {
  const isEnterprise = values.kind === 'enterprise';
  return {
    name: values.name.trim(),
    kind: values.kind,
    siret: values.siret.trim() ? normaliseSiret(values.siret) : null,
    territory: values.territory.map(({ level, code }) => ({ level, code })),
    enterprise_kind: isEnterprise ? values.enterprise_kind : null,
    ess: isEnterprise && values.ess,
    coordinator_id: COORDINATED_KINDS.includes(values.kind) ? (values.coordinator?.id ?? null) : null,
    retention_months: PORTFOLIO_KINDS.includes(values.kind) && values.retention_months.trim() !== '' ? Number(values.retention_months.trim()) : null,
  };
}

interface Loaded {
  data: OrganisationRead;
  etag: string;
}

/** Create (no record) or edit (record + its ETag, sent back as If-Match). */
function OrganisationForm({ record, onReload }: { record?: Loaded; onReload?: () => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const rule = useValidator();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // An organisation's read says whether it may be changed; a new one is offered to managers only.
  const readOnly = record ? !record.data.actions?.edit : !can('organisations:manage');
  const form = useForm<Values>({
    initialValues: valuesOf(record?.data),
    // The server's bounds (organisations/schemas.py), so every error shows at once.
    validate: {
      name: rule(required, maxLength(NAME_MAX_LENGTH)),
      siret: rule(siret),
      retention_months: (value, values) =>
        PORTFOLIO_KINDS.includes(values.kind) ? rule(wholeNumber(RETENTION.min, RETENTION.max))(value) : null,
    },
  });
  const { busy, run, alert } = useApiSubmit(form, FIELDS);

  const update = (changes: Partial<ReturnType<typeof bodyOf>> & { active?: boolean }) =>
    run(async () => {
      if (!record) return;
      const saved = await callWithETag(
        organisationsUpdateOrganisation({
          path: { organisation_id: record.data.id },
          headers: { 'If-Match': record.etag },
          body: changes,
        }),
      );
      queryClient.setQueryData(['organisation', record.data.id], saved);
      await queryClient.invalidateQueries({ queryKey: ['organisations'] });
      await queryClient.invalidateQueries({ queryKey: ['audit'] });
      notifications.show({ color: 'green', message: t('app.saved') });
    });

  const submit = form.onSubmit((values) => {
    if (record) return update(bodyOf(values));
    return run(async () => {
      const created = await call(organisationsCreateOrganisation({ body: bodyOf(values) }));
      await queryClient.invalidateQueries({ queryKey: ['organisations'] });
      notifications.show({ color: 'green', message: t('organisations.created') });
      navigate(`/organisations/${created.id}`, { replace: true });
    });
  });

  const active = record?.data.active ?? true;
  return (
    <Card withBorder padding="lg" component="section" aria-label={t('organisations.formLabel')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ProblemAlert {...alert} onReload={onReload} />
          <TextInput label={t('organisations.name')} required={!readOnly} readOnly={readOnly} {...form.getInputProps('name')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('organisations.kind')}
              required={!readOnly}
              readOnly={readOnly}
              rightSection={readOnly ? null : undefined}
              variant={readOnly ? 'filled' : 'default'}
              allowDeselect={false}
              data={ORGANISATION_KINDS.map((value) => ({ value, label: t(`kinds.${value}`) }))}
              {...form.getInputProps('kind')}
              onChange={(value) => isOrganisationKind(value) && form.setFieldValue('kind', value)}
            />
            <TextInput
              label={t('organisations.siret')}
              description={t('organisations.siretHelp')}
              readOnly={readOnly}
              inputMode="numeric"
              autoComplete="off"
              {...form.getInputProps('siret')}
            />
          </SimpleGrid>
          {form.values.kind === 'enterprise' && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('organisations.enterpriseKind')}
                readOnly={readOnly}
                rightSection={readOnly ? null : undefined}
                variant={readOnly ? 'filled' : 'default'}
                allowDeselect={false}
                data={ENTERPRISE_KINDS.map((value) => ({ value, label: t(`enterpriseKinds.${value}`) }))}
                {...form.getInputProps('enterprise_kind')}
              />
              <Checkbox
                mt={{ sm: 28 }}
                label={t('organisations.ess')}
                disabled={readOnly}
                {...form.getInputProps('ess', { type: 'checkbox' })}
              />
            </SimpleGrid>
          )}
          {COORDINATED_KINDS.includes(form.values.kind) && (
            <OrganisationSelect
              label={t('organisations.coordinator')}
              description={t('organisations.coordinatorHelp')}
              required={false}
              readOnly={readOnly}
              kinds={COORDINATOR_KINDS}
              value={form.values.coordinator}
              error={form.errors.coordinator}
              onChange={(coordinator) => form.setFieldValue('coordinator', coordinator)}
            />
          )}
          {PORTFOLIO_KINDS.includes(form.values.kind) && (
            <TextInput
              inputMode="numeric"
              label={t('organisations.retentionMonths')}
              description={t('organisations.retentionHelp')}
              placeholder={t('organisations.retentionDefault')}
              readOnly={readOnly}
              maw={360}
              {...form.getInputProps('retention_months')}
            />
          )}
          <TerritoryPicker
            label={t('organisations.territory')}
            description={t('organisations.territoryHelp')}
            readOnly={readOnly}
            value={form.values.territory}
            error={form.errors.territory}
            onChange={(territory) => form.setFieldValue('territory', territory)}
          />
          {record && (
            <Group gap="xs">
              <StatusText
                active={active}
                label={active ? t('organisations.activeLabel') : t('organisations.inactiveLabel')}
              />
            </Group>
          )}
          <Group mt="xs">
            {!readOnly && (
              <Button type="submit" loading={busy}>
                {record ? t('app.save') : t('app.create')}
              </Button>
            )}
            {!readOnly && record && (
              <Button variant="outline" color={active ? 'red.9' : 'levier'} onClick={() => void update({ active: !active })}>
                {active ? t('organisations.deactivate') : t('organisations.reactivate')}
              </Button>
            )}
            <Button variant="subtle" onClick={() => navigate('/organisations')}>
              {t('app.backToList')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

export function OrganisationFormPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { can } = useAuth();
  const record = useQuery({
    queryKey: ['organisation', id],
    queryFn: () => callWithETag(organisationsGetOrganisation({ path: { organisation_id: id ?? '' } })),
    enabled: Boolean(id),
  });
  if (!id) {
    return (
      <Stack gap="md" maw={860}>
        <PageHeader title={t('organisations.new')} />
        <OrganisationForm />
      </Stack>
    );
  }
  if (record.isPending) return <Loading />;
  if (record.error) return <LoadError error={record.error} />;
  return (
    <Stack gap="md" maw={860}>
      <PageHeader
        title={record.data.data.actions?.edit ? t('organisations.editTitle') : t('organisations.viewTitle')}
        description={record.data.data.name}
      />
      {/* A new version (after saving or reloading) starts the form afresh from the server's values. */}
      <OrganisationForm
        key={record.data.data.version}
        record={record.data}
        onReload={() => void record.refetch()}
      />
      {can('audit:read') && <HistoryPanel entityType="organisation" entityId={id} />}
    </Stack>
  );
}
