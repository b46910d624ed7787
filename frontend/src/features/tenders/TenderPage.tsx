import { Anchor, Button, Card, Group, Modal, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { call, callWithETag } from '../../api/client';
import { tendersGetTender, tendersTransitionTender } from '../../client/sdk.gen';
import type { TenderDetail, TenderStatus } from '../../client/types.gen';
import { Loading, ProblemAlert } from '../../components/Feedback';
import { LoadError } from '../../components/NotFound';
import { PageHeader } from '../../components/PageHeader';
import { toApiError } from '../../lib/problem';
import { useAuth } from '../auth/AuthProvider';
import { CpvText } from './CpvText';
import { day, euros, integer } from './format';
import { LotForm } from './LotForm';
import { StatusBadge } from './TendersPage';
import { lotTrade } from './trade';
import { allowedMoves, confirmation, type LifecycleMove, type LotSituation, lotSituation } from './lifecycle';
import { todayIso } from '../../lib/dates';
import { DataTable } from '../../components/DataTable';

/** A lot's award or decision as one line of the tender's lots table. */
export function useSituationText() {
  const { t } = useTranslation();
  return (situation: LotSituation): string => {
    if (situation.kind === 'awarded') return situation.awardees.join(', ');
    if (situation.kind === 'closed')
      return t('lots.outcomeLine', { outcome: t(`lotOutcomes.${situation.outcome}`), date: day(situation.on), reason: situation.reason });
    return '—';
  };
}

/** The lifecycle buttons the tender's read allows; each move but starting the works is asked
 * for again first, saying what it does (and the day a later publication goes out). */
function LifecycleButtons({ tender, busy, onMove }: { tender: TenderDetail; busy: boolean; onMove: (status: TenderStatus) => void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState<LifecycleMove | null>(null);
  const label = (move: LifecycleMove) => t(`transitions.${move.target}`);
  const asked = confirming ? confirmation(confirming, tender, todayIso()) : null;
  return (
    <>
      {allowedMoves(tender.actions).map((move) => (
        <Button
          key={move.action}
          variant={move.confirm === 'final' ? 'outline' : 'filled'}
          color={move.target === 'cancelled' ? 'red.9' : undefined}
          loading={busy && !move.confirm}
          onClick={() => (move.confirm ? setConfirming(move) : onMove(move.target))}
        >
          {label(move)}
        </Button>
      ))}
      <Modal
        closeButtonProps={{ 'aria-label': t('app.close') }}
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={confirming ? t('tenders.confirmTitle', { action: label(confirming) }) : ''}
      >
        {confirming && asked && (
          <Stack>
            <Text data-testid="confirm-move">{t(asked.key, asked.values)}</Text>
            <Group>
              <Button
                color={confirming.target === 'cancelled' ? 'red.9' : undefined}
                loading={busy}
                onClick={() => {
                  onMove(confirming.target);
                  setConfirming(null);
                }}
              >
                {label(confirming)}
              </Button>
              <Button variant="subtle" onClick={() => setConfirming(null)}>
                {t('app.goBack')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}

/** A lot's hours in the lots table: those it must carry, or — for a lot closed without an
 * awardee — the hours it will not carry, said so (they count in no forecast). */
function LotHours({ lot }: { lot: TenderDetail['lots'][number] }) {
  const { t } = useTranslation();
  if (lot.required_hours === null) return <>—</>;
  if (lot.outcome)
    return (
      <Text size="sm" c="dimmed" data-testid="hours-not-due">
        {t('lots.hoursNotDue', { hours: integer(lot.required_hours) })}
      </Text>
    );
  return <>{`${integer(lot.required_hours)} h`}</>;
}

export function TenderPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [moveError, setMoveError] = useState<unknown>(null);
  const [moving, setMoving] = useState(false);
  const situationText = useSituationText();
  const record = useQuery({
    queryKey: ['tender', id],
    queryFn: () => callWithETag(tendersGetTender({ path: { tender_id: id } })),
  });
  if (record.isPending) return <Loading />;
  if (record.error) return <LoadError error={record.error} />;
  const { data: tender, etag } = record.data;
  const move = async (status: TenderStatus) => {
    setMoveError(null);
    setMoving(true);
    try {
      await call(
        tendersTransitionTender({ path: { tender_id: id }, headers: { 'If-Match': etag }, body: { status } }),
      );
      await queryClient.invalidateQueries({ queryKey: ['tender', id] });
      await queryClient.invalidateQueries({ queryKey: ['tenders'] });
      // What may be done with each lot follows the tender's state: their reads are stale too.
      await queryClient.invalidateQueries({ queryKey: ['lot'] });
      notifications.show({ color: 'green', message: t('tenders.transitioned') });
    } catch (error) {
      setMoveError(error);
      // Refused for what the tender or its lots became meanwhile: show them as they are now.
      if (toApiError(error).status === 409) {
        await queryClient.invalidateQueries({ queryKey: ['tender', id] });
        await queryClient.invalidateQueries({ queryKey: ['lot'] });
      }
    } finally {
      setMoving(false);
    }
  };
  // The operation the tender belongs to, linked for those who can open operations.
  const operation: ReactNode =
    tender.operation_id && tender.operation_name ? (
      can('operations:read') ? (
        <Anchor component={Link} to={`/operations/${tender.operation_id}`} data-testid="tender-operation">
          {tender.operation_name}
        </Anchor>
      ) : (
        <span data-testid="tender-operation">{tender.operation_name}</span>
      )
    ) : (
      t('tenders.noOperation')
    );
  const details: [string, ReactNode][] = [
    [t('tenders.buyer'), tender.buyer.name],
    [t('tenders.operation'), operation],
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
          <>
            {tender.actions.edit && (
              <Button component={Link} to={`/tenders/${tender.id}/edit`} variant="light">
                {t('tenders.edit')}
              </Button>
            )}
            <LifecycleButtons tender={tender} busy={moving} onMove={(status) => void move(status)} />
          </>
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
        {tender.actions.add_lot && !adding && <Button onClick={() => setAdding(true)}>{t('tenders.addLot')}</Button>}
      </Group>
      {adding && <LotForm tender={tender} onDone={() => setAdding(false)} />}
      <Paper withBorder>
        <DataTable
          caption={t('tenders.lots')}
          columns={[
            t('lots.number'),
            t('lots.title'),
            t('lots.trade'),
            t('lots.currentAmount'),
            t('lots.hours'),
            t('lots.considerations'),
            t('lots.awardOrOutcome'),
          ]}
          minWidth={820}
          rows={tender.lots.map((lot) => ({
            key: lot.id,
            cells: [
              <span className="mono">{t('lots.lot', { number: lot.number })}</span>,
              <Link to={`/tenders/${tender.id}/lots/${lot.id}`} className="row-link">
                {lot.title}
              </Link>,
              <Text size="sm">{lotTrade(lot) ?? '—'}</Text>,
              euros(lot.current_amount ?? lot.estimated_amount),
              <LotHours lot={lot} />,
              <Text size="sm">{lot.considerations.map((c) => t(`considerations.${c.kind}`)).join(' ; ') || '—'}</Text>,
              <Text size="sm" data-testid="lot-situation">{situationText(lotSituation(lot))}</Text>,
            ],
          }))}
        />
        {tender.lots.length === 0 && (
          <Text c="dimmed" p="md" ta="center">
            {t('tenders.noLots')}
          </Text>
        )}
      </Paper>
    </Stack>
  );
}
