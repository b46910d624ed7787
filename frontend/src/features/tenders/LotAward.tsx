import { ActionIcon, Button, Card, Checkbox, Group, Radio, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { call, callWithETag } from '../../api/client';
import { tendersAwardLot, tendersGetTender } from '../../client/sdk.gen';
import type { LotRead } from '../../client/types.gen';
import { ProblemAlert } from '../../components/Feedback';
import { DateField } from '../../components/DateField';
import { useApiSubmit } from '../../hooks/useApiSubmit';
import { fieldMap } from '../../lib/problem';
import { todayIso } from '../../lib/dates';
import { OrganisationSelect } from '../users/OrganisationSelect';
import { type AwardValues, awardBody, awardErrors } from './award';
import { day, euros, typedAmount } from './format';
import { CONSORTIUM_TYPES } from './vocabularies';
import { FormActions } from '../../components/FormActions';
import { useLotRefresh } from './useLotRefresh';
import { OutcomeForm, OutcomeLine, ReopenButton } from './LotOutcome';
import { useAuth } from '../auth/AuthProvider';

/** Where the form shows each field of the API (each member and subcontractor on its row). */
const FIELDS = fieldMap(['awarded_amount', 'notification_date', 'consortium_type', 'members', 'subcontractors', 'freeze_hours'], {
  'members.*.enterprise_id': 'members.*.enterprise',
  'members.*.amount': 'members.*.amount',
  'members.*.is_mandatary': 'members',
  'subcontractors.*.enterprise_id': 'subcontractors.*.enterprise',
  'subcontractors.*.amount': 'subcontractors.*.amount',
});

/**
 * The awardee (an enterprise or a consortium), amount, notification and subcontractors; or the
 * lot's closing without an awardee (unsuccessful or abandoned). Each form is offered when the
 * lot's read allows it.
 */
export function LotAward({ lot, etag, onReload }: { lot: LotRead; etag: string; onReload?: () => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const refresh = useLotRefresh(lot.id, lot.tender_id);
  const [mode, setMode] = useState<'award' | 'outcome' | null>(null);
  const editing = mode === 'award';
  // The tender's dates, read while the form is open: a notification before its deadline for
  // offers is said with the other errors (the server refuses it too).
  const tender = useQuery({
    queryKey: ['tender', lot.tender_id],
    queryFn: () => callWithETag(tendersGetTender({ path: { tender_id: lot.tender_id } })),
    enabled: editing,
  });
  const earliest = tender.data ? (tender.data.data.deadline_date ?? tender.data.data.publication_date) : null;
  const form = useForm<AwardValues>({
    initialValues: {
      consortium_type: 'none',
      awarded_amount: typedAmount(lot.current_amount ?? lot.estimated_amount),
      notification_date: '',
      members: [{ enterprise: null, amount: '' }],
      mandatary: '0',
      subcontractors: [],
      freeze_hours: lot.hours_frozen,
    },
    // Every field is checked at once, with the server's bounds (dates, amounts, each row
    // chosen, no awardee also subcontractor, the subcontracted total), so the form shows all
    // its errors together; the server adds the rules on the tender's dates.
    validate: (values) =>
      Object.fromEntries(
        Object.entries(awardErrors(values, todayIso(), earliest)).map(([path, problem]) => [
          path,
          problem === null ? null : typeof problem === 'string' ? t(problem) : t(problem.key, problem.values),
        ]),
      ),
  });
  const { busy, run, alert } = useApiSubmit(form, FIELDS);
  /** The form, filled with the award in force when there is one (changing it is re-awarding). */
  const openAward = () => {
    const current = lot.award;
    if (current) {
      form.setValues({
        consortium_type: current.consortium_type,
        awarded_amount: typedAmount(current.awarded_amount),
        notification_date: current.notification_date,
        members: current.members.map((m) => ({ enterprise: { id: m.enterprise.id, name: m.enterprise.name }, amount: typedAmount(m.amount) })),
        freeze_hours: lot.hours_frozen,
        mandatary: String(Math.max(0, current.members.findIndex((m) => m.is_mandatary))),
        subcontractors: current.subcontractors.map((s) => ({
          enterprise: { id: s.enterprise.id, name: s.enterprise.name },
          amount: typedAmount(s.amount),
        })),
      });
    }
    setMode('award');
  };
  const consortium = form.values.consortium_type !== 'none';
  const submit = form.onSubmit((values) =>
    run(async () => {
      await call(
        tendersAwardLot({
          path: { tender_id: lot.tender_id, lot_id: lot.id },
          headers: { 'If-Match': etag },
          body: awardBody(values),
        }),
      );
      await refresh();
      notifications.show({ color: 'green', message: t(lot.award ? 'lots.awardUpdated' : 'lots.awarded') });
      setMode(null);
    }),
  );
  const award = lot.award;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="award-title">
      <Group justify="space-between">
        <Title order={2} size="h4" id="award-title">
          {t('lots.awardTitle')}
        </Title>
        {mode === null && (
          <Group gap="xs">
            {lot.actions.award && (
              <Button variant="light" onClick={openAward}>
                {award ? t('lots.changeAward') : t('lots.award')}
              </Button>
            )}
            {lot.actions.close_without_award && (
              <Button variant={lot.outcome ? 'light' : 'subtle'} onClick={() => setMode('outcome')}>
                {lot.outcome ? t('lots.changeOutcome') : t('lots.declare')}
              </Button>
            )}
            {lot.actions.close_without_award && lot.outcome && <ReopenButton lot={lot} etag={etag} onReload={onReload} />}
          </Group>
        )}
      </Group>
      {award && !lot.actions.award && can('tenders:manage') && (
        <Text size="sm" c="dimmed" mt={4} data-testid="award-locked">
          {lot.actions.amend ? t('lots.awardLockedAmend') : t('lots.awardLocked')}
        </Text>
      )}
      {award ? (
        <Stack gap={4} mt="xs" data-testid="award">
          <Text>
            {t(`consortium.${award.consortium_type}`)} —{' '}
            {award.members
              .map((m) => `${m.enterprise.name}${m.is_mandatary && award.consortium_type !== 'none' ? ` (${t('lots.mandatary')})` : ''}`)
              .join(', ')}
          </Text>
          <Text size="sm">
            {t('app.labelled', { label: t('lots.awardedAmountShown') })} {euros(award.awarded_amount)} —{' '}
            {t('app.labelled', { label: t('lots.notificationDate') })} {day(award.notification_date)}
          </Text>
          {award.subcontractors.length > 0 && (
            <Text size="sm">
              {t('app.labelled', { label: t('lots.subcontractors') })}{' '}
              {award.subcontractors.map((s) => `${s.enterprise.name} (${euros(s.amount)})`).join(', ')}
            </Text>
          )}
        </Stack>
      ) : lot.outcome ? (
        <OutcomeLine lot={lot} />
      ) : (
        <Text c="dimmed" size="sm" mt="xs">
          {t('lots.notAwarded')}
        </Text>
      )}
      {mode === 'outcome' && <OutcomeForm lot={lot} etag={etag} onDone={() => setMode(null)} onReload={onReload} />}
      {editing && (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm" mt="md">
            <ProblemAlert {...alert} onReload={onReload} />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label={t('lots.consortiumType')}
                allowDeselect={false}
                data={CONSORTIUM_TYPES.map((value) => ({ value, label: t(`consortium.${value}`) }))}
                {...form.getInputProps('consortium_type')}
              />
              <TextInput label={t('lots.awardedAmount')} required inputMode="decimal" {...form.getInputProps('awarded_amount')} />
              <DateField label={t('lots.notificationDate')} required {...form.getInputProps('notification_date')} />
            </SimpleGrid>
            <Radio.Group
              label={t('lots.members')}
              error={form.errors.members}
              value={form.values.mandatary}
              onChange={(value) => form.setFieldValue('mandatary', value)}
            >
              <Stack gap="xs" mt="xs">
                {(consortium ? form.values.members : form.values.members.slice(0, 1)).map((member, index) => (
                  <Group key={index} align="end" wrap="nowrap">
                    <div style={{ flex: 1 }}>
                      <OrganisationSelect
                        label={`${t('lots.member')} ${index + 1}`}
                        kinds={['enterprise']}
                        value={member.enterprise}
                        error={form.errors[`members.${index}.enterprise`]}
                        onChange={(enterprise) => form.setFieldValue(`members.${index}.enterprise`, enterprise)}
                      />
                    </div>
                    {consortium && (
                      <TextInput
                        label={t('lots.memberAmount')}
                        inputMode="decimal"
                        w={170}
                        {...form.getInputProps(`members.${index}.amount`)}
                      />
                    )}
                    {consortium && <Radio value={String(index)} label={t('lots.mandatary')} mb={8} />}
                    {consortium && form.values.members.length > 1 && (
                      <ActionIcon variant="subtle" color="red.9" mb={4} aria-label={t('lots.remove')} onClick={() => form.removeListItem('members', index)}>
                        ×
                      </ActionIcon>
                    )}
                  </Group>
                ))}
              </Stack>
            </Radio.Group>
            {consortium && (
              <Group>
                <Button variant="subtle" onClick={() => form.insertListItem('members', { enterprise: null, amount: '' })}>
                  {t('lots.addMember')}
                </Button>
              </Group>
            )}
            <Text fw={500} size="sm" id="subcontractors-title">
              {t('lots.subcontractors')}
            </Text>
            {form.errors.subcontractors && (
              <Text c="red.8" size="sm" role="alert" data-testid="subcontractors-error">
                {form.errors.subcontractors}
              </Text>
            )}
            {form.values.subcontractors.map((sub, index) => (
              <Group key={index} align="end" wrap="nowrap">
                <div style={{ flex: 2 }}>
                  <OrganisationSelect
                    label={`${t('lots.subcontractor')} ${index + 1}`}
                    kinds={['enterprise']}
                    value={sub.enterprise}
                    error={form.errors[`subcontractors.${index}.enterprise`]}
                    onChange={(enterprise) => form.setFieldValue(`subcontractors.${index}.enterprise`, enterprise)}
                  />
                </div>
                <TextInput
                  style={{ flex: 1 }}
                  label={t('lots.subcontractorAmount')}
                  inputMode="decimal"
                  error={form.errors[`subcontractors.${index}.amount`]}
                  value={sub.amount}
                  onChange={(event) => form.setFieldValue(`subcontractors.${index}.amount`, event.currentTarget.value)}
                />
                <ActionIcon variant="subtle" color="red.9" mb={4} aria-label={t('lots.remove')} onClick={() => form.removeListItem('subcontractors', index)}>
                  ×
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button variant="subtle" onClick={() => form.insertListItem('subcontractors', { enterprise: null, amount: '' })}>
                {t('lots.addSubcontractor')}
              </Button>
            </Group>
            <Checkbox label={t('lots.freezeHours')} {...form.getInputProps('freeze_hours', { type: 'checkbox' })} />
            <FormActions label={award ? t('lots.saveAward') : t('lots.award')} busy={busy} onCancel={() => setMode(null)} />
          </Stack>
        </form>
      )}
    </Card>
  );
}
