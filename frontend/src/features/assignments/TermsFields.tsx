import { Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';

import type { ContractKind, FulfilmentMode } from '../../client/types.gen';
import { DateField } from '../../components/DateField';
import { contractChoices, type TermsValues } from './assignments';
import { EmployerField } from './EmployerField';

/** The terms of a mission, in a hire or a direct record: the mode (among `modes`), the
 * employer when the mode has one of its own, the contract the mode allows, the dates and
 * the weekly hours. */
export function TermsFields({ form, modes }: { form: UseFormReturnType<TermsValues>; modes: readonly FulfilmentMode[] }) {
  const { t } = useTranslation();
  const { mode } = form.values;
  const contracts = contractChoices(mode);
  const changeMode = (next: FulfilmentMode) => {
    form.setFieldValue('mode', next);
    const contract = form.values.contract_kind;
    if (contract && !contractChoices(next).includes(contract)) form.setFieldValue('contract_kind', null);
  };
  return (
    <>
      {modes.length > 1 && (
        <Select
          label={t('assignments.mode')}
          required
          allowDeselect={false}
          data={modes.map((value) => ({ value, label: t(`fulfilmentModes.${value}`) }))}
          value={mode}
          onChange={(value) => value && changeMode(value as FulfilmentMode)}
          description={t(`fulfilmentModeHelp.${mode}`)}
          error={form.errors.mode}
          comboboxProps={{ withinPortal: true }}
        />
      )}
      <EmployerField
        mode={mode}
        value={form.values.employer}
        onChange={(value) => form.setFieldValue('employer', value)}
        error={form.errors.employer}
      />
      {contracts.length > 0 ? (
        <Select
          label={t('assignments.contractKind')}
          required={mode === 'direct_hire'}
          clearable={mode !== 'direct_hire'}
          data={contracts.map((value) => ({ value, label: t(`contractKinds.${value}`) }))}
          value={form.values.contract_kind}
          onChange={(value) => form.setFieldValue('contract_kind', value as ContractKind | null)}
          error={form.errors.contract_kind}
          comboboxProps={{ withinPortal: true }}
        />
      ) : (
        mode === 'temporary_work' && <Text size="sm">{t('assignments.interimContract')}</Text>
      )}
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <DateField label={t('assignments.startDate')} required {...form.getInputProps('start_date')} />
        <DateField label={t('assignments.plannedEndDate')} {...form.getInputProps('planned_end_date')} />
      </SimpleGrid>
      <TextInput
        label={t('assignments.hoursPerWeek')}
        description={t('assignments.hoursPerWeekHelp')}
        required
        inputMode="decimal"
        w={{ base: '100%', xs: 240 }}
        {...form.getInputProps('hours_per_week')}
      />
    </>
  );
}
