import { Card, Checkbox, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';

import { call } from '../../api/client';
import { tendersCreateLot, tendersUpdateLot } from '../../client/sdk.gen';
import type { CalculationMethod, LotRead, TenderDetail } from '../../client/types.gen';
import { ProblemAlert } from '../../components/Feedback';
import { useApiSubmit } from '../../hooks/useApiSubmit';
import { useValidator } from '../../hooks/useValidator';
import { fieldMap } from '../../lib/problem';
import { amount, atMost, cpvCode, maxLength, optionalAmount, required, weight, wholeNumber } from '../../lib/validation';
import { AMOUNT_MAX, DURATION_MONTHS, LENGTHS, LOT_NUMBER, SMALL_AMOUNT_MAX} from './checks';
import { euros, integer } from './format';
import { CpvInput } from './CpvInput';
import { lotCreateBody, lotUpdateBody, lotValues, type LotValues } from './lotForm';
import { CONSIDERATIONS } from './vocabularies';
import { FormActions } from '../../components/FormActions';
import { useLotRefresh } from './useLotRefresh';

/** Where the form shows each field of the API (the weight is under its consideration). */
const LOT_FIELDS = fieldMap(
  ['number', 'title', 'trade', 'cpv_code', 'estimated_amount', 'duration_months', 'considerations', 'calculation_method', 'taken_over_monthly_hours', 'penalty_per_missing_hour'],
  { 'considerations.*.criterion_weight': 'criterion_weight' },
);

const METHODS: readonly CalculationMethod[] = ['generic', 'cleaning'];

/**
 * A lot's form: adds a lot to `tender`, or edits `lot` (PATCH with If-Match from `etag`).
 * Field errors of the API go next to their inputs.
 */
export function LotForm({
  tender,
  lot,
  etag,
  onDone,
  onReload,
}: {
  tender: Pick<TenderDetail, 'id' | 'cpv_code' | 'lots'>;
  lot?: LotRead;
  etag?: string;
  onDone: () => void;
  onReload?: () => void;
}) {
  const { t } = useTranslation();
  const rule = useValidator();
  const refresh = useLotRefresh(lot?.id, tender.id);
  const next = Math.max(0, ...tender.lots.map((item) => item.number)) + 1;
  const title = lot ? t('lots.edit') : t('tenders.addLot');
  const form = useForm<LotValues>({
    initialValues: lotValues({ number: next, cpv_code: tender.cpv_code }, lot),
    // The server's bounds, all checked at once (a range error says the range).
    validate: {
      number: (value) => (lot ? null : rule(required, wholeNumber(LOT_NUMBER.min, LOT_NUMBER.max))(value)),
      title: rule(required, maxLength(LENGTHS.title)),
      trade: rule(maxLength(LENGTHS.trade)),
      estimated_amount: rule(required, amount, atMost(AMOUNT_MAX, euros(AMOUNT_MAX))),
      duration_months: rule(required, wholeNumber(DURATION_MONTHS.min, DURATION_MONTHS.max)),
      cpv_code: rule(required, cpvCode),
      criterion_weight: (value, values) =>
        values.considerations.includes('social_award_criterion') ? rule(required, weight)(value) : null,
      taken_over_monthly_hours: (value, values) =>
        values.calculation_method === 'cleaning' ? rule(optionalAmount, atMost(SMALL_AMOUNT_MAX, integer(SMALL_AMOUNT_MAX)))(value) : null,
      penalty_per_missing_hour: rule(optionalAmount, atMost(SMALL_AMOUNT_MAX, euros(SMALL_AMOUNT_MAX))),
    },
  });
  const { busy, run, alert } = useApiSubmit(form, LOT_FIELDS);
  const submit = form.onSubmit((values) =>
    run(async () => {
      if (lot) {
        await call(
          tendersUpdateLot({
            path: { tender_id: tender.id, lot_id: lot.id },
            headers: { 'If-Match': etag ?? '' },
            body: lotUpdateBody(values),
          }),
        );
      } else {
        await call(tendersCreateLot({ path: { tender_id: tender.id }, body: lotCreateBody(values) }));
      }
      await refresh();
      notifications.show({ color: 'green', message: lot ? t('lots.updated') : t('lots.created') });
      onDone();
    }),
  );
  const cleaning = form.values.calculation_method === 'cleaning';
  return (
    <Card withBorder padding="lg" component="section" aria-label={title}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ProblemAlert {...alert} onReload={onReload} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {lot ? (
              <TextInput label={t('lots.number')} value={String(lot.number)} readOnly variant="filled" />
            ) : (
              <TextInput label={t('lots.number')} required inputMode="numeric" {...form.getInputProps('number')} />
            )}
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
            <TextInput label={t('lots.duration')} required inputMode="numeric" {...form.getInputProps('duration_months')} />
          </SimpleGrid>
          <Checkbox.Group label={t('lots.considerations')} {...form.getInputProps('considerations')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
              {CONSIDERATIONS.map((kind) => (
                <Checkbox key={kind} value={kind} label={t(`considerations.${kind}`)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          {form.values.considerations.includes('social_award_criterion') && (
            <TextInput
              label={t('lots.criterionWeight')}
              description={t('lots.criterionWeightHelp')}
              required
              inputMode="decimal"
              w={260}
              {...form.getInputProps('criterion_weight')}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('lots.calculationMethod')}
              allowDeselect={false}
              data={METHODS.map((value) => ({ value, label: t(`methods.${value}`) }))}
              {...form.getInputProps('calculation_method')}
            />
            {cleaning && (
              <TextInput
                label={t('lots.takenOverHours')}
                description={t('lots.takenOverHoursHelp')}
                inputMode="decimal"
                {...form.getInputProps('taken_over_monthly_hours')}
              />
            )}
            <TextInput
              label={t('lots.penalty')}
              description={t('lots.penaltyHelp')}
              inputMode="decimal"
              {...form.getInputProps('penalty_per_missing_hour')}
            />
          </SimpleGrid>
          <FormActions label={lot ? t('app.save') : t('tenders.addLot')} busy={busy} onCancel={onDone} />
        </Stack>
      </form>
    </Card>
  );
}
