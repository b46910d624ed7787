import { Button, Card, Checkbox, Group, NumberInput, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { call, callWithETag } from '../../api/client';
import { tendersCreateLot, tendersGetTender, tendersTransitionTender } from '../../client/sdk.gen';
import type { ConsiderationKind, TenderDetail, TenderStatus } from '../../client/types.gen';
import { Loading, ProblemAlert } from '../../components/Feedback';
import { PageHeader } from '../../components/PageHeader';
import { useApiSubmit } from '../../hooks/useApiSubmit';
import { useValidator } from '../../hooks/useValidator';
import { required } from '../../lib/validation';
import { useAuth } from '../auth/AuthProvider';
import { CpvInput } from './CpvInput';
import { CpvText } from './CpvText';
import { day, decimal, euros, integer } from './format';
import { StatusBadge } from './TendersPage';
import { CONSIDERATIONS, TRANSITIONS } from './vocabularies';
import { TableHead } from '../../components/TableHead';

interface LotValues {
  number: number | string;
  title: string;
  trade: string;
  cpv_code: string;
  estimated_amount: string;
  duration_months: number | string;
  considerations: ConsiderationKind[];
  criterion_weight: number | string;
}

const LOT_FIELDS = ['number', 'title', 'trade', 'cpv_code', 'estimated_amount', 'duration_months', 'considerations'];

function LotForm({ tender, onDone }: { tender: TenderDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const rule = useValidator();
  const queryClient = useQueryClient();
  const next = Math.max(0, ...tender.lots.map((lot) => lot.number)) + 1;
  const form = useForm<LotValues>({
    initialValues: {
      number: next,
      title: '',
      trade: '',
      cpv_code: tender.cpv_code,
      estimated_amount: '',
      duration_months: 12,
      considerations: ['insertion_clause'],
      criterion_weight: '',
    },
    validate: { title: rule(required), estimated_amount: rule(required) },
  });
  const { error, busy, run } = useApiSubmit(form);
  const submit = form.onSubmit((values) =>
    run(async () => {
      await call(
        tendersCreateLot({
          path: { tender_id: tender.id },
          body: {
            number: Number(values.number),
            title: values.title.trim(),
            trade: values.trade.trim(),
            cpv_code: values.cpv_code.trim(),
            estimated_amount: decimal(values.estimated_amount) ?? '',
            duration_months: Number(values.duration_months),
            considerations: values.considerations.map((kind) => ({
              kind,
              criterion_weight:
                kind === 'social_award_criterion' && values.criterion_weight !== ''
                  ? String(Number(values.criterion_weight) / 100)
                  : null,
            })),
          },
        }),
      );
      await queryClient.invalidateQueries({ queryKey: ['tender', tender.id] });
      notifications.show({ color: 'green', message: t('lots.created') });
      onDone();
    }),
  );
  return (
    <Card withBorder padding="lg" component="section" aria-label={t('tenders.addLot')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ProblemAlert error={error} shownFields={LOT_FIELDS} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput hideControls label={t('lots.number')} required min={1} {...form.getInputProps('number')} />
            <TextInput label={t('lots.title')} required {...form.getInputProps('title')} />
            <TextInput label={t('lots.trade')} {...form.getInputProps('trade')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <CpvInput
              label={t('tenders.cpv')}
              required
              value={form.values.cpv_code}
              error={form.errors.cpv_code}
              onChange={(value) => form.setFieldValue('cpv_code', value)}
            />
            <TextInput label={t('lots.estimatedAmount')} required inputMode="decimal" {...form.getInputProps('estimated_amount')} />
            <NumberInput hideControls label={t('lots.duration')} required min={1} {...form.getInputProps('duration_months')} />
          </SimpleGrid>
          <Checkbox.Group label={t('lots.considerations')} {...form.getInputProps('considerations')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
              {CONSIDERATIONS.map((kind) => (
                <Checkbox key={kind} value={kind} label={t(`considerations.${kind}`)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          {form.values.considerations.includes('social_award_criterion') && (
            <NumberInput
              label={t('lots.criterionWeight')}
              min={1}
              max={100}
              w={220}
              error={form.errors['considerations.0.criterion_weight']}
              {...form.getInputProps('criterion_weight')}
            />
          )}
          <Group>
            <Button type="submit" loading={busy}>
              {t('tenders.addLot')}
            </Button>
            <Button variant="subtle" onClick={onDone}>
              {t('app.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

export function TenderPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [moveError, setMoveError] = useState<unknown>(null);
  const record = useQuery({
    queryKey: ['tender', id],
    queryFn: () => callWithETag(tendersGetTender({ path: { tender_id: id } })),
  });
  if (record.isPending) return <Loading />;
  if (record.error) return <ProblemAlert error={record.error} />;
  const { data: tender, etag } = record.data;
  const move = async (status: TenderStatus) => {
    setMoveError(null);
    try {
      await call(
        tendersTransitionTender({ path: { tender_id: id }, headers: { 'If-Match': etag }, body: { status } }),
      );
      await queryClient.invalidateQueries({ queryKey: ['tender', id] });
      await queryClient.invalidateQueries({ queryKey: ['tenders'] });
      notifications.show({ color: 'green', message: t('tenders.transitioned') });
    } catch (error) {
      setMoveError(error);
    }
  };
  const editable = can('tenders:edit') && (tender.status === 'draft' || can('tenders:manage'));
  const details: [string, ReactNode][] = [
    [t('tenders.buyer'), tender.buyer.name],
    [t('tenders.procedure'), t(`procedures.${tender.procedure}`)],
    [t('tenders.nature'), t(`natures.${tender.nature}`)],
    [t('tenders.ccag'), t(`ccags.${tender.ccag}`)],
    [t('tenders.priceForm'), t(`priceForms.${tender.price_form}`)],
    [t('tenders.cpv'), <CpvText code={tender.cpv_code} />],
    [t('tenders.place'), `${tender.place_of_execution.name} (${tender.place_of_execution.code})`],
    [t('tenders.publicationDate'), day(tender.publication_date)],
    [t('tenders.deadlineDate'), day(tender.deadline_date)],
  ];
  return (
    <Stack gap="md">
      <PageHeader
        title={`${tender.reference} — ${tender.object}`}
        description={<StatusBadge status={tender.status} />}
        actions={
          can('tenders:manage') &&
          TRANSITIONS[tender.status].map((status) => (
            <Button
              key={status}
              variant={status === 'cancelled' ? 'outline' : 'filled'}
              color={status === 'cancelled' ? 'red.9' : undefined}
              onClick={() => void move(status)}
            >
              {t(`transitions.${status}`)}
            </Button>
          ))
        }
      />
      <ProblemAlert error={moveError} onReload={() => void record.refetch()} />
      <Card withBorder padding="lg" component="section" aria-labelledby="details-title">
        <Title order={2} size="h4" id="details-title" mb="xs">
          {t('tenders.details')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
          {details.map(([label, value]) => (
            <div key={label}>
              <Text size="xs" c="dimmed">
                {label}
              </Text>
              <Text size="sm">{value}</Text>
            </div>
          ))}
        </SimpleGrid>
      </Card>
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('tenders.lots')}
        </Title>
        {editable && !adding && <Button onClick={() => setAdding(true)}>{t('tenders.addLot')}</Button>}
      </Group>
      {adding && <LotForm tender={tender} onDone={() => setAdding(false)} />}
      <Paper withBorder>
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover className="data-table">
            <caption className="visually-hidden">{t('tenders.lots')}</caption>
            <TableHead columns={[t('lots.number'), t('lots.title'), t('lots.currentAmount'), t('lots.hours'), t('lots.considerations'), t('lots.awardee')]} />
            <Table.Tbody>
              {tender.lots.map((lot) => (
                <Table.Tr key={lot.id}>
                  <Table.Td>{lot.number}</Table.Td>
                  <Table.Td>
                    <Link to={`/tenders/${tender.id}/lots/${lot.id}`} className="row-link">
                      {lot.title}
                    </Link>
                    {lot.trade && (
                      <Text size="xs" c="dimmed">
                        {lot.trade}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{euros(lot.current_amount ?? lot.estimated_amount)}</Table.Td>
                  <Table.Td>{lot.required_hours === null ? '—' : `${integer(lot.required_hours)} h`}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{lot.considerations.map((c) => t(`considerations.${c.kind}`)).join(' ; ') || '—'}</Text>
                  </Table.Td>
                  <Table.Td>{lot.award?.members.map((m) => m.enterprise.name).join(', ') ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {tender.lots.length === 0 && (
          <Text c="dimmed" p="md" ta="center">
            {t('tenders.noLots')}
          </Text>
        )}
      </Paper>
    </Stack>
  );
}
