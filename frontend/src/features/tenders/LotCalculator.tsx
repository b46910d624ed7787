import { Alert, Button, Card, Group, List, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { call } from '../../api/client';
import { clausesEstimateHours, tendersUpdateLot } from '../../client/sdk.gen';
import type { LotRead } from '../../client/types.gen';
import { ProblemAlert } from '../../components/Feedback';
import { fieldMap, mapProblem, toApiError } from '../../lib/problem';
import { useCheckMessages } from '../../hooks/useCheckMessages';
import { type CalculatorInputs, calculatorErrors, calculatorInputs, estimateBody, savedParameters } from './calculator';
import { euros, formula, integer, percent } from './format';
import { useLotRefresh } from './useLotRefresh';

function parameterValue(name: string, value: string): string {
  if (name === 'labour_share' || name === 'insertion_rate') return percent(value);
  if (name === 'amount_excl_tax' || name === 'hourly_cost') return euros(value);
  if (name === 'taken_over_monthly_hours') return `${integer(value)} h`;
  return integer(value);
}

/** The live calculator: every change re-estimates (no write) and shows the formula. */
/** The calculator's inputs for the API's fields (the estimate's and the lot's names). */
const ESTIMATE_FIELDS = fieldMap([], {
  amount_excl_tax: 'amount',
  labour_share: 'labourShare',
  insertion_rate: 'insertionRate',
  hourly_cost: 'hourlyCost',
  taken_over_monthly_hours: 'takenOverHours',
});

export function LotCalculator({ lot, etag, canSave, onReload }: { lot: LotRead; etag: string; canSave: boolean; onReload?: () => void }) {
  const { t } = useTranslation();
  const refresh = useLotRefresh(lot.id, lot.tender_id);
  const cleaning = lot.calculation_method === 'cleaning';
  const [inputs, setInputs] = useState<CalculatorInputs>(() => calculatorInputs(lot));
  const [saveError, setSaveError] = useState<unknown>(null);
  const [debounced] = useDebouncedValue(inputs, 300);
  // Every input is checked as the forms check it (shares in %, the API takes fractions):
  // nothing is estimated, shown nor saved while one is refused ("1e2" is no 100 %).
  const messages = useCheckMessages();
  const inputErrors = messages(calculatorErrors(lot, inputs));
  const valid = Object.keys(inputErrors).length === 0;
  const debouncedValid = Object.values(calculatorErrors(lot, debounced)).every((problem) => !problem);
  const estimate = useQuery({
    queryKey: ['estimate', lot.id, debounced],
    queryFn: () => call(clausesEstimateHours({ body: estimateBody(lot, debounced) })),
    enabled: debouncedValid,
    retry: false,
  });
  // The estimate's and the save's field errors go next to the calculator's inputs.
  const errors = {
    ...(estimate.error ? mapProblem(toApiError(estimate.error).problem, ESTIMATE_FIELDS).fields : {}),
    ...(saveError ? mapProblem(toApiError(saveError).problem, ESTIMATE_FIELDS).fields : {}),
    ...inputErrors,
  };
  // Read the value now: React clears `currentTarget` once the event is dispatched, and the
  // updater below may run later.
  const set = (name: keyof CalculatorInputs) => (event: React.ChangeEvent<HTMLInputElement>) => {
    const value = event.currentTarget.value;
    setInputs((current) => ({ ...current, [name]: value }));
  };
  const save = async () => {
    setSaveError(null);
    if (!valid) return;
    try {
      await call(
        tendersUpdateLot({
          path: { tender_id: lot.tender_id, lot_id: lot.id },
          headers: { 'If-Match': etag },
          body: savedParameters(lot, inputs),
        }),
      );
      await refresh();
      notifications.show({ color: 'green', message: t('lots.parametersSaved') });
    } catch (error) {
      setSaveError(error);
    }
  };
  const result = valid && debouncedValid ? estimate.data : undefined;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="calculator-title">
      <Title order={2} size="h4" id="calculator-title">
        {t('lots.calculatorTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('lots.calculatorIntro')}
      </Text>
      {cleaning && (
        <Text size="sm" mb="sm" data-testid="calculation-method">
          {t('lots.cleaningMethodHelp')}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 4 }}>
        <TextInput label={t('lots.amount')} inputMode="decimal" value={inputs.amount} onChange={set('amount')} error={errors.amount} />
        {cleaning ? (
          <TextInput
            label={t('lots.takenOverHours')}
            description={t('lots.takenOverHoursHelp')}
            inputMode="decimal"
            value={inputs.takenOverHours}
            onChange={set('takenOverHours')}
            error={errors.takenOverHours}
          />
        ) : (
          <TextInput label={t('lots.labourShare')} inputMode="decimal" value={inputs.labourShare} onChange={set('labourShare')} error={errors.labourShare} />
        )}
        <TextInput label={t('lots.insertionRate')} inputMode="decimal" value={inputs.insertionRate} onChange={set('insertionRate')} error={errors.insertionRate} />
        <TextInput label={t('lots.hourlyCost')} inputMode="decimal" value={inputs.hourlyCost} onChange={set('hourlyCost')} error={errors.hourlyCost} />
      </SimpleGrid>
      {result && !estimate.error && (
        <Stack gap="xs" mt="md" aria-live="polite">
          <Text fw={700} size="xl" data-testid="estimate-hours">
            {t('lots.result', { hours: integer(result.hours) })}
          </Text>
          <Text size="sm">
            {t('app.labelled', { label: t('lots.formula') })} <span className="formula" data-testid="estimate-formula">{formula(result.formula)}</span>
          </Text>
          <Table className="data-table" withTableBorder>
            <caption className="visually-hidden">{t('lots.calculatorTitle')}</caption>
            <Table.Tbody>
              {result.parameters.map((parameter) => (
                <Table.Tr key={parameter.name}>
                  <Table.Th scope="row">{t(`parameters.${parameter.name}`, { defaultValue: parameter.name })}</Table.Th>
                  <Table.Td>{parameterValue(parameter.name, parameter.value)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {t(`parameterSources.${parameter.source}`)}
                      {parameter.detail ? ` — ${parameter.detail}` : ''}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {result.advice.length > 0 && (
            <Alert variant="light" title={t('lots.advice')}>
              <List size="sm">
                {result.advice.map((code) => (
                  <List.Item key={code}>{t(`advice.${code}`, { defaultValue: code })}</List.Item>
                ))}
              </List>
            </Alert>
          )}
        </Stack>
      )}
      {canSave && (
        <Group mt="md">
          <Button variant="light" disabled={!valid} onClick={() => void save()}>
            {t('lots.saveParameters')}
          </Button>
        </Group>
      )}
      {!valid && (
        <Text size="sm" c="red" mt="xs" role="status" data-testid="calculator-invalid">
          {t('lots.calculatorInvalid')}
        </Text>
      )}
      <ProblemAlert error={saveError ?? estimate.error} fields={ESTIMATE_FIELDS} onReload={onReload} />
    </Card>
  );
}
