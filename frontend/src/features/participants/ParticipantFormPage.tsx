import { Alert, Anchor, Card, Checkbox, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';

import { call } from '../../api/client';
import { participantsCreateParticipant, participantsParticipantFormOptions } from '../../client/sdk.gen';
import type { Gender } from '../../client/types.gen';
import { ProblemAlert } from '../../components/Feedback';
import { PageHeader } from '../../components/PageHeader';
import { TerritoryPicker, type TerritoryValue } from '../../components/TerritoryPicker';
import { useApiSubmit } from '../../hooks/useApiSubmit';
import { useValidator } from '../../hooks/useValidator';
import { ApiError } from '../../lib/problem';
import { required } from '../../lib/validation';
import { GENDERS } from './vocabularies';
import { FormActions } from '../../components/FormActions';

interface Values {
  last_name: string;
  first_names: string;
  birth_date: string;
  gender: Gender;
  commune: TerritoryValue[];
  qpv: boolean;
  address: string;
  email: string;
  phone: string;
  france_travail_id: string;
  notes: string;
  structure_id: string | null;
  health_consent: boolean;
}

const FIELDS = ['last_name', 'first_names', 'birth_date', 'gender', 'commune_code', 'qpv', 'address', 'email', 'phone', 'france_travail_id', 'notes', 'structure_id'];

/** The purpose and legal basis, shown wherever participants' data is collected. */
export function LegalNotice() {
  const { t } = useTranslation();
  return (
    <Alert variant="light" color="blue" title={t('participants.legalTitle')} data-testid="legal-notice">
      {t('participants.legal')}
    </Alert>
  );
}

export function ParticipantFormPage() {
  const { t } = useTranslation();
  const rule = useValidator();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const options = useQuery({ queryKey: ['participants', 'options'], queryFn: () => call(participantsParticipantFormOptions()) });
  const form = useForm<Values>({
    initialValues: {
      last_name: '', first_names: '', birth_date: '', gender: 'female', commune: [], qpv: false, address: '',
      email: '', phone: '', france_travail_id: '', notes: '', structure_id: null, health_consent: false,
    },
    validate: { last_name: rule(required), first_names: rule(required), birth_date: rule(required) },
  });
  const { error, busy, run } = useApiSubmit(form);
  const optional = (value: string) => value.trim() || null;
  const submit = form.onSubmit((values) =>
    run(async () => {
      const [commune] = values.commune;
      const created = await call(
        participantsCreateParticipant({
          body: {
            last_name: values.last_name.trim(),
            first_names: values.first_names.trim(),
            birth_date: values.birth_date,
            gender: values.gender,
            commune_code: commune ? commune.code : null,
            qpv: values.qpv,
            address: optional(values.address),
            email: optional(values.email),
            phone: optional(values.phone),
            france_travail_id: optional(values.france_travail_id),
            notes: values.notes.trim(),
            structure_id: values.structure_id,
            health_consent: values.health_consent,
          },
        }),
      );
      await queryClient.invalidateQueries({ queryKey: ['participants'] });
      notifications.show({ color: 'green', message: t('participants.created') });
      navigate(`/participants/${created.id}`, { replace: true });
    }),
  );
  const existing = error instanceof ApiError && error.status === 409 ? (error.problem as { existing_id?: string } | undefined)?.existing_id : undefined;
  const communeError = Object.entries(form.errors).find(([path]) => path.startsWith('commune'))?.[1];
  return (
    <Stack gap="md" maw={900}>
      <PageHeader title={t('participants.new')} />
      <LegalNotice />
      <Card withBorder padding="lg" component="section" aria-label={t('participants.new')}>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <ProblemAlert error={error} shownFields={FIELDS} />
            {existing && (
              <Anchor component={Link} to={`/participants/${existing}`}>
                {t('participants.openExisting')}
              </Anchor>
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('participants.lastName')} required {...form.getInputProps('last_name')} />
              <TextInput label={t('participants.firstNames')} required {...form.getInputProps('first_names')} />
              <TextInput type="date" label={t('participants.birthDate')} required {...form.getInputProps('birth_date')} />
              <Select label={t('participants.gender')} allowDeselect={false} data={GENDERS.map((value) => ({ value, label: t(`genders.${value}`) }))} {...form.getInputProps('gender')} />
            </SimpleGrid>
            <TerritoryPicker
              label={t('participants.communeCode')}
              value={form.values.commune}
              error={communeError ?? form.errors.commune_code}
              onChange={(value) => form.setFieldValue('commune', value.filter((v) => v.level === 'commune').slice(-1))}
            />
            <Checkbox label={t('participants.qpvResident')} {...form.getInputProps('qpv', { type: 'checkbox' })} />
            <TextInput label={t('participants.address')} {...form.getInputProps('address')} />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label={t('participants.email')} type="email" {...form.getInputProps('email')} />
              <TextInput label={t('participants.phone')} type="tel" {...form.getInputProps('phone')} />
              <TextInput label={t('participants.franceTravailId')} {...form.getInputProps('france_travail_id')} />
            </SimpleGrid>
            <Select
              label={t('participants.structure')}
              clearable
              data={(options.data?.structures ?? []).map((s) => ({ value: s.id, label: s.name }))}
              {...form.getInputProps('structure_id')}
            />
            <Textarea label={t('participants.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
            <Checkbox label={t('participants.healthConsent')} {...form.getInputProps('health_consent', { type: 'checkbox' })} />
            <FormActions label={t('app.create')} busy={busy} onCancel={() => navigate('/participants')} />
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
