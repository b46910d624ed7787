import { Anchor, Button, Card, Group, Modal, Paper, ScrollArea, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { call, callWithETag } from '../../api/client';
import { LotCompliancePanel } from '../compliance/LotCompliancePanel';
import { tendersAmendLot, tendersClauseArticlePreview, tendersGetLot, tendersLotHistory, tendersOverrideLotHours } from '../../client/sdk.gen';
import type { LotRead } from '../../client/types.gen';
import { Loading, ProblemAlert } from '../../components/Feedback';
import { LoadError } from '../../components/NotFound';
import { HistoryPanel } from '../../components/HistoryPanel';
import { PageHeader } from '../../components/PageHeader';
import { DateField } from '../../components/DateField';
import { useApiSubmit } from '../../hooks/useApiSubmit';
import { useValidator } from '../../hooks/useValidator';
import { fieldMap } from '../../lib/problem';
import { todayIso } from '../../lib/dates';
import { amount, atMost, isoDay, maxLength, minLength, notAfter, notBefore, notTooEarly, required, wholeNumber } from '../../lib/validation';
import { amendmentNotice } from './amendments';
import { AMOUNT_MAX, DURATION_MONTHS, LENGTHS, OVERRIDE_HOURS} from './checks';
import { useAuth } from '../auth/AuthProvider';
import { CpvText } from './CpvText';
import { articleNumberValid, articleUrl, type ArticleFormat } from './article';
import { DocumentBlocks } from './DocumentBlocks';
import { download } from './files';
import { day, decimal, euros, formula, integer } from './format';
import { LotAward } from './LotAward';
import { LotCalculator } from './LotCalculator';
import { LotForm } from './LotForm';
import { lotTrade } from './trade';
import { DataTable } from '../../components/DataTable';
import { FormActions } from '../../components/FormActions';
import { useLotRefresh } from './useLotRefresh';
import { LotOffers } from '../offers/LotOffers';
import { LotDocuments } from '../documents/LotDocuments';

function OverrideDialog({ lot, etag, opened, onClose, onReload }: { lot: LotRead; etag: string; opened: boolean; onClose: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const refresh = useLotRefresh(lot.id, lot.tender_id);
  const rule = useValidator();
  const form = useForm({
    initialValues: { hours: String(lot.override_hours ?? lot.computed_hours ?? 0), reason: lot.override_reason ?? '' },
    validate: {
      hours: rule(required, wholeNumber(OVERRIDE_HOURS.min, OVERRIDE_HOURS.max)),
      reason: rule(required, minLength(10), maxLength(LENGTHS.reason)),
    },
  });
  const { busy, run, alert } = useApiSubmit(form, fieldMap(['hours', 'reason']));
  const submit = form.onSubmit((values) =>
    run(async () => {
      await call(
        tendersOverrideLotHours({
          path: { tender_id: lot.tender_id, lot_id: lot.id },
          headers: { 'If-Match': etag },
          body: { hours: Number(decimal(values.hours)), reason: values.reason.trim() || null },
        }),
      );
      await refresh();
      onClose();
    }),
  );
  return (
    <Modal closeButtonProps={{ 'aria-label': t('app.close') }} opened={opened} onClose={onClose} title={t('lots.overrideTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ProblemAlert {...alert} onReload={onReload} />
          <Text size="sm">{t('lots.computed', { hours: integer(lot.computed_hours) })}</Text>
          <TextInput label={t('lots.overrideHours')} required inputMode="numeric" {...form.getInputProps('hours')} />
          <Textarea label={t('lots.overrideReason')} required autosize minRows={2} {...form.getInputProps('reason')} />
          <FormActions label={t('app.save')} busy={busy} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

/** The advice codes kept with the stored calculation (e.g. below the cleaning trade's minimum). */
function storedAdvice(lot: LotRead): string[] {
  const advice = (lot.calculation as Record<string, unknown> | null)?.advice;
  return Array.isArray(advice) ? advice.filter((code): code is string => typeof code === 'string') : [];
}

function HoursCard({ lot, etag, canOverride, onReload }: { lot: LotRead; etag: string; canOverride: boolean; onReload: () => void }) {
  const { t } = useTranslation();
  const refresh = useLotRefresh(lot.id, lot.tender_id);
  const [opened, setOpened] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const clear = async () => {
    setError(null);
    try {
      await call(
        tendersOverrideLotHours({
          path: { tender_id: lot.tender_id, lot_id: lot.id },
          headers: { 'If-Match': etag },
          body: { hours: null, reason: null },
        }),
      );
      await refresh();
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="hours-title">
      <Group justify="space-between" align="start">
        <Stack gap={4}>
          <Title order={2} size="h4" id="hours-title">
            {t('lots.storedTitle')}
          </Title>
          <Text fw={700} size="xl" data-testid="required-hours">
            {lot.required_hours === null ? '—' : `${integer(lot.required_hours)} h`}
          </Text>
          <Text size="sm">{t('lots.computed', { hours: integer(lot.computed_hours) })}</Text>
          {lot.override_hours !== null && (
            <Text size="sm" data-testid="override">
              {t('lots.overridden', { hours: integer(lot.override_hours) })} —{' '}
              {t('lots.overrideBy', {
                name: lot.override_by_name ?? t('lots.unknownAuthor'),
                reason: lot.override_reason ?? '',
                date: day(lot.override_at),
              })}
            </Text>
          )}
          {lot.hours_frozen && <Text size="sm">{t('lots.frozen')}</Text>}
          {lot.outcome && lot.required_hours !== null && (
            <Text size="sm" fw={500} data-testid="hours-not-due">
              {t('lots.hoursNotDueNote')}
            </Text>
          )}
          {lot.calculation && (
            <Text size="sm" c="dimmed" className="formula">
              {formula(String((lot.calculation as Record<string, unknown>).formula ?? ''))}
            </Text>
          )}
          {storedAdvice(lot).map((code) => (
            <Text key={code} size="sm" data-testid="stored-advice">
              {t(`advice.${code}`, { defaultValue: code })}
            </Text>
          ))}
        </Stack>
        {canOverride && (
          <Group>
            <Button variant="light" onClick={() => setOpened(true)}>
              {t('lots.override')}
            </Button>
            {lot.override_hours !== null && (
              <Button variant="subtle" onClick={() => void clear()}>
                {t('lots.removeOverride')}
              </Button>
            )}
          </Group>
        )}
      </Group>
      <ProblemAlert error={error} onReload={onReload} />
      {opened && <OverrideDialog lot={lot} etag={etag} opened={opened} onClose={() => setOpened(false)} onReload={onReload} />}
    </Card>
  );
}

/** A value an amendment changed ("10 mois → 12 mois"), or the one it kept ("10 mois (inchangée)"). */
function change(before: string, after: string, t: (key: string, values?: Record<string, string>) => string): string {
  return before === after ? t('lots.unchanged', { value: after }) : `${before} → ${after}`;
}

function Amendments({ lot, etag, canAmend, onReload }: { lot: LotRead; etag: string; canAmend: boolean; onReload: () => void }) {
  const { t } = useTranslation();
  const rule = useValidator();
  const refresh = useLotRefresh(lot.id, lot.tender_id);
  const [editing, setEditing] = useState(false);
  const form = useForm({
    initialValues: { new_amount: '', new_duration_months: '', signed_on: '', reason: '' },
    // The server's bounds, all checked at once: an amount, a duration in range, a signature
    // day that has happened and is not before the notification, a reason's length.
    validate: {
      new_amount: (value, values) =>
        rule(amount, atMost(AMOUNT_MAX, euros(AMOUNT_MAX)))(value) ??
        (!value.trim() && !values.new_duration_months.trim() ? t('validation.amendmentChange') : null),
      new_duration_months: rule(wholeNumber(DURATION_MONTHS.min, DURATION_MONTHS.max)),
      signed_on: rule(
        required,
        isoDay,
        notTooEarly,
        notAfter(todayIso()),
        notBefore(lot.award?.notification_date, 'validation.amendmentBeforeNotification'),
      ),
      reason: rule(required, minLength(5), maxLength(LENGTHS.reason)),
    },
  });
  const { busy, run, alert } = useApiSubmit(form, fieldMap(['new_amount', 'new_duration_months', 'signed_on', 'reason']));
  const submit = form.onSubmit((values) =>
    run(async () => {
      const amended = await call(
        tendersAmendLot({
          path: { tender_id: lot.tender_id, lot_id: lot.id },
          headers: { 'If-Match': etag },
          body: {
            new_amount: decimal(values.new_amount),
            new_duration_months: values.new_duration_months.trim() ? Number(decimal(values.new_duration_months)) : null,
            signed_on: values.signed_on,
            reason: values.reason.trim(),
          },
        }),
      );
      await refresh();
      const notice = amendmentNotice(amended, (hours) => integer(hours));
      notifications.show({ color: 'green', message: t(notice.key, notice.values) });
      form.reset();
      setEditing(false);
    }),
  );
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="amendments-title">
      <Group justify="space-between">
        <Title order={2} size="h4" id="amendments-title">
          {t('lots.amendmentsTitle')}
        </Title>
        {canAmend && !editing && (
          <Button variant="light" onClick={() => setEditing(true)}>
            {t('lots.amend')}
          </Button>
        )}
      </Group>
      {editing && (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm" mt="sm">
            <ProblemAlert {...alert} onReload={onReload} />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label={t('lots.newAmount')} inputMode="decimal" {...form.getInputProps('new_amount')} />
              <TextInput label={t('lots.newDuration')} inputMode="numeric" {...form.getInputProps('new_duration_months')} />
              <DateField label={t('lots.signedOn')} required {...form.getInputProps('signed_on')} />
            </SimpleGrid>
            <TextInput label={t('lots.reason')} required {...form.getInputProps('reason')} />
            <FormActions label={t('lots.amend')} busy={busy} onCancel={() => setEditing(false)} />
          </Stack>
        </form>
      )}
      {lot.amendments.length === 0 ? (
        <Text size="sm" c="dimmed" mt="xs">
          {t('lots.noAmendments')}
        </Text>
      ) : (
        <Paper withBorder mt="sm">
          <DataTable
            caption={t('lots.amendmentsTitle')}
            testId="amendments"
            columns={[t('lots.number'), t('lots.signedOn'), t('lots.amountChange'), t('lots.durationChange'), t('lots.hoursChange'), t('lots.reason')]}
            minWidth={720}
            striped={false}
            rows={lot.amendments.map((amendment) => ({
              key: amendment.id,
              cells: [
                amendment.number,
                day(amendment.signed_on),
                change(euros(amendment.amount_before), euros(amendment.amount_after), t),
                change(t('lots.months', { count: amendment.duration_before }), t('lots.months', { count: amendment.duration_after }), t),
                change(`${integer(amendment.hours_before)} h`, `${integer(amendment.hours_after)} h`, t),
                amendment.reason,
              ],
            }))}
          />
        </Paper>
      )}
    </Card>
  );
}

function Article({ lot }: { lot: LotRead }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [number, setNumber] = useState('');
  const valid = articleNumberValid(number);
  const [debounced] = useDebouncedValue(number.trim(), 400);
  const articleNumber = valid ? debounced : '';
  const preview = useQuery({
    queryKey: ['article', lot.id, lot.version, articleNumber],
    queryFn: () =>
      call(
        tendersClauseArticlePreview({
          path: { tender_id: lot.tender_id, lot_id: lot.id },
          query: articleNumber ? { article_number: articleNumber } : undefined,
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const save = (format: ArticleFormat) => {
    setError(null);
    download(articleUrl(lot.tender_id, lot.id, format, valid ? number : ''), `clause-lot-${lot.number}.${format}`).catch(setError);
  };
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="article-title">
      <Stack gap={2}>
        <Title order={2} size="h4" id="article-title">
          {t('lots.articleTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('lots.articleIntro')}
        </Text>
      </Stack>
      <Group align="end" mt="sm" gap="sm">
        <TextInput
          label={t('lots.articleNumber')}
          description={t('lots.articleNumberHelp')}
          placeholder="X"
          w={{ base: '100%', sm: 220 }}
          maxLength={10}
          value={number}
          error={valid ? undefined : t('lots.articleNumberInvalid')}
          onChange={(event) => setNumber(event.currentTarget.value)}
        />
        <Group gap="xs" mb={valid ? 0 : 22}>
          <Button variant="light" disabled={!valid} onClick={() => save('docx')}>
            {t('lots.downloadDocx')}
          </Button>
          <Button variant="light" disabled={!valid} onClick={() => save('odt')}>
            {t('lots.downloadOdt')}
          </Button>
          <Button variant="subtle" disabled={!valid} onClick={() => save('pdf')}>
            {t('lots.downloadPdf')}
          </Button>
        </Group>
      </Group>
      <ProblemAlert error={error ?? preview.error} />
      {preview.data && (
        <Paper withBorder p="md" mt="sm" bg="gray.0">
          <ScrollArea.Autosize mah={480}>
            <div data-testid="article" tabIndex={0} role="document" aria-label={t('lots.articleTitle')} aria-busy={preview.isPlaceholderData}>
              <DocumentBlocks preview={preview.data} />
            </div>
          </ScrollArea.Autosize>
        </Paper>
      )}
    </Card>
  );
}

// Bookkeeping the page shows otherwise: the tender it is on, the full calculation (the
// figures and formula are on the hours card), who overrode (recorded by name in the card).
const LOT_HISTORY_HIDDEN = ['tender_id', 'calculation', 'override_by_id', 'labour_hours'] as const;

export function LotPage() {
  const { tenderId = '', lotId = '' } = useParams();
  const { t } = useTranslation();
  const { can } = useAuth();
  const record = useQuery({
    queryKey: ['lot', lotId],
    queryFn: () => callWithETag(tendersGetLot({ path: { tender_id: tenderId, lot_id: lotId } })),
  });
  const [editing, setEditing] = useState(false);
  if (record.isPending) return <Loading />;
  if (record.error) return <LoadError error={record.error} />;
  const { data: lot, etag } = record.data;
  const reload = () => void record.refetch();
  // Every button below is offered when the lot's read allows its action, and only then.
  const { actions } = lot;
  const trade = lotTrade(lot);
  return (
    <Stack gap="md">
      <PageHeader
        title={`${t('lots.lot', { number: lot.number })} — ${lot.title}`}
        description={
          <>
            {trade && `${trade} — `}
            {lot.current_amount != null
              ? t('lots.amountAwardedAndEstimated', { current: euros(lot.current_amount), estimated: euros(lot.estimated_amount) })
              : t('lots.amountEstimated', { estimated: euros(lot.estimated_amount) })}
            {' — '}
            {t('lots.months', { count: lot.duration_months })} — CPV <CpvText code={lot.cpv_code} />
            {' — '}
            {lot.considerations.map((c) => t(`considerations.${c.kind}`)).join(' ; ')}
          </>
        }
        actions={
          <Group>
            {actions.edit && !editing && (
              <Button variant="light" onClick={() => setEditing(true)}>
                {t('lots.edit')}
              </Button>
            )}
            <Anchor component={Link} to={`/tenders/${lot.tender_id}`}>
              {t('lots.back')}
            </Anchor>
          </Group>
        }
      />
      {editing && (
        <LotForm
          key={`edit-${lot.version}`}
          tender={{ id: lot.tender_id, cpv_code: lot.cpv_code, lots: [] }}
          lot={lot}
          etag={etag}
          onDone={() => setEditing(false)}
          onReload={() => void record.refetch()}
        />
      )}
      {lot.penalty_per_missing_hour !== null && (
        <Text size="sm" data-testid="penalty">
          {t('lots.penaltyShown', { amount: euros(lot.penalty_per_missing_hour) })}
        </Text>
      )}
      <HoursCard key={`hours-${lot.version}`} lot={lot} etag={etag} canOverride={actions.override_hours} onReload={reload} />
      {/* The estimate is a tool of its own (no write): offered to who may estimate. */}
      {can('clauses:estimate') && <LotCalculator key={`calc-${lot.version}`} lot={lot} etag={etag} canSave={actions.edit} onReload={reload} />}
      <LotAward key={`award-${lot.version}`} lot={lot} etag={etag} onReload={reload} />
      <Amendments lot={lot} etag={etag} canAmend={actions.amend} onReload={reload} />
      {lot.award && <LotCompliancePanel tenderId={lot.tender_id} lotId={lot.id} />}
      {lot.award && <LotOffers lotId={lot.id} />}
      {lot.award && <LotDocuments tenderId={lot.tender_id} lotId={lot.id} />}
      {actions.clause_article && <Article lot={lot} />}
      {actions.read_history && (
        <HistoryPanel
          entityType="lot"
          entityId={lot.id}
          hiddenFields={LOT_HISTORY_HIDDEN}
          revision={lot.version}
          fetchPage={(cursor) =>
            call(tendersLotHistory({ path: { tender_id: lot.tender_id, lot_id: lot.id }, query: { cursor, limit: 20 } }))
          }
        />
      )}
    </Stack>
  );
}
