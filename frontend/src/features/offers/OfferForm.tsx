import { Paper, Select, SimpleGrid, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';

import { call, callWithETag } from '../../api/client';
import { offersCreateOffer, offersUpdateOffer } from '../../client/sdk.gen';
import type { ContractKind, OfferRead, OrganisationRef } from '../../client/types.gen';
import { DateField } from '../../components/DateField';
import { ProblemAlert } from '../../components/Feedback';
import { FormActions } from '../../components/FormActions';
import { TerritoryPicker } from '../../components/TerritoryPicker';
import { useApiSubmit } from '../../hooks/useApiSubmit';
import { todayIso } from '../../lib/dates';
import { fieldMap } from '../../lib/problem';
import { CONTRACT_KINDS, offerErrors, type OfferValues, typedNumber } from './offers';
import { RomePicker } from './RomePicker';

const FIELDS = fieldMap([
  'rome_code', 'title', 'commune_code', 'start_date', 'duration_months', 'hours_per_week',
  'posts', 'contract_kind', 'enterprise_id', 'description', 'lot_id',
]);

/** Open an offer on a lot (`lotId`), or change one (`offer` and its `etag`). */
export function OfferForm({
  lotId, enterprises = [], offer, etag, onDone, onCancel,
}: {
  lotId?: string;
  enterprises?: OrganisationRef[];
  offer?: OfferRead;
  etag?: string;
  onDone: (offer: OfferRead) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm<OfferValues>({
    initialValues: {
      rome_code: offer?.rome_code ?? '',
      rome_label: offer?.rome_label ?? '',
      title: offer?.title ?? '',
      commune_code: offer?.commune_code ?? '',
      commune_name: offer?.commune_name ?? '',
      start_date: offer?.start_date ?? '',
      duration_months: String(offer?.duration_months ?? 6),
      hours_per_week: offer ? String(Number(offer.hours_per_week)).replace('.', ',') : '35',
      posts: String(offer?.posts ?? 1),
      contract_kind: offer?.contract_kind ?? null,
      enterprise_id: offer?.enterprise.id ?? enterprises[0]?.id ?? null,
      description: offer?.description ?? '',
    },
    validate: (values) =>
      Object.fromEntries(Object.entries(offerErrors(values, todayIso())).map(([k, v]) => [k, t(v)])),
  });
  const { run, busy, alert } = useApiSubmit(form, FIELDS);
  const submit = form.onSubmit((values) =>
    run(async () => {
      const body = {
        rome_code: values.rome_code,
        title: values.title,
        commune_code: values.commune_code,
        start_date: values.start_date,
        duration_months: typedNumber(values.duration_months),
        hours_per_week: String(typedNumber(values.hours_per_week)),
        posts: typedNumber(values.posts),
        contract_kind: values.contract_kind as ContractKind,
        description: values.description,
      };
      if (offer) {
        const { data } = await callWithETag(
          offersUpdateOffer({ path: { offer_id: offer.id }, body, headers: { 'If-Match': etag ?? '' } }),
        );
        onDone(data);
      } else {
        onDone(
          await call(
            offersCreateOffer({ body: { ...body, lot_id: lotId, enterprise_id: values.enterprise_id ?? undefined } }),
          ),
        );
      }
    }),
  );
  const commune = form.values.commune_code
    ? [{ level: 'commune' as const, code: form.values.commune_code, name: form.values.commune_name }]
    : [];
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={3}>{offer ? t('offers.edit') : t('offers.new')}</Title>
          <ProblemAlert {...alert} />
          {!offer && enterprises.length > 1 && (
            <Select
              label={t('offers.enterprise')}
              data={enterprises.map((e) => ({ value: e.id, label: e.name }))}
              {...form.getInputProps('enterprise_id')}
            />
          )}
          <RomePicker
            label={t('offers.rome')}
            required
            value={form.values.rome_code || null}
            valueLabel={form.values.rome_label}
            onChange={(code, label) => {
              form.setFieldValue('rome_code', code ?? '');
              form.setFieldValue('rome_label', label);
            }}
            error={form.errors.rome_code}
          />
          <TextInput label={t('offers.jobTitle')} description={t('offers.jobTitleHelp')} maxLength={200} {...form.getInputProps('title')} />
          <TerritoryPicker
            label={t('offers.place')}
            required
            value={commune}
            onChange={(items) => {
              const last = items.filter((item) => item.level === 'commune').at(-1);
              form.setFieldValue('commune_code', last?.code ?? '');
              form.setFieldValue('commune_name', last?.name ?? '');
            }}
            error={form.errors.commune_code}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField
              label={t('offers.startDate')}
              required
              value={form.values.start_date}
              onChange={(value) => form.setFieldValue('start_date', value)}
              error={form.errors.start_date}
            />
            <TextInput label={t('offers.durationMonths')} required inputMode="numeric" {...form.getInputProps('duration_months')} />
            <TextInput label={t('offers.hoursPerWeek')} required inputMode="decimal" {...form.getInputProps('hours_per_week')} />
            <TextInput label={t('offers.posts')} required inputMode="numeric" {...form.getInputProps('posts')} />
          </SimpleGrid>
          <Select
            label={t('offers.contractKind')}
            required
            data={CONTRACT_KINDS.map((value) => ({ value, label: t(`contractKinds.${value}`) }))}
            {...form.getInputProps('contract_kind')}
          />
          <Textarea label={t('offers.description')} autosize minRows={2} maxLength={4000} {...form.getInputProps('description')} />
          <FormActions label={offer ? t('app.save') : t('offers.publish')} busy={busy} onCancel={onCancel} />
        </Stack>
      </form>
    </Paper>
  );
}
