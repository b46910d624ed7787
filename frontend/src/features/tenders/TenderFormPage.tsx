import { Button, Card, Group, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { call } from '../../api/client';
import { operationsListOperations, organisationsListStructures, tendersCreateTender } from '../../client/sdk.gen';
import type { Ccag, Nature, PriceForm, Procedure } from '../../client/types.gen';
import { ProblemAlert } from '../../components/Feedback';
import { PageHeader } from '../../components/PageHeader';
import { TerritoryPicker, type TerritoryValue } from '../../components/TerritoryPicker';
import { useApiSubmit } from '../../hooks/useApiSubmit';
import { useValidator } from '../../hooks/useValidator';
import { required } from '../../lib/validation';
import { useAuth } from '../auth/AuthProvider';
import { type OrganisationChoice, OrganisationSelect } from '../users/OrganisationSelect';
import { CpvInput } from './CpvInput';
import { CCAGS, NATURES, PRICE_FORMS, PROCEDURES } from './vocabularies';

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

const FIELDS = [
  'buyer_id',
  'structure_id',
  'operation_id',
  'reference',
  'object',
  'procedure',
  'nature',
  'ccag',
  'price_form',
  'cpv_code',
  'place_of_execution',
  'publication_date',
  'deadline_date',
];

export function TenderFormPage() {
  const { t } = useTranslation();
  const { me, can } = useAuth();
  const rule = useValidator();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const isBuyer = me?.role === 'buyer';
  const operations = useQuery({
    queryKey: ['operations', 'choices'],
    queryFn: () => call(operationsListOperations({ query: { limit: 200 } })),
    enabled: can('operations:read'),
  });
  const structures = useQuery({
    queryKey: ['structures'],
    queryFn: () => call(organisationsListStructures()),
    enabled: isBuyer,
  });
  const form = useForm<Values>({
    initialValues: {
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
    validate: { reference: rule(required), object: rule(required), cpv_code: rule(required) },
  });
  const { error, busy, run } = useApiSubmit(form);
  const placeError = Object.entries(form.errors).find(([path]) => path.startsWith('place'))?.[1];
  const submit = form.onSubmit((values) =>
    run(async () => {
      const [place] = values.place;
      const created = await call(
        tendersCreateTender({
          body: {
            buyer_id: isBuyer ? null : (values.buyer?.id ?? null),
            structure_id: isBuyer ? values.structure_id : null,
            operation_id: values.operation_id,
            reference: values.reference.trim(),
            object: values.object.trim(),
            procedure: values.procedure,
            nature: values.nature,
            ccag: values.ccag,
            price_form: values.price_form,
            cpv_code: values.cpv_code.trim(),
            place_of_execution: place ? { level: place.level, code: place.code } : { level: 'commune', code: '' },
            publication_date: values.publication_date || null,
            deadline_date: values.deadline_date || null,
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
  return (
    <Stack gap="md" maw={900}>
      <PageHeader title={t('tenders.new')} />
      <Card withBorder padding="lg" component="section" aria-label={t('tenders.new')}>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <ProblemAlert error={error} shownFields={FIELDS} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {isBuyer ? (
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
                  error={form.errors.buyer_id}
                  onChange={(buyer) => form.setFieldValue('buyer', buyer)}
                />
              )}
              {can('operations:read') && (
                <Select
                  label={t('tenders.operation')}
                  clearable
                  placeholder={t('tenders.noOperation')}
                  data={(operations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
                  {...form.getInputProps('operation_id')}
                />
              )}
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('tenders.reference')} required {...form.getInputProps('reference')} />
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
              value={form.values.place}
              error={placeError}
              onChange={(place) => form.setFieldValue('place', place.slice(-1))}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput type="date" label={t('tenders.publicationDate')} {...form.getInputProps('publication_date')} />
              <TextInput type="date" label={t('tenders.deadlineDate')} {...form.getInputProps('deadline_date')} />
            </SimpleGrid>
            <Group>
              <Button type="submit" loading={busy}>
                {t('app.create')}
              </Button>
              <Button variant="subtle" onClick={() => navigate('/tenders')}>
                {t('app.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
