import { Alert, Badge, Button, Card, Group, Modal, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';

import { call, callWithETag } from '../../api/client';
import {
  participantsAnonymiseParticipant,
  participantsGetParticipant,
  participantsParticipantFormOptions,
  participantsTransferParticipant,
} from '../../client/sdk.gen';
import type { ParticipantRead } from '../../client/types.gen';
import { Loading, ProblemAlert } from '../../components/Feedback';
import { LoadError } from '../../components/NotFound';
import { PageHeader } from '../../components/PageHeader';
import { toApiError } from '../../lib/problem';
import { personName } from '../referrals/referrals';
import { download } from '../tenders/files';
import { day } from '../tenders/format';
import { AccessLogSection } from './AccessLogSection';
import { ClauseExceptionSection } from './ClauseExceptionSection';
import { EligibilitySection } from './EligibilitySection';
import { LegalNotice } from './ParticipantFormPage';
import { PathwaySection } from './PathwaySection';
import { ageOn } from './vocabularies';

function Actions({ participant, etag, onChanged }: { participant: ParticipantRead; etag: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const { actions } = participant;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [target, setTarget] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [confirmingTransfer, setConfirmingTransfer] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const options = useQuery({
    queryKey: ['participants', 'options'],
    queryFn: () => call(participantsParticipantFormOptions()),
    enabled: actions.transfer,
  });
  const guard = async (action: () => Promise<void>) => {
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(caught);
    }
  };
  const transfer = () =>
    guard(async () => {
      setConfirmingTransfer(false);
      if (!target) return;
      await call(participantsTransferParticipant({ path: { participant_id: participant.id }, headers: { 'If-Match': etag }, body: { referent_id: target } }));
      await queryClient.invalidateQueries({ queryKey: ['participants'] });
      notifications.show({ color: 'green', message: t('participants.transferred', { name: targetName }) });
      // Whoever handed the person over to someone outside their scope no longer reads them.
      try {
        await call(participantsGetParticipant({ path: { participant_id: participant.id } }));
        onChanged();
      } catch (caught) {
        if (toApiError(caught).status !== 404) throw caught;
        navigate('/participants', { replace: true });
      }
    });
  const anonymise = () =>
    guard(async () => {
      await call(participantsAnonymiseParticipant({ path: { participant_id: participant.id } }));
      await queryClient.invalidateQueries({ queryKey: ['participants'] });
      notifications.show({ color: 'green', message: t('participants.anonymised') });
      navigate('/participants', { replace: true });
    });
  const base = `/api/v1/participants/${participant.id}/export`;
  const referents = (options.data?.referents ?? []).filter((r) => r.id !== participant.referent.id);
  const targetName = referents.find((r) => r.id === target)?.full_name ?? '';
  if (!actions.transfer && !actions.export && !actions.anonymise) return null;
  return (
    <Card withBorder padding="lg" component="section" aria-label={t('participants.transfer')}>
      <Stack gap="sm">
        <ProblemAlert error={error} onReload={onChanged} />
        {actions.transfer && referents.length > 0 && (
          <Group align="end">
            <Select label={t('participants.transferTo')} data={referents.map((r) => ({ value: r.id, label: r.full_name }))} value={target} onChange={setTarget} w={{ base: '100%', sm: 280 }} />
            <Button variant="light" disabled={!target} onClick={() => setConfirmingTransfer(true)}>{t('participants.transfer')}</Button>
          </Group>
        )}
        {actions.transfer && options.isSuccess && referents.length === 0 && (
          <Text size="sm" c="dimmed" data-testid="no-transfer-target">
            {t('participants.noTransferTarget')}
          </Text>
        )}
        <Group>
          {actions.export && (
            <>
              <Button variant="subtle" onClick={() => void guard(() => download(`${base}?format=json`, 'participant.json'))}>{t('participants.export')}</Button>
              <Button variant="subtle" onClick={() => void guard(() => download(`${base}?format=pdf`, 'participant.pdf'))}>{t('participants.exportPdf')}</Button>
            </>
          )}
          {actions.anonymise && (
            <Button variant="outline" color="red.9" onClick={() => setConfirming(true)}>{t('participants.anonymise')}</Button>
          )}
        </Group>
      </Stack>
      <Modal closeButtonProps={{ 'aria-label': t('app.close') }} opened={confirmingTransfer && Boolean(target)} onClose={() => setConfirmingTransfer(false)} title={t('participants.transfer')}>
        <Stack>
          <Text data-testid="transfer-confirm">
            {t('participants.transferConfirm', { person: personName(participant), from: participant.referent.full_name, to: targetName })}
          </Text>
          <Group>
            <Button onClick={() => void transfer()}>{t('participants.confirmTransfer')}</Button>
            <Button variant="subtle" onClick={() => setConfirmingTransfer(false)}>{t('app.cancel')}</Button>
          </Group>
        </Stack>
      </Modal>
      <Modal closeButtonProps={{ 'aria-label': t('app.close') }} opened={confirming} onClose={() => setConfirming(false)} title={t('participants.anonymise')}>
        <Stack>
          <Text>{t('participants.anonymiseConfirm')}</Text>
          <Group>
            <Button color="red.9" onClick={() => void anonymise()}>{t('participants.anonymise')}</Button>
            <Button variant="subtle" onClick={() => setConfirming(false)}>{t('app.cancel')}</Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

export function ParticipantPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const record = useQuery({
    queryKey: ['participant', id],
    queryFn: () => callWithETag(participantsGetParticipant({ path: { participant_id: id } })),
  });
  if (record.isPending) return <Loading />;
  if (record.error) return <LoadError error={record.error} />;
  const { data: p, etag } = record.data;
  const facts: [string, string][] = [
    [t('participants.birthDate'), p.birth_date ? `${day(p.birth_date)} (${t('participants.age', { age: ageOn(p.birth_date) })})` : '—'],
    [t('participants.gender'), t(`genders.${p.gender}`)],
    [t('participants.commune'), p.commune_name ? `${p.commune_name} (${p.commune_code})` : '—'],
    [t('participants.address'), p.address ?? '—'],
    [t('participants.email'), p.email ?? '—'],
    [t('participants.phone'), p.phone ?? '—'],
    [t('participants.franceTravailId'), p.france_travail_id ?? '—'],
    [t('participants.referent'), p.referent.full_name],
    [t('participants.structure'), p.structure?.name ?? t('participants.noStructure')],
  ];
  return (
    <Stack gap="md">
      <PageHeader
        title={`${p.last_name.toUpperCase()} ${p.first_names}`}
        description={
          <Group gap="xs" component="span">
            {p.qpv && <Badge variant="light" color="grape">{t('participants.qpv')}</Badge>}
            {p.pathway_status ? t(`pathwayStatus.${p.pathway_status}`) : t('pathwayStatus.none')}
          </Group>
        }
      />
      {p.retention_due_on && (
        <Alert color="orange" variant="light" title={t('participants.retentionDue')}>
          {t('participants.retentionNotice', { date: day(p.retention_due_on) })}
        </Alert>
      )}
      <LegalNotice />
      <Card withBorder padding="lg" component="section" aria-labelledby="identity-title">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4" id="identity-title">{t('participants.identity')}</Title>
          {p.actions.edit && (
            <Button variant="light" component={Link} to={`/participants/${p.id}/edit`}>
              {t('participants.edit')}
            </Button>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="xs">
          {facts.map(([label, value]) => (
            <div key={label}>
              <Text size="xs" c="dimmed">{label}</Text>
              <Text size="sm">{value}</Text>
            </div>
          ))}
        </SimpleGrid>
        {p.notes && <Text size="sm" mt="sm">{p.notes}</Text>}
      </Card>
      <EligibilitySection participant={p} />
      <PathwaySection participant={p} />
      {p.actions.grant_clause_exception && <ClauseExceptionSection participant={p} />}
      {p.actions.read_access_log && <AccessLogSection participant={p} />}
      <Actions key={p.version} participant={p} etag={etag} onChanged={() => void record.refetch()} />
    </Stack>
  );
}
