import { Alert, Anchor, Card, Checkbox, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';

import { call, callWithETag } from '../../api/client';
import {
  participantsCreateParticipant,
  participantsGetParticipant,
  participantsParticipantFormOptions,
  participantsUpdateParticipant,
} from '../../client/sdk.gen';
import type { ParticipantRead } from '../../client/types.gen';
import { DateField } from '../../components/DateField';
import { Loading, ProblemAlert } from '../../components/Feedback';
import { FormActions } from '../../components/FormActions';
import { LoadError } from '../../components/NotFound';
import { PageHeader } from '../../components/PageHeader';
import { TerritoryPicker } from '../../components/TerritoryPicker';
import { useApiSubmit } from '../../hooks/useApiSubmit';
import { useValidator } from '../../hooks/useValidator';
import { todayIso } from '../../lib/dates';
import { ApiError, fieldMap } from '../../lib/problem';
import { birthDate, email, franceTravailId, isoDay, maxLength, NAME_MAX_LENGTH, optional, phone, required } from '../../lib/validation';
import { participantBody, participantChanges, participantValues, type ParticipantValues } from './participantForm';
import { SimilarPeople } from './SimilarPeople';
import { GENDERS } from './vocabularies';

/** Where the form shows each field of the API (the commune picker shows `commune_code`). */
const FIELDS = fieldMap(
  ['last_name', 'first_names', 'birth_date', 'gender', 'qpv', 'address', 'email', 'phone', 'france_travail_id', 'notes', 'structure_id', 'health_consent'],
  { commune_code: 'commune' },
);

/** The purpose and legal basis, shown wherever participants' data is collected. */
export function LegalNotice() {
  const { t } = useTranslation();
  return (
    // A note, not an alert: it is on every participant page, and a screen reader would
    // announce an alert each time.
    <Alert variant="light" color="blue" role="note" title={t('participants.legalTitle')} data-testid="legal-notice">
      {t('participants.legal')}
    </Alert>
  );
}

/** A participant's identity: adds one, or corrects `participant` (PATCH of what changed, If-Match). */
function ParticipantForm({ participant, etag, onReload }: { participant?: ParticipantRead; etag?: string; onReload?: () => void }) {
  const { t } = useTranslation();
  const rule = useValidator();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const options = useQuery({ queryKey: ['participants', 'options'], queryFn: () => call(participantsParticipantFormOptions()) });
  const today = todayIso();
  const initial = participantValues(participant);
  const form = useForm<ParticipantValues>({
    initialValues: initial,
    validate: {
      last_name: rule(required, maxLength(NAME_MAX_LENGTH)),
      first_names: rule(required, maxLength(NAME_MAX_LENGTH)),
      birth_date: rule(required, isoDay, birthDate(today)),
      gender: rule(required),
      email: rule(optional(email)),
      phone: rule(phone),
      france_travail_id: rule(franceTravailId),
    },
  });
  const { error, busy, run, alert } = useApiSubmit(form, FIELDS);
  const back = participant ? `/participants/${participant.id}` : '/participants';
  const submit = form.onSubmit((values) =>
    run(async () => {
      if (participant) {
        const changes = participantChanges(initial, values);
        if (Object.keys(changes).length > 0) {
          await call(
            participantsUpdateParticipant({
              path: { participant_id: participant.id },
              headers: { 'If-Match': etag ?? '' },
              body: changes,
            }),
          );
        }
        await queryClient.invalidateQueries({ queryKey: ['participant', participant.id] });
        await queryClient.invalidateQueries({ queryKey: ['participants'] });
        notifications.show({ color: 'green', message: t('participants.updated') });
        navigate(back, { replace: true });
        return;
      }
      const created = await call(participantsCreateParticipant({ body: participantBody(values) }));
      await queryClient.invalidateQueries({ queryKey: ['participants'] });
      notifications.show({ color: 'green', message: t('participants.created') });
      navigate(`/participants/${created.id}`, { replace: true });
    }),
  );
  const existing = error instanceof ApiError && error.status === 409 ? (error.problem as { existing_id?: string } | undefined)?.existing_id : undefined;
  const title = participant ? t('participants.editTitle') : t('participants.new');
  // The calendar of an empty birth date opens thirty years back, not on this month.
  const thirtyYearsAgo = `${Number(today.slice(0, 4)) - 30}${today.slice(4)}`;
  return (
    <Card withBorder padding="lg" component="section" aria-label={title}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ProblemAlert {...alert} onReload={onReload} />
          {existing && (
            <Anchor component={Link} to={`/participants/${existing}`}>
              {t('participants.openExisting')}
            </Anchor>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('participants.lastName')} required {...form.getInputProps('last_name')} />
            <TextInput label={t('participants.firstNames')} required {...form.getInputProps('first_names')} />
            <DateField
              label={t('participants.birthDate')}
              description={t('participants.birthDateHelp')}
              required
              defaultDate={thirtyYearsAgo}
              {...form.getInputProps('birth_date')}
            />
            <Select
              label={t('participants.gender')}
              required
              allowDeselect={false}
              placeholder={t('app.choose')}
              data={GENDERS.map((value) => ({ value, label: t(`genders.${value}`) }))}
              {...form.getInputProps('gender')}
            />
          </SimpleGrid>
          {!participant && <SimilarPeople lastName={form.values.last_name} firstNames={form.values.first_names} />}
          <TerritoryPicker
            label={t('participants.communeCode')}
            value={form.values.commune}
            error={form.errors.commune}
            onChange={(value) => form.setFieldValue('commune', value.filter((v) => v.level === 'commune').slice(-1))}
          />
          <Checkbox label={t('participants.qpvResident')} {...form.getInputProps('qpv', { type: 'checkbox' })} />
          <TextInput label={t('participants.address')} {...form.getInputProps('address')} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t('participants.email')} type="email" {...form.getInputProps('email')} />
            <TextInput label={t('participants.phone')} type="tel" description={t('participants.phoneHelp')} {...form.getInputProps('phone')} />
            <TextInput label={t('participants.franceTravailId')} {...form.getInputProps('france_travail_id')} />
          </SimpleGrid>
          <Select
            label={t('participants.structure')}
            clearable
            placeholder={t('participants.noStructure')}
            data={(options.data?.structures ?? []).map((s) => ({ value: s.id, label: s.name }))}
            {...form.getInputProps('structure_id')}
          />
          <Textarea label={t('participants.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
          <Checkbox label={t('participants.healthConsent')} {...form.getInputProps('health_consent', { type: 'checkbox' })} />
          <FormActions label={participant ? t('app.save') : t('app.create')} busy={busy} onCancel={() => navigate(back)} />
        </Stack>
      </form>
    </Card>
  );
}

export function ParticipantFormPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={900}>
      <PageHeader title={t('participants.new')} />
      <LegalNotice />
      <ParticipantForm />
    </Stack>
  );
}

/** /participants/:id/edit — the creation form, filled from the record, saved with If-Match. */
export function ParticipantEditPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const record = useQuery({
    queryKey: ['participant', id],
    queryFn: () => callWithETag(participantsGetParticipant({ path: { participant_id: id } })),
  });
  if (record.isPending) return <Loading />;
  if (record.error) return <LoadError error={record.error} />;
  const { data, etag } = record.data;
  return (
    <Stack gap="md" maw={900}>
      <PageHeader title={t('participants.editTitle')} description={`${data.last_name.toUpperCase()} ${data.first_names}`} />
      <LegalNotice />
      {data.actions.edit ? (
        // A new version (after a reload) starts the form afresh from the server's values.
        <ParticipantForm key={etag} participant={data} etag={etag} onReload={() => void record.refetch()} />
      ) : (
        <Alert color="gray" variant="light">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('participants.notEditable')}</Text>
            <Anchor component={Link} to={`/participants/${data.id}`}>
              {t('participants.backToRecord')}
            </Anchor>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
