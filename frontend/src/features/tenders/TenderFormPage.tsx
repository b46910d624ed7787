import { Alert, Anchor, Card, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';

import { call, callWithETag } from '../../api/client';
import {
  organisationsListStructures,
  tendersCreateTender,
  tendersGetTender,
  tendersUpdateTender,
} from '../../client/sdk.gen';
import type { Ccag, Nature, PriceForm, Procedure, TenderDetail } from '../../client/types.gen';
import { DateField } from '../../components/DateField';
import { Loading, ProblemAlert } from '../../components/Feedback';
import { LoadError } from '../../components/NotFound';
import { PageHeader } from '../../components/PageHeader';
import { TerritoryPicker, type TerritoryValue } from '../../components/TerritoryPicker';
import { useApiSubmit } from '../../hooks/useApiSubmit';
import { useValidator } from '../../hooks/useValidator';
import { fieldMap } from '../../lib/problem';
import { isIsoDay, todayIso } from '../../lib/dates';
import { cpvCode, isoDay, maxLength, notTooEarly, notTooFar, required, tenderReference } from '../../lib/validation';
import { LENGTHS } from './checks';
import { useAuth } from '../auth/AuthProvider';
import { type OrganisationChoice, OrganisationSelect } from '../users/OrganisationSelect';
import { CpvInput } from './CpvInput';
import { OperationSelect } from './OperationSelect';
import { CCAGS, NATURES, PRICE_FORMS, PROCEDURES } from './vocabularies';
import { FormActions } from '../../components/FormActions';

interface Values {
  buyer: OrganisationChoice | null;
  structure_id: string | null;
  operation_id: string | null;
  reference: string;
  object: string;
  procedure: Procedure;
  nature: Nature;
  ccag: Ccag;
  price_form: PriceForm;
  cpv_code: string;
  place: TerritoryValue[];
  publication_date: string;
  deadline_date: string;
}

/** Where the form shows each field of the API (a buyer picks a structure, others a buyer). */
const FIELDS = fieldMap(
  ['structure_id', 'operation_id', 'reference', 'object', 'procedure', 'nature', 'ccag', 'price_form', 'cpv_code', 'publication_date', 'deadline_date'],
  { buyer_id: 'buyer', place_of_execution: 'place' },
);

/** The tender's form: creates a draft, or edits `tender` (PATCH with If-Match from `etag`). */
function TenderForm({ tender, etag, onReload }: { tender?: TenderDetail; etag?: string; onReload?: () => void }) {
  const { t } = useTranslation();
  const { me, can } = useAuth();
  const rule = useValidator();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const isBuyer = me?.role === 'buyer';
  const structures = useQuery({
    queryKey: ['structures'],
    queryFn: () => call(organisationsListStructures()),
    enabled: isBuyer,
  });
  const form = useForm<Values>({
    initialValues: tender
      ? {
          buyer: { id: tender.buyer.id, name: tender.buyer.name },
          structure_id: tender.structure_id,
          operation_id: tender.operation_id,
          reference: tender.reference,
          object: tender.object,
          procedure: tender.procedure,
          nature: tender.nature,
          ccag: tender.ccag,
          price_form: tender.price_form,
          cpv_code: tender.cpv_code,
          place: [tender.place_of_execution],
          publication_date: tender.publication_date ?? '',
          deadline_date: tender.deadline_date ?? '',
        }
      : {
          buyer: null,
          structure_id: null,
          operation_id: null,
          reference: '',
          object: '',
          procedure: 'open_tender',
          nature: 'contract',
          ccag: 'works',
          price_form: 'lump_sum',
          cpv_code: '',
          place: [],
          publication_date: '',
          deadline_date: '',
        },
    validate: {
      reference: rule(required, tenderReference),
      object: rule(required, maxLength(LENGTHS.object)),
      cpv_code: rule(required, cpvCode),
      // The place of execution is part of every tender (open data, enterprises' matching).
      place: (value) => (value.length ? null : t('validation.placeRequired')),
      buyer: (value) => (!tender && !isBuyer && !value ? t('validation.required') : null),
      structure_id: (value) => (!tender && isBuyer && !value ? t('validation.required') : null),
      // The server's bounds on a procurement day: from 2000, at most five years ahead.
      publication_date: rule(isoDay, notTooEarly, notTooFar(todayIso())),
      deadline_date: (value, values) =>
        rule(isoDay, notTooEarly, notTooFar(todayIso()))(value) ??
        // Compared only once both are real days (an unreadable publication says so itself).
        (isIsoDay(value) && isIsoDay(values.publication_date) && value < values.publication_date
          ? t('validation.deadlineBeforePublication')
          : null),
    },
  });
  const { busy, run, alert } = useApiSubmit(form, FIELDS);
  const submit = form.onSubmit((values) =>
    run(async () => {
      const [place] = values.place;
      const fields = {
        reference: values.reference.trim(),
        object: values.object.trim(),
        procedure: values.procedure,
        nature: values.nature,
        ccag: values.ccag,
        price_form: values.price_form,
        cpv_code: values.cpv_code.trim(),
        place_of_execution: { level: place.level, code: place.code },
        publication_date: values.publication_date || null,
        deadline_date: values.deadline_date || null,
      };
      if (tender) {
        await call(
          tendersUpdateTender({
            path: { tender_id: tender.id },
            headers: { 'If-Match': etag ?? '' },
            // Only who can see operations chooses one; others leave it as it is.
            body: can('operations:read') ? { ...fields, operation_id: values.operation_id } : fields,
          }),
        );
        await queryClient.invalidateQueries({ queryKey: ['tender', tender.id] });
        await queryClient.invalidateQueries({ queryKey: ['tenders'] });
        notifications.show({ color: 'green', message: t('tenders.updated') });
        navigate(`/tenders/${tender.id}`, { replace: true });
        return;
      }
      const created = await call(
        tendersCreateTender({
          body: {
            buyer_id: isBuyer ? null : (values.buyer?.id ?? null),
            structure_id: isBuyer ? values.structure_id : null,
            operation_id: values.operation_id,
            ...fields,
          },
        }),
      );
      await queryClient.invalidateQueries({ queryKey: ['tenders'] });
      notifications.show({ color: 'green', message: t('tenders.created') });
      navigate(`/tenders/${created.id}`, { replace: true });
    }),
  );
  const select = <T extends string>(name: keyof Values, label: string, values: readonly T[], prefix: string) => (
    <Select
      label={label}
      required
      allowDeselect={false}
      data={values.map((value) => ({ value, label: t(`${prefix}.${value}`) }))}
      {...form.getInputProps(name)}
    />
  );
  const title = tender ? t('tenders.editTitle', { reference: tender.reference }) : t('tenders.new');
  return (
    <Stack gap="md" maw={900}>
      <PageHeader title={title} />
      <Card withBorder padding="lg" component="section" aria-label={title}>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <ProblemAlert {...alert} onReload={onReload} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {tender ? (
                // The buyer of a tender does not change once it is created.
                <TextInput label={t('tenders.buyer')} value={tender.buyer.name} readOnly variant="filled" description={t('tenders.buyerFixed')} />
              ) : isBuyer ? (
                <Select
                  label={t('tenders.structure')}
                  required
                  data={(structures.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
                  {...form.getInputProps('structure_id')}
                />
              ) : (
                <OrganisationSelect
                  label={t('tenders.buyer')}
                  kinds={['buyer']}
                  value={form.values.buyer}
                  error={form.errors.buyer}
                  onChange={(buyer) => form.setFieldValue('buyer', buyer)}
                />
              )}
              {can('operations:read') && (
                <OperationSelect
                  label={t('tenders.operation')}
                  placeholder={t('tenders.noOperation')}
                  value={form.values.operation_id}
                  error={form.errors.operation_id}
                  onChange={(value) => form.setFieldValue('operation_id', value)}
                />
              )}
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('tenders.reference')} description={t('tenders.referenceHelp')} required {...form.getInputProps('reference')} />
              <CpvInput
                label={t('tenders.cpv')}
                required
                value={form.values.cpv_code}
                error={form.errors.cpv_code}
                onChange={(value) => form.setFieldValue('cpv_code', value)}
              />
            </SimpleGrid>
            <Textarea label={t('tenders.object')} required autosize minRows={2} {...form.getInputProps('object')} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {select('procedure', t('tenders.procedure'), PROCEDURES, 'procedures')}
              {select('nature', t('tenders.nature'), NATURES, 'natures')}
              {select('ccag', t('tenders.ccag'), CCAGS, 'ccags')}
              {select('price_form', t('tenders.priceForm'), PRICE_FORMS, 'priceForms')}
            </SimpleGrid>
            <TerritoryPicker
              label={t('tenders.place')}
              description={t('tenders.placeHelp')}
              required
              value={form.values.place}
              error={form.errors.place}
              onChange={(place) => form.setFieldValue('place', place.slice(-1))}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <DateField label={t('tenders.publicationDate')} {...form.getInputProps('publication_date')} />
              <DateField label={t('tenders.deadlineDate')} {...form.getInputProps('deadline_date')} />
            </SimpleGrid>
            <FormActions label={tender ? t('app.save') : t('app.create')} busy={busy} onCancel={() => navigate(tender ? `/tenders/${tender.id}` : '/tenders')} />
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}

export function TenderFormPage() {
  return <TenderForm />;
}

/** /tenders/:id/edit — the same form, filled from the tender, saved with If-Match. */
export function TenderEditPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const record = useQuery({
    queryKey: ['tender', id],
    queryFn: () => callWithETag(tendersGetTender({ path: { tender_id: id } })),
  });
  if (record.isPending) return <Loading />;
  if (record.error) return <LoadError error={record.error} />;
  const { data, etag } = record.data;
  // A tender the API no longer lets the caller change is not offered as a form.
  if (!data.actions.edit) {
    return (
      <Stack gap="md">
        <PageHeader title={`${data.reference} — ${data.object}`} />
        <Alert color="gray" variant="light">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('tenders.notEditable')}</Text>
            <Anchor component={Link} to={`/tenders/${data.id}`}>
              {t('lots.back')}
            </Anchor>
          </Stack>
        </Alert>
      </Stack>
    );
  }
  return <TenderForm key={etag} tender={data} etag={etag} onReload={() => void record.refetch()} />;
}
